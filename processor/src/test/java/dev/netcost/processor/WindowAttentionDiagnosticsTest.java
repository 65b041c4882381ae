package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.NetworkSource.network;

import org.junit.jupiter.api.Test;

/**
 * Every mistake a {@code @WindowAttention} or a {@code @PatchMerging} can be declared with, each
 * one error with its whole message, in its file, on its line, at the column of the value at
 * fault (the annotation, when the input is to blame).
 */
class WindowAttentionDiagnosticsTest {
    /** A network on a map of 12 channels, 8 x 8, made channels-last: (8, 8, 12). */
    private static NetworkSource onAMap(String... fields) {
        return network("{12, 8, 8}", "@ChannelsLast Layer permute;\n" + String.join("\n", fields));
    }

    @Test
    void headsThatDoNotDivideTheChannels() {
        // 12 = 2 x 2 x 3: its divisors nearest to 5 are 4 and 6 (1 away), 3 (2 away) and 2 (3 away).
        NetworkSource src = onAMap("@WindowAttention(heads = 5, window = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:heads] attn on input (8, 8, 12): the 12 channels do not split"
                + " into heads = 5 heads of equal width; use one of 2, 3, 4 or 6", src.at("heads = 5", "5"));
    }

    @Test
    void noHeads() {
        NetworkSource src = onAMap("@WindowAttention(heads = 0, window = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] attn on input (8, 8, 12): heads = 0: the number"
                + " of heads must be at least 1", src.at("heads = 0", "0"));
    }

    @Test
    void aShiftAsLargeAsItsWindow() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = 4, shift = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] attn on input (8, 8, 12): shift = 4 must be"
                + " below window = 4 on each axis, but 4 is not below 4; Swin shifts every other block by half the"
                + " window", src.at("shift = 4", "4"));
    }

    @Test
    void aShiftBeyondItsWindowOnOneAxis() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = {4, 2}, shift = {1, 3}) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] attn on input (8, 8, 12): shift = {1, 3} must be"
                + " below window = {4, 2} on each axis, but 3 is not below 2; Swin shifts every other block by half"
                + " the window", src.at("shift = {1, 3}", "{1, 3}"));
    }

    @Test
    void aNegativeShift() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = 4, shift = -1) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] attn on input (8, 8, 12): shift = -1: every"
                + " shift must be at least 0; -1 is not", src.at("shift = -1", "-1"));
    }

    @Test
    void anEmptyWindow() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = {4, 0}) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] attn on input (8, 8, 12): window = {4, 0}: every"
                + " window size must be at least 1; 0 is not", src.at("window = {4, 0}", "{4, 0}"));
    }

    @Test
    void aWindowOfThreeAxes() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = {4, 4, 4}) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:value-count] attn on input (8, 8, 12): window = {4, 4, 4} has 3"
                + " values but @WindowAttention works on the two spatial axes of a map (H, W, C); give one value,"
                + " or 2", src.at("window = {4, 4, 4}", "{4, 4, 4}"));
    }

    @Test
    void noWindowSize() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = {}) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:value-count] attn on input (8, 8, 12): window = {} gives no"
                + " window size; give one value, or one per spatial dimension", src.at("window = {}", "{}"));
    }

    @Test
    void noWindowAtAll() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:missing] attn: @WindowAttention needs window; write it, as"
                + " @WindowAttention(window = ...), or give it in a block by @With(window = \"...\")", src.at("@WindowAttention"));
    }

    @Test
    void aFeatureMapWithItsChannelsFirst() {
        NetworkSource src = network("{12, 8, 6}", "@WindowAttention(heads = 3, window = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] attn on input (12, 8, 6): @WindowAttention works on"
                + " a channels-last map (H, W, C), but its input is the feature map (12, 8, 6), channels first; put"
                + " @ChannelsLast before it, which makes (8, 6, 12) of it", src.at("@WindowAttention"));
    }

    @Test
    void tokens() {
        NetworkSource src = network("{12, 8, 6}", "@ToTokens Layer tokens;",
                "@WindowAttention(heads = 3, window = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] attn on input (48, 12): @WindowAttention works on"
                + " a channels-last map (H, W, C), but its input (48, 12) is tokens (T, E), without a height and"
                + " width; put it before the @ToTokens", src.at("@WindowAttention"));
    }

    @Test
    void aChannelsLastMapOfThreeSpatialAxes() {
        NetworkSource src = network("{12, 4, 8, 6}", "@ChannelsLast Layer permute;",
                "@WindowAttention(heads = 3, window = 4) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] attn on input (4, 8, 6, 12): @WindowAttention works"
                + " on a channels-last map (H, W, C) of two spatial axes, but its input is (4, 8, 6, 12); give it a"
                + " 2-d map (C, H, W) made channels-last by @ChannelsLast", src.at("@WindowAttention"));
    }

    @Test
    void patchMergingOnAFeatureMap() {
        NetworkSource src = network("{12, 8, 6}", "@PatchMerging Layer merge;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] merge on input (12, 8, 6): @PatchMerging works on"
                + " a channels-last map (H, W, C), but its input is the feature map (12, 8, 6), channels first; put"
                + " @ChannelsLast before it, which makes (8, 6, 12) of it", src.at("@PatchMerging"));
    }

    @Test
    void patchMergingOnAVector() {
        NetworkSource src = network("{12}", "@PatchMerging Layer merge;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] merge on input (12): @PatchMerging works on a"
                + " channels-last map (H, W, C) of two spatial axes, but its input is (12); give it a 2-d map"
                + " (C, H, W) made channels-last by @ChannelsLast", src.at("@PatchMerging"));
    }

    /**
     * A window of 2^31 - 1 on an 8 x 8 map pads it to (2^31 - 1)^2 positions, about 4.6 x 10^18,
     * whose projections, 4 x 12^2 MACs each, pass a long: an error, never a wrapped figure.
     */
    @Test
    void aWindowSoLargeTheFiguresOverflow() {
        NetworkSource src = onAMap("@WindowAttention(heads = 3, window = 2147483647) Layer attn;");
        assertOnlyError(compile(src), src, "[netcost:overflow] attn on input (8, 8, 12): a shape or figure of this"
                + " layer, or the network's total with it, does not fit a long (at most 9,223,372,036,854,775,807);"
                + " netcost never wraps a number: make the layer or its input smaller", src.at("@WindowAttention"));
    }

    /** A shift given by a block's argument is at fault at the use, on that argument. */
    @Test
    void aShiftFromABlocksArgument() {
        NetworkSource block = NetworkSource.of("com.example.Swin", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Swin {
                    int heads();
                    int shift() default 0;

                    class Layers {
                        @LayerNorm Layer norm;
                        @WindowAttention(window = 4) @With(heads = "heads", shift = "shift") Layer attn;
                    }
                }
                """);
        NetworkSource net = onAMap("@Swin(heads = 3, shift = 5) Layer block;");
        assertOnlyError(compile(block, net), net, "[netcost:out-of-range] block.attn on input (8, 8, 12): shift = 5"
                + " must be below window = 4 on each axis, but 5 is not below 4; Swin shifts every other block by"
                + " half the window", net.at("shift = 5", "5"));
    }
}
