package dev.netcost.processor.write;

import dev.netcost.Summary;

/** Source text for values in generated code. */
final class Literals {
    private Literals() {}

    /** {@code 62378344} as {@code 62_378_344L}: readable in the IDE, and a long. */
    static String longLiteral(long value) {
        return Summary.grouped(value).replace(',', '_') + "L";
    }

    /** A finite double as Java source: the shortest text that reads back as the same value. */
    static String doubleLiteral(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite double: " + value);
        }
        return Double.toString(value);
    }
}
