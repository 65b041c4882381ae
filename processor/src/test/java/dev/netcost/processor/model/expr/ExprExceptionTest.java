package dev.netcost.processor.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netcost.processor.model.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An expression's error holds the catalogue's constant and its values; its message is their text. */
class ExprExceptionTest {

    @Test
    void aParseErrorHoldsItsConstantAndValues() {
        ExprException e = assertThrows(ExprException.class, () -> ExprParser.parse("(in + 1"));
        assertSame(Message.EXPECTED_CLOSING_PARENTHESIS, e.reason());
        // "(in + 1" is 7 characters: the parser stops after them, at column 8.
        assertEquals(List.of(8, "(in + 1"), e.values());
        assertEquals("expected `)` at column 8 of \"(in + 1\"", e.getMessage());
    }

    @Test
    void aTypeErrorHoldsItsConstantAndValues() {
        ExprException e = assertThrows(ExprException.class,
                () -> ExprParser.parse("in + se").type(Map.of("in", ValueType.INT, "se", ValueType.BOOLEAN)));
        assertSame(Message.OPERAND_TYPE, e.reason());
        assertEquals(List.of("+", "an int", "a boolean"), e.values());
    }

    /** The values are checked against the template when the error is made, not when it is printed. */
    @Test
    void theWrongNumberOfValuesFailsAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new ExprException(Message.OPERAND_TYPE, "+"));
    }

    /** A division by zero is reported in the catalogue's words, as an ArithmeticException's message. */
    @Test
    void evaluationErrorsAreWordedByTheCatalogue() throws ExprException {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> ExprParser.parse("1 / 0").eval(Map.of()));
        assertEquals(Message.DIVISION_BY_ZERO.text(), e.getMessage());
        ArithmeticException divisible = assertThrows(ArithmeticException.class,
                () -> ExprParser.parse("divisible(8, 0)").eval(Map.of()));
        assertEquals("divisible(v, d) needs d >= 1, not 0", divisible.getMessage());
    }
}
