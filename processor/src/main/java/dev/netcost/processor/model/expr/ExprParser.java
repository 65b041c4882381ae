package dev.netcost.processor.model.expr;

import dev.netcost.processor.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the expressions of {@code @With} and {@code @If}, with Java's precedence:
 * {@code ?:}, then {@code ||}, {@code &&}, equality, comparison, {@code + -},
 * {@code * / %}, unary {@code - !}, and calls, names, numbers and parentheses. Hand-written
 * because the language is a dozen rules; a parser generator would be a dependency for less.
 *
 * <p>Length never makes the parser or the tree deep: runs of operators of one level, of one
 * unary sign and of else-if branches are parsed in loops into one node each (see {@link Expr}).
 * Only nesting does, and it is capped at {@link #MAX_NESTING}, so that no expression can
 * overflow javac's stack, here or in any method of {@link Expr}.
 *
 * <p>Numbers are written in the ASCII digits 0-9 only: {@code "٣٢"} is refused rather than read
 * as 32. Names follow Java's identifier rules, Unicode letters included, because they name block
 * parameters, which are Java identifiers.
 */
public final class ExprParser {
    /**
     * How deep parentheses, calls, the branches of {@code ? :} and unary operators may sit
     * inside one another. A run of one unary sign ({@code - - x}) counts once. Far more than any
     * network needs, and far less than javac's stack holds.
     */
    public static final int MAX_NESTING = 100;

    private final String text;
    private final Set<String> lists;
    private int pos;
    private int depth;

    private ExprParser(String text, Set<String> lists) {
        this.text = text;
        this.lists = lists;
    }

    /** Parses {@code text} whole, or says where it stops making sense. */
    public static Expr parse(String text) throws ExprException {
        return parse(text, Set.of());
    }

    /**
     * As {@link #parse(String)}, where {@code lists} may also be read by index, {@code dim(0)}
     * ({@link Expr.Index}): the input's dimensions and {@code int[]} attributes of an op you declare.
     */
    public static Expr parse(String text, Set<String> lists) throws ExprException {
        ExprParser parser = new ExprParser(text, Set.copyOf(lists));
        parser.skipSpaces();
        if (parser.pos == text.length()) {
            throw new ExprException(Message.EXPRESSION_EMPTY);
        }
        Expr expr = parser.conditional();
        parser.expectEnd();
        return expr;
    }

    /**
     * Parses {@code text} as one expression or several separated by commas, for a per-dimension
     * attribute: {@code "1, k"} is a {@link Expr.Tuple}; a single expression is itself.
     */
    public static Expr parseList(String text) throws ExprException {
        ExprParser parser = new ExprParser(text, Set.of());
        parser.skipSpaces();
        if (parser.pos == text.length()) {
            throw new ExprException(Message.EXPRESSION_EMPTY);
        }
        List<Expr> items = new ArrayList<>();
        do {
            items.add(parser.conditional());
        } while (parser.take(","));
        parser.expectEnd();
        return items.size() == 1 ? items.get(0) : new Expr.Tuple(items);
    }

    private void expectEnd() throws ExprException {
        skipSpaces();
        if (pos < text.length()) {
            throw unexpected();
        }
    }

    /** {@code c1 ? a : c2 ? b : otherwise}, the else-if run in a loop. */
    private Expr conditional() throws ExprException {
        Expr head = binary(0);
        List<Expr.Conditional.Branch> branches = new ArrayList<>();
        while (true) {
            int at = position();
            if (!take("?")) {
                break;
            }
            enter(at);
            Expr then = conditional();
            leave();
            if (!take(":")) {
                throw new ExprException(Message.EXPECTED_COLON, column(), text);
            }
            branches.add(new Expr.Conditional.Branch(head, then));
            head = binary(0);
        }
        return branches.isEmpty() ? head : new Expr.Conditional(branches, head);
    }

    /** Binary operators by level, loosest first. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
    };

    /** The operators of one level, in a loop: recursion only descends the six levels. */
    private Expr binary(int level) throws ExprException {
        if (level == LEVELS.length) {
            return unary();
        }
        Expr first = binary(level + 1);
        List<Expr.Chain.Step> steps = new ArrayList<>();
        while (true) {
            String op = takeAny(LEVELS[level]);
            if (op == null) {
                return steps.isEmpty() ? first : new Expr.Chain(first, steps);
            }
            steps.add(new Expr.Chain.Step(op, binary(level + 1)));
        }
    }

    /** Unary signs in a loop, a run of one sign folded into one node; each run is a level of nesting. */
    private Expr unary() throws ExprException {
        List<Character> ops = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        while (true) {
            int at = position();
            char op;
            if (take("-")) {
                op = '-';
            } else if (peekOperator("!") && !peekOperator("!=")) {
                take("!");
                op = '!';
            } else {
                break;
            }
            int last = ops.size() - 1;
            if (last >= 0 && ops.get(last) == op) {
                counts.set(last, counts.get(last) + 1);
            } else {
                enter(at);
                ops.add(op);
                counts.add(1);
            }
        }
        Expr operand = primary();
        for (int i = ops.size() - 1; i >= 0; i--) {
            operand = new Expr.Unary(ops.get(i), counts.get(i), operand);
            leave();
        }
        return operand;
    }

    private Expr primary() throws ExprException {
        skipSpaces();
        int at = pos;
        if (take("(")) {
            enter(at);
            Expr inner = conditional();
            leave();
            if (!take(")")) {
                throw new ExprException(Message.EXPECTED_CLOSING_PARENTHESIS, column(), text);
            }
            return inner;
        }
        if (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.codePointAt(pos))) {
                throw notAsciiDigit();
            }
            try {
                return new Expr.Num(Long.parseLong(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw new ExprException(Message.NUMBER_TOO_LARGE, text.substring(start, pos));
            }
        }
        if (pos < text.length() && Character.isJavaIdentifierStart(text.codePointAt(pos))) {
            int start = pos;
            while (pos < text.length() && Character.isJavaIdentifierPart(text.codePointAt(pos))) {
                pos += Character.charCount(text.codePointAt(pos));
            }
            String name = text.substring(start, pos);
            if (name.equals("true") || name.equals("false")) {
                return new Expr.Bool(name.equals("true"));
            }
            if (take("(")) {
                enter(at);
                Expr call = call(name, start);
                leave();
                return call;
            }
            return new Expr.Var(name);
        }
        if (pos < text.length() && Character.isDigit(text.codePointAt(pos))) {
            throw notAsciiDigit();
        }
        throw new ExprException(pos == text.length() ? Message.EXPRESSION_ENDS_EARLY : Message.EXPECTED_OPERAND,
                column(), text);
    }

    private Expr call(String name, int start) throws ExprException {
        Expr.Function function = null;
        for (Expr.Function f : Expr.Function.values()) {
            if (f.javaName().equals(name)) {
                function = f;
            }
        }
        if (function == null && lists.contains(name)) {
            return index(name);
        }
        if (function == null) {
            pos = start;
            if (lists.isEmpty()) {
                throw new ExprException(Message.UNKNOWN_FUNCTION, name, column(), text);
            }
            throw new ExprException(Message.UNKNOWN_FUNCTION_OR_LIST, name, column(), text,
                    String.join(", ", new java.util.TreeSet<>(lists)));
        }
        return new Expr.Call(function, arguments());
    }

    /** {@code dim(i)}: the one index, its opening parenthesis taken. */
    private Expr index(String list) throws ExprException {
        List<Expr> args = arguments();
        if (args.size() != 1) {
            throw new ExprException(Message.INDEX_ARGUMENT_COUNT, list, list, args.size());
        }
        return new Expr.Index(list, args.get(0));
    }

    /**
     * The arguments of a call or an index, its opening parenthesis taken, up to and with its
     * closing one: any number, separated by commas; how many it takes, {@link Expr.Call} or {@link #index} checks.
     */
    private List<Expr> arguments() throws ExprException {
        List<Expr> args = new ArrayList<>();
        if (!take(")")) {
            do {
                args.add(conditional());
            } while (take(","));
            if (!take(")")) {
                throw new ExprException(Message.EXPECTED_COMMA_OR_CLOSING_PARENTHESIS, column(), text);
            }
        }
        return args;
    }

    /** One more level of nesting, opened by the token at {@code at}; refused past {@link #MAX_NESTING}. */
    private void enter(int at) throws ExprException {
        depth++;
        if (depth > MAX_NESTING) {
            pos = at;
            throw tooDeep();
        }
    }

    private void leave() {
        depth--;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String takeAny(String[] ops) {
        for (String op : ops) {
            // Listed longest first, so "<" never takes the first half of "<=".
            if (take(op)) {
                return op;
            }
        }
        return null;
    }

    /** Where the next token starts. */
    private int position() {
        skipSpaces();
        return pos;
    }

    private boolean peekOperator(String op) {
        skipSpaces();
        return text.startsWith(op, pos);
    }

    private boolean take(String token) {
        if (peekOperator(token)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    // The errors with a place end in the column and the text: "at column 3 of \"a +\"".

    /** Where the parser stopped, counted from 1. */
    private int column() {
        return pos + 1;
    }

    /** A character left over after a whole expression. */
    private ExprException unexpected() {
        int c = text.codePointAt(pos);
        if (Character.isDigit(c)) {
            return notAsciiDigit();
        }
        return new ExprException(Message.UNEXPECTED_CHARACTER, Character.toString(c), column(), text);
    }

    /** {@code "٣٢"}: a digit, but not one of 0-9. */
    private ExprException notAsciiDigit() {
        int c = text.codePointAt(pos);
        String name = Character.getName(c);
        String codePoint = "U+" + String.format(Locale.ROOT, "%04X", c) + (name == null ? "" : " " + name);
        return new ExprException(Message.DIGIT_NOT_ASCII, Character.toString(c), codePoint, column(), text);
    }

    private ExprException tooDeep() {
        return new ExprException(Message.NESTING_TOO_DEEP, MAX_NESTING, column(), text);
    }
}
