package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The devices a network is meant to run on, for a roofline time of every layer on each, by the
 * cost model's section "Roofline": {@code max(FLOPs / peak, bytes / bandwidth)} at the peak for the
 * network's {@link Network#dtype()}, which bound the layer hits, and the network's time as the sum.
 * The companion then has, per device, {@code <DEVICE>_NANOS} (one inference of the batch) and, for
 * a {@link Decoder}, the prefill time, the time of one decode step at the context and the tokens per
 * second; the summary has a column per device, and the reports a roofline plot.
 *
 * <pre>{@code
 * @Roofline(value = Hardware.JETSON_ORIN_NANO, custom = OrinNx.class)
 * @Budget(maxInferenceNanos = 33_333_333L) // 30 frames a second, on each of them
 * @Network(input = {3, 224, 224}, dtype = DType.FLOAT16) // OrinNx has a float16 peak only
 * class EdgeNet { ... }
 * }</pre>
 *
 * <p>A roofline time is a lower bound under stated assumptions, not a measurement: kernel
 * launches, caches, fusion and the share of the peak a kernel reaches are left out.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Roofline {
    /** Devices netcost knows. */
    Hardware[] value() default {};

    /** Devices you declare: classes annotated {@link CustomDevice}. */
    Class<?>[] custom() default {};
}
