package dev.netcost.processor.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share as messages print it: one decimal, rounded half up, exact. */
public final class Percent {
    private Percent() {}

    /** {@code part} of {@code whole}, in percent: {@code 74.3}. */
    public static String of(long part, long whole) {
        return new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(whole), 1, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code part} of {@code whole}, two times such as nanoseconds, in percent: {@code 23.9}. */
    public static String of(double part, double whole) {
        return new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(whole), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
