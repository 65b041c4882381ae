package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Average pooling, as PyTorch's {@code AvgPool1d/2d/3d}. Sizes take one value or one per spatial dimension. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AvgPool {
    /** Window size. Required: written here or given by {@link With}. */
    @Required
    int[] kernel() default {};

    /** Stride; empty (the default) means the same as {@link #kernel()}, as in PyTorch. */
    int[] stride() default {};

    /** Implicit zero padding on each side; at most half the window. */
    int[] padding() default 0;

    /** Round the output size up instead of down, as PyTorch's {@code ceil_mode}. */
    boolean ceilMode() default false;
}
