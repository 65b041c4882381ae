package dev.netcost.processor.write;

/** Source text for values in generated code. */
final class Literals {
    private Literals() {}

    /** {@code 62378344} as {@code 62_378_344L}: readable in the IDE, and a long. */
    static String longLiteral(long value) {
        String digits = Long.toString(value);
        boolean negative = value < 0;
        if (negative) {
            digits = digits.substring(1);
        }
        StringBuilder s = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        s.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            s.append('_').append(digits, i, i + 3);
        }
        return (negative ? "-" : "") + s + "L";
    }
}
