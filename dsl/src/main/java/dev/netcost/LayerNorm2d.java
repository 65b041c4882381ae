package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalization over the channels of a channels-first map, at each position, as
 * torchvision's {@code LayerNorm2d(C)} in ConvNeXt's stem, downsampling and head: on
 * {@code (C, H, W)}, each position's C values are normalised, then scaled and shifted per channel.
 * Only a 2-d map: torchvision's permute takes {@code (N, C, H, W)} and nothing else. Parameters
 * {@code 2C} (scale and shift), {@code C} without bias, none without {@code affine}. The shape is
 * unchanged.
 *
 * <p>It takes a channels-first map only. On tokens {@code (T, E)}, a vector, or a map whose
 * channels are last ({@code @ChannelsLast}), the features are on the last axis, and
 * {@code @LayerNorm} is the norm to use.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerNorm2d {
    /**
     * Whether the norm learns a scale per feature (and, with {@link #bias()}, a shift), as
     * PyTorch's {@code elementwise_affine}; without, it has no parameters at all.
     */
    boolean affine() default true;

    /** Whether there is a learned shift, as PyTorch's {@code bias} of {@code LayerNorm}. */
    boolean bias() default true;
}
