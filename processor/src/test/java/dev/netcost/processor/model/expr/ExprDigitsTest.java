package dev.netcost.processor.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers are ASCII digits only; names are Java identifiers, Unicode letters included. */
class ExprDigitsTest {
    private static String message(String text) {
        return assertThrows(ExprException.class, () -> ExprParser.parse(text)).getMessage();
    }

    @Test
    void arabicIndicDigitsAreRefused() {
        String text = "\u0663\u0662"; // what Character.isDigit reads as 32
        assertEquals("the digit `\u0663` (U+0663 ARABIC-INDIC DIGIT THREE) is not ASCII at column 1 of \"" + text
                + "\"; write numbers with the digits 0-9", message(text));
    }

    @Test
    void fullwidthDigitsAreRefused() {
        assertEquals("the digit `\uFF14` (U+FF14 FULLWIDTH DIGIT FOUR) is not ASCII at column 6 of \"in *"
                + " \uFF14\"; write numbers with the digits 0-9", message("in * \uFF14"));
    }

    /** After ASCII digits, a non-ASCII one is not read as more of the number. */
    @Test
    void aNonAsciiDigitAfterAnAsciiOne() {
        assertEquals("the digit `\u0663` (U+0663 ARABIC-INDIC DIGIT THREE) is not ASCII at column 2 of \"3\u0663\";"
                + " write numbers with the digits 0-9", message("3\u0663"));
    }

    /** A digit outside the basic plane is named whole, not by half of its surrogate pair. */
    @Test
    void aMathematicalDigitIsNamedWhole() {
        String four = new String(Character.toChars(0x1D7D2));
        assertEquals("the digit `" + four + "` (U+1D7D2 MATHEMATICAL BOLD DIGIT FOUR) is not ASCII at column 1 of \""
                + four + "\"; write numbers with the digits 0-9", message(four));
    }

    /** Block parameters are Java identifiers, and Java identifiers may be Unicode: so may names here. */
    @Test
    void namesMayBeUnicodeLettersAndDigits() throws ExprException {
        Expr expr = ExprParser.parse("gr\u00f6\u00dfe * 2 + x\u0663");
        Map<String, ValueType> types = Map.of("gr\u00f6\u00dfe", ValueType.INT, "x\u0663", ValueType.INT);
        expr.type(types);
        assertEquals(2L * 5 + 3, expr.eval(Map.of("gr\u00f6\u00dfe", 5L, "x\u0663", 3L)));
    }
}
