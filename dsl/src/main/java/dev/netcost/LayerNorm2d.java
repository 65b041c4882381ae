package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalization over the channels of a channels-first map, at each position, as
 * torchvision's {@code LayerNorm2d(C)} in ConvNeXt's stem, downsampling and head: on
 * {@code (C, H, W)} (also {@code (C, L)} and {@code (C, D, H, W)}), each position's C values are
 * normalised, then scaled and shifted per channel. Parameters {@code 2C} (scale and shift),
 * {@code C} without bias. The shape is unchanged.
 *
 * <p>It takes a channels-first map only. On tokens {@code (T, E)}, a vector, or a map whose
 * channels are last ({@code @ChannelsLast}), the features are on the last axis, and
 * {@code @LayerNorm} is the norm to use.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerNorm2d {
    /** Whether there is a learned shift, as PyTorch's {@code bias} of {@code LayerNorm}. */
    boolean bias() default true;
}
