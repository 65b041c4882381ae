package dev.netcost.processor.model.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the expressions of {@code @With} and {@code @If}, with Java's precedence:
 * {@code ?:}, then {@code ||}, {@code &&}, equality, comparison, {@code + -},
 * {@code * / %}, unary {@code - !}, and calls, names, numbers and parentheses. Hand-written
 * because the language is a dozen rules; a parser generator would be a dependency for less.
 */
public final class ExprParser {
    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** Parses {@code text} whole, or says where it stops making sense. */
    public static Expr parse(String text) throws ExprException {
        ExprParser parser = new ExprParser(text);
        parser.skipSpaces();
        if (parser.pos == text.length()) {
            throw new ExprException("the expression is empty");
        }
        Expr expr = parser.conditional();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected `" + text.charAt(parser.pos) + "`");
        }
        return expr;
    }

    /**
     * Parses {@code text} as one expression or several separated by commas, for a per-dimension
     * attribute: {@code "1, k"} is a {@link Expr.Tuple}; a single expression is itself.
     */
    public static Expr parseList(String text) throws ExprException {
        ExprParser parser = new ExprParser(text);
        parser.skipSpaces();
        if (parser.pos == text.length()) {
            throw new ExprException("the expression is empty");
        }
        List<Expr> items = new ArrayList<>();
        do {
            items.add(parser.conditional());
        } while (parser.take(","));
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected `" + text.charAt(parser.pos) + "`");
        }
        return items.size() == 1 ? items.get(0) : new Expr.Tuple(items);
    }

    private Expr conditional() throws ExprException {
        Expr condition = binary(0);
        if (take("?")) {
            Expr then = conditional();
            if (!take(":")) {
                throw error("expected `:`");
            }
            return new Expr.Conditional(condition, then, conditional());
        }
        return condition;
    }

    /** Binary operators by level, loosest first. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
    };

    private Expr binary(int level) throws ExprException {
        if (level == LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            String op = takeAny(LEVELS[level]);
            if (op == null) {
                return left;
            }
            left = new Expr.Binary(op, left, binary(level + 1));
        }
    }

    private Expr unary() throws ExprException {
        if (take("-")) {
            return new Expr.Unary('-', unary());
        }
        if (peekOperator("!") && !peekOperator("!=")) {
            take("!");
            return new Expr.Unary('!', unary());
        }
        return primary();
    }

    private Expr primary() throws ExprException {
        skipSpaces();
        if (take("(")) {
            Expr inner = conditional();
            if (!take(")")) {
                throw error("expected `)`");
            }
            return inner;
        }
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            try {
                return new Expr.Num(Long.parseLong(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw new ExprException("the number " + text.substring(start, pos) + " does not fit a long");
            }
        }
        if (pos < text.length() && Character.isJavaIdentifierStart(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.equals("true") || name.equals("false")) {
                return new Expr.Bool(name.equals("true"));
            }
            if (take("(")) {
                return call(name, start);
            }
            return new Expr.Var(name);
        }
        throw error(pos == text.length() ? "the expression ends too early" : "expected a number, a name or `(`");
    }

    private Expr call(String name, int start) throws ExprException {
        Expr.Function function = null;
        for (Expr.Function f : Expr.Function.values()) {
            if (f.javaName().equals(name)) {
                function = f;
            }
        }
        if (function == null) {
            pos = start;
            throw new ExprException(error("unknown function `" + name + "`").getMessage()
                    + "; there are max, min and divisible");
        }
        List<Expr> args = new ArrayList<>();
        if (!take(")")) {
            do {
                args.add(conditional());
            } while (take(","));
            if (!take(")")) {
                throw error("expected `,` or `)`");
            }
        }
        return new Expr.Call(function, args);
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

    private ExprException error(String what) {
        return new ExprException(what + " at column " + (pos + 1) + " of \"" + text + "\"");
    }
}
