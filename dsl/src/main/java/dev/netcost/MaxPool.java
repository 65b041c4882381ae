package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Max pooling, as PyTorch's {@code MaxPool1d/2d/3d}. Sizes take one value or one per spatial dimension. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool {
    /** Window size. Required: written here or given by {@link With}. */
    @Required
    int[] kernel() default {};

    /** Stride; empty (the default) means the same as {@link #kernel()}, as in PyTorch. */
    int[] stride() default {};

    /** Implicit padding on each side; at most half the dilated window. */
    int[] padding() default 0;

    /** Spacing between window taps. */
    int[] dilation() default 1;

    /** Round the output size up instead of down, as PyTorch's {@code ceil_mode}. */
    boolean ceilMode() default false;
}
