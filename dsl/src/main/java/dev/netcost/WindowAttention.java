package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Self-attention within windows of a channels-last map {@code (H, W, C)}, shifted or not, as
 * Swin's W-MSA and SW-MSA (torchvision's {@code ShiftedWindowAttention}): {@code (H, W, C)} to
 * {@code (H, W, C)}. The map is padded at the bottom and right to a multiple of the window and
 * cut into windows of {@code window[0] * window[1]} positions; in each, every position attends to
 * the others through {@code heads} heads of {@code C / heads} channels, with a learned bias per
 * relative offset and head. A shifted window first rolls the map by {@code shift} positions; where
 * the window covers the whole padded map, torchvision drops the shift. Put {@code @ChannelsLast}
 * before it.
 *
 * <p>Parameters: the qkv projection {@code Linear(C, 3C)} and the output projection
 * {@code Linear(C, C)}, and the relative position bias table
 * {@code (2 window[0] - 1) (2 window[1] - 1) heads}. Buffers: the relative position index,
 * {@code (window[0] window[1])^2}. MACs: the projections on every position of the padded map,
 * {@code 4 C^2} each, and the scores and the weighted sum, {@code N^2 C} each per window of
 * {@code N} positions, as torchvision's {@code bmm}s.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WindowAttention {
    /** Heads; the channels C must divide by it. Required: written here or given by {@link With}. */
    @Required
    int heads() default 0;

    /**
     * The window's height and width: one value for both ({@code window = 7}, Swin's) or
     * {@code {height, width}}. Required: written here or given by {@link With}.
     */
    @Required
    int[] window() default {};

    /**
     * How far the windows are shifted, down and right: one value for both or {@code {height, width}},
     * each from 0 to its window less one. 0, the default, is W-MSA; Swin shifts every other block
     * by half the window (SW-MSA).
     */
    int[] shift() default 0;

    /** Whether the qkv and output projections have biases (Swin: yes, both). */
    boolean bias() default true;
}
