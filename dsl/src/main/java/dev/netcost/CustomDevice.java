package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A device of your own, declared once on a class of its own and named by
 * {@link Roofline#custom()} and {@link Budget#customDevice()} in any network. Its constants are
 * named after the class ({@code OrinNx} gives {@code ORIN_NX_NANOS}). A figure left at 0 is unknown:
 * the network's {@link Network#dtype()} needs its peak.
 *
 * <pre>{@code
 * @CustomDevice(name = "Jetson Orin NX 16GB", float16FlopsPerSecond = 25e12, memoryBytesPerSecond = 102.4e9)
 * final class OrinNx {}
 * }</pre>
 *
 * <p>At run time, the same figures make a {@link Device}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CustomDevice {
    /**
     * What summaries and reports call it: not blank, and on one line, without control characters
     * ({@code \n}, NUL, U+0085) or the line and paragraph separators U+2028 and U+2029.
     */
    String name();

    /** Dense float32 FLOP/s; 0 if unknown. */
    double float32FlopsPerSecond() default 0;

    /** Dense float16 and bfloat16 FLOP/s; 0 if unknown. */
    double float16FlopsPerSecond() default 0;

    /** Dense int8 operations per second; 0 if unknown. */
    double int8OpsPerSecond() default 0;

    /** Memory bandwidth, bytes per second. */
    double memoryBytesPerSecond();

    /** On-chip memory, bytes; 0 if unknown. */
    long onChipBytes() default 0;
}
