package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolution, as PyTorch's {@code Conv1d}, {@code Conv2d} or {@code Conv3d}: the input's
 * rank picks the dimensionality. {@code kernel}, {@code stride}, {@code padding} and
 * {@code dilation} take one value for every spatial dimension or one per dimension
 * ({@code kernel = {1, 7}}). A depthwise convolution is {@code groups} equal to the input
 * channels.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv {
    /** Output channels. Required: written here or given by {@link With}. */
    @Required
    int out() default 0;

    /** Kernel size. Required: written here or given by {@link With}. */
    @Required
    int[] kernel() default {};

    /** Stride. */
    int[] stride() default 1;

    /** Zero padding on each side. */
    int[] padding() default 0;

    /**
     * PyTorch's {@code padding='same'} ({@link Padding#SAME}, stride 1 only) or {@code 'valid'}
     * ({@link Padding#VALID}); by default ({@link Padding#EXPLICIT}) the sizes in {@code padding}.
     */
    Padding autoPad() default Padding.EXPLICIT;

    /** Spacing between kernel taps. */
    int[] dilation() default 1;

    /** Channel groups; must divide the input and the output channels. */
    int groups() default 1;

    /** Whether the layer adds a learnable bias per output channel. */
    boolean bias() default true;
}
