package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transposed convolution, as PyTorch's {@code ConvTranspose1d/2d/3d}. Output size per
 * spatial dimension: {@code (n - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ConvTranspose {
    /** Output channels. Required: written here or given by {@link With}. */
    @Required
    int out() default 0;

    /** Kernel size. Required: written here or given by {@link With}. */
    @Required
    int[] kernel() default {};

    /** Stride. */
    int[] stride() default 1;

    /** Padding removed from each side of the output. */
    int[] padding() default 0;

    /** Extra size added to one side of the output; smaller than the stride or the dilation. */
    int[] outputPadding() default 0;

    /** Spacing between kernel taps. */
    int[] dilation() default 1;

    /** Channel groups; must divide the input and the output channels. */
    int groups() default 1;

    /** Whether the layer adds a learnable bias per output channel. */
    boolean bias() default true;
}
