package dev.netcost.processor.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Expressions far longer or deeper than anyone writes: long ones are evaluated, every method of
 * {@link Expr} included; deep ones are refused at the level past the limit. None overflows the stack.
 */
class ExprDepthTest {
    private static final Map<String, ValueType> TYPES =
            Map.of("in", ValueType.INT, "t", ValueType.INT, "se", ValueType.BOOLEAN);
    private static final Map<String, Object> VALUES = Map.of("in", 24L, "t", 6L, "se", true);

    private static Object eval(String text) throws ExprException {
        Expr expr = ExprParser.parse(text);
        expr.type(TYPES);
        return expr.eval(VALUES);
    }

    private static String message(String text) {
        return assertThrows(ExprException.class, () -> ExprParser.parse(text)).getMessage();
    }

    private static String tooDeep(String text, int column) {
        return "the expression nests deeper than 100 levels at column " + column + " of \"" + text + "\"; nest"
                + " parentheses, calls, `? :` and unary operators at most 100 deep";
    }

    /** 5,000 terms: 2,500 of {@code in} (24) and 2,500 of {@code t} (6), 75,000; the variables in reading order. */
    @Test
    void aSumOfFiveThousandTerms() throws ExprException {
        String text = String.join(" + ", Collections.nCopies(2_500, "in + t"));
        assertEquals(75_000L, eval(text));
        Set<String> variables = new LinkedHashSet<>();
        ExprParser.parse(text).variables(variables);
        assertEquals(List.of("in", "t"), List.copyOf(variables));
        // Subtraction stays left to right over the whole run: 24 - 6 - 6 - ... (4,999 sixes) = 24 - 29,994.
        assertEquals(24L - 6 * 4_999L, eval("in" + " - t".repeat(4_999)));
        // 5,000 factors of 1 times in.
        assertEquals(24L, eval("1 * ".repeat(5_000) + "in"));
    }

    @Test
    void twentyThousandUnarySigns() throws ExprException {
        assertEquals(24L, eval("-".repeat(20_000) + "in"));
        assertEquals(-24L, eval("- ".repeat(20_001) + "in"));
        assertEquals(true, eval("!".repeat(20_000) + "se"));
        assertEquals(false, eval("!".repeat(20_001) + "se"));
        // Applied sign by sign: the first minus overflows on the smallest long, as in Java.
        Expr min = ExprParser.parse("- - (-9223372036854775807 - 1)");
        min.type(TYPES);
        assertThrows(ArithmeticException.class, () -> min.eval(VALUES));
        // A run of minus signs still needs an int.
        assertEquals("`-` needs an int, not a boolean",
                assertThrows(ExprException.class, () -> ExprParser.parse("-".repeat(20_000) + "se").type(TYPES))
                        .getMessage());
    }

    /** An else-if run of 5,000 branches is one node: t is 6, so the branch `t == 6` gives 6 * 10 = 60. */
    @Test
    void aLongElseIfRun() throws ExprException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5_000; i++) {
            text.append("t == ").append(i).append(" ? ").append(i * 10).append(" : ");
        }
        text.append("-1");
        assertEquals(60L, eval(text.toString()));
        // The innermost sides disagree first, as nested `? :` would report.
        assertEquals("the two sides of `? :` are an int and a boolean", assertThrows(ExprException.class,
                () -> ExprParser.parse("se ? 1 : se ? 2 : se").type(TYPES)).getMessage());
    }

    /** 100 levels parse; the 101st `(`, at column 101, is refused. */
    @Test
    void nestedParentheses() throws ExprException {
        assertEquals(24L, eval("(".repeat(100) + "in" + ")".repeat(100)));
        String thousand = "(".repeat(1_000) + "in" + ")".repeat(1_000);
        assertEquals(tooDeep(thousand, 101), message(thousand));
    }

    /** A change of sign opens a level; a run of one sign does not: `-!` 51 times is 102 runs, the 101st at column 101. */
    @Test
    void alternatingSignsAndNestedCalls() throws ExprException {
        String signs = "-!".repeat(51) + "se";
        assertEquals(tooDeep(signs, 101), message(signs));
        // max(in, max(in, ...)): each call is a level; the 101st `max` starts at column 1 + 100 * 8 = 801.
        String calls = "max(in, ".repeat(101) + "t" + ")".repeat(101);
        assertEquals(tooDeep(calls, 801), message(calls));
        assertEquals(24L, eval("max(in, ".repeat(100) + "t" + ")".repeat(100)));
        // A `? :` branch is a level: then-branches nested 101 deep, the 101st `?` at column 100 * 5 + 4 = 504.
        String thens = "se ? ".repeat(101) + "1" + " : 2".repeat(101);
        assertEquals(tooDeep(thens, 504), message(thens));
    }

    /** Operators keep Java's left-to-right meaning when a run is one node. */
    @Test
    void chainsMeanWhatNestedOperatorsMeant() throws ExprException {
        assertEquals(true, eval("t == 6 == true")); // (t == 6) == true
        assertEquals(2L, eval("in / 4 % 4")); // (24 / 4) % 4
        assertEquals(false, eval("false && in / 0 == 1")); // && does not evaluate its right side
        assertEquals(true, eval("true || in / 0 == 1"));
        assertEquals("`<` needs an int, not a boolean",
                assertThrows(ExprException.class, () -> ExprParser.parse("1 < 2 < 3").type(TYPES)).getMessage());
    }
}
