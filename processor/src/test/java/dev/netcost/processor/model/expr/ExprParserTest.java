package dev.netcost.processor.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The expression language of {@code @With} and {@code @If}, by hand-worked values. */
class ExprParserTest {
    private static final Map<String, ValueType> TYPES =
            Map.of("in", ValueType.INT, "t", ValueType.INT, "se", ValueType.BOOLEAN);
    private static final Map<String, Object> VALUES = Map.of("in", 24L, "t", 6L, "se", true);

    private static Object eval(String text) throws ExprException {
        Expr expr = ExprParser.parse(text);
        expr.type(TYPES);
        return expr.eval(VALUES);
    }

    @Test
    void precedenceAsInJava() throws ExprException {
        assertEquals(24L * 6 + 2, eval("in * t + 2"));
        assertEquals(24L * (6 + 2), eval("in * (t + 2)"));
        assertEquals(24L - 6 - 2, eval("in - t - 2")); // left to right
        assertEquals(true, eval("t == 6 && in > 16 || false"));
        assertEquals(false, eval("!se || t != 6"));
        assertEquals(-18L, eval("-in + t"));
        assertEquals(4L, eval("se ? in / t : 0"));
        assertEquals(1L, eval("t == 1 ? 7 : t > 5 ? 1 : 2"));
    }

    /** Division rounds down, as Python's // in torchvision's configurations. */
    @Test
    void divisionRoundsDown() throws ExprException {
        assertEquals(4L, eval("in / 5"));
        assertEquals(-5L, eval("-in / 5"));
        assertEquals(4L, eval("in % 5"));
        assertEquals(1L, eval("-in % 5"));
    }

    /**
     * torchvision's {@code _make_divisible(v, 8)} on MobileNetV3's squeeze widths
     * ({@code expanded // 4}), worked by hand: 18 rounds to 16, below 0.9 * 18 = 16.2, so 24;
     * 30 rounds to 32; 120, 168 and 240 are multiples of 8 already; 3 gives the minimum 8.
     */
    @Test
    void divisibleIsTorchvisionsMakeDivisible() {
        assertEquals(24, Expr.Function.divisible(72 / 4, 8));
        assertEquals(32, Expr.Function.divisible(120 / 4, 8));
        assertEquals(120, Expr.Function.divisible(480 / 4, 8));
        assertEquals(168, Expr.Function.divisible(672 / 4, 8));
        assertEquals(240, Expr.Function.divisible(960 / 4, 8));
        assertEquals(8, Expr.Function.divisible(3, 8));
        assertEquals(40, Expr.Function.divisible(38, 8)); // 38 + 4 = 42, down to 40
        assertThrows(ArithmeticException.class, () -> Expr.Function.divisible(10, 0));
    }

    @Test
    void functionsAndVariables() throws ExprException {
        assertEquals(24L, eval("max(in, t)"));
        assertEquals(6L, eval("min(in, t)"));
        Set<String> variables = new LinkedHashSet<>();
        ExprParser.parse("max(t, in / 4) + t").variables(variables);
        assertEquals(Set.of("t", "in"), variables);
    }

    /** Per-dimension values: a list at the top level; commas inside a call belong to the call. */
    @Test
    void listsOfValues() throws ExprException {
        Expr list = ExprParser.parseList("1, max(in, t) / 2");
        assertEquals(java.util.List.of(1L, 12L), list.eval(VALUES));
        ((Expr.Tuple) list).typeItems(TYPES);
        assertEquals(24L, ExprParser.parseList("in").eval(VALUES));
        assertThrows(ExprException.class, () -> ExprParser.parseList("1, se").type(TYPES));
        assertThrows(ExprException.class, () -> ((Expr.Tuple) ExprParser.parseList("1, se")).typeItems(TYPES));
        assertThrows(ExprException.class, () -> ExprParser.parse("1, 2"));
    }

    @Test
    void arithmeticIsExact() throws ExprException {
        Expr big = ExprParser.parse("in * 9223372036854775807");
        big.type(TYPES);
        assertThrows(ArithmeticException.class, () -> big.eval(VALUES));
        Expr zero = ExprParser.parse("in / (t - 6)");
        assertThrows(ArithmeticException.class, () -> zero.eval(VALUES));
        // The smallest long divided by -1 is 2^63, one past the largest: an overflow, not the
        // smallest long again as Math.floorDiv would wrap it.
        Expr quotient = ExprParser.parse("(0 - 9223372036854775807 - 1) / (0 - 1)");
        assertThrows(ArithmeticException.class, () -> quotient.eval(VALUES));
        assertEquals(-24L, eval("in / (0 - 1)"));
        assertEquals(-5L, eval("(0 - 9) / 2")); // still rounded down, as Python's //
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertEquals("the expression is empty", message(""));
        assertEquals("the expression ends too early at column 6 of \"in * \"", message("in * "));
        assertEquals("expected `)` at column 8 of \"(in + 1\"", message("(in + 1"));
        assertEquals("unexpected `t` at column 4 of \"in t\"", message("in t"));
        assertEquals("unknown function `sqrt` at column 1 of \"sqrt(in)\"; there are max, min and divisible",
                message("sqrt(in)"));
        assertEquals("expected `:` at column 8 of \"se ? 1 2\"", message("se ? 1 2"));
    }

    @Test
    void typeErrorsSayWhat() {
        assertEquals("unknown name `width`; in scope: " + String.join(", ", TYPES.keySet()), typeMessage("width"));
        assertEquals("`+` needs an int, not a boolean", typeMessage("in + se"));
        assertEquals("`&&` needs a boolean, not an int", typeMessage("in && se"));
        assertEquals("`==` compares an int with a boolean", typeMessage("in == se"));
        assertEquals("the two sides of `? :` are an int and a boolean", typeMessage("se ? 1 : se"));
        assertEquals("`max` takes 2 arguments, not 3", typeMessage("max(1, 2, 3)"));
    }

    private static String message(String text) {
        return assertThrows(ExprException.class, () -> ExprParser.parse(text)).getMessage();
    }

    private static String typeMessage(String text) {
        return assertThrows(ExprException.class, () -> ExprParser.parse(text).type(TYPES)).getMessage();
    }
}
