package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A feature map with its channels moved last, as {@code x.permute(0, 2, 3, 1)} in ConvNeXt's
 * blocks and Swin's stem: {@code (C, H, W)} to {@code (H, W, C)}, {@code (C, D, H, W)} to
 * {@code (D, H, W, C)}. After it, {@code @Linear} and {@code @LayerNorm} work on each position's
 * channels, as they do in PyTorch on the permuted tensor; {@code @ChannelsFirst} moves them back.
 * A view: free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ChannelsLast {}
