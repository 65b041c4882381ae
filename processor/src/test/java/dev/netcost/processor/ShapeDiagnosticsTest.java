package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import org.junit.jupiter.api.Test;

/**
 * Every shape and attribute error, through javac: the whole message, and the file, line and
 * column of the value the IDE underlines.
 */
class ShapeDiagnosticsTest {
    private static NetworkSource network(String input, String... fields) {
        return NetworkSource.example("Net", "@Network(" + input + ")\nclass Net {\n    @Conv(out = 8, kernel = 3) Layer stem;\n"
                + String.join("\n", fields).indent(4) + "}\n");
    }

    /** The issue's own example: 64 output channels cannot split into 5 groups, on a 96-channel input. */
    @Test
    void groupsNotDividingTheOutputChannels() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {96, 27, 27})
                class Net {
                    @Conv(out = 64, kernel = 3, groups = 5) Layer conv2;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:channels] conv2 on input (96, 27, 27): groups = 5 does not divide out = 64; groups must"
                        + " divide both the input and the output channels",
                src.at("groups = 5", "5"));
    }

    @Test
    void groupsNotDividingTheInputChannels() {
        NetworkSource src = network("input = {6, 16, 16}", "@Conv(out = 64, kernel = 3, groups = 4) Layer grouped;");
        // stem gives 8 channels; 8 % 4 == 0, so make the stem give 6.
        src = NetworkSource.of(src.qualifiedName(), src.text().replace("@Conv(out = 8, kernel = 3) Layer stem;",
                "@Conv(out = 6, kernel = 3) Layer stem;"));
        assertOnlyError(compile(src), src,
                "[netcost:channels] grouped on input (6, 14, 14): groups = 4 does not divide the 6 input channels;"
                        + " use a groups value that divides both 6 and out = 64 (their greatest common divisor is 2)",
                src.at("groups = 4", "4"));
    }

    @Test
    void nonPositiveOutputChannels() {
        NetworkSource src = network("input = {3, 32, 32}", "@Conv(out = 0, kernel = 3) Layer conv;");
        assertOnlyError(compile(src), src,
                "[netcost:out-of-range] conv on input (8, 30, 30): out = 0: the number of output channels must be"
                        + " at least 1",
                src.at("@Conv(out = 0", "0"));
    }

    @Test
    void nonPositiveKernelElement() {
        NetworkSource src = network("input = {3, 32, 32}", "@Conv(out = 4, kernel = {3, 0}) Layer conv;");
        assertOnlyError(compile(src), src,
                "[netcost:out-of-range] conv on input (8, 30, 30): kernel = {3, 0}: every kernel size must be at"
                        + " least 1; 0 is not",
                src.at("kernel = {3, 0}", "{3, 0}"));
    }

    @Test
    void zeroStride() {
        NetworkSource src = network("input = {3, 32, 32}", "@MaxPool(kernel = 2, stride = 0) Layer pool;");
        assertOnlyError(compile(src), src,
                "[netcost:out-of-range] pool on input (8, 30, 30): stride = 0: every stride must be at least 1;"
                        + " 0 is not",
                src.at("stride = 0", "0"));
    }

    @Test
    void negativePadding() {
        NetworkSource src = network("input = {3, 32, 32}", "@Conv(out = 4, kernel = 3, padding = -1) Layer conv;");
        assertOnlyError(compile(src), src, "conv on input (8, 30, 30): padding = -1: every padding must be at least 0",
                src.at("padding = -1", "-1"));
    }

    @Test
    void zeroDilation() {
        NetworkSource src = network("input = {3, 32, 32}", "@Conv(out = 4, kernel = 3, dilation = 0) Layer conv;");
        assertOnlyError(compile(src), src, "conv on input (8, 30, 30): dilation = 0: every dilation must be at least 1",
                src.at("dilation = 0", "0"));
    }

    @Test
    void nonPositiveLinearWidth() {
        NetworkSource src = network("input = {3, 32, 32}", "@Flatten Layer flat;", "@Linear(out = -5) Layer fc;");
        assertOnlyError(compile(src), src,
                "fc on input (7200): out = -5: the number of output features must be at least 1",
                src.at("out = -5", "-5"));
    }

    @Test
    void zeroAdaptiveOutput() {
        NetworkSource src = network("input = {3, 32, 32}", "@AdaptiveAvgPool(output = {7, 0}) Layer pool;");
        assertOnlyError(compile(src), src, "pool on input (8, 30, 30): output = {7, 0}: every output size must be"
                + " at least 1; 0 is not", src.at("output = {7, 0}", "{7, 0}"));
    }

    @Test
    void dropoutProbabilityAboveOne() {
        NetworkSource src = network("input = {3, 32, 32}", "@Dropout(p = 1.5) Layer drop;");
        assertOnlyError(compile(src), src,
                "[netcost:out-of-range] drop on input (8, 30, 30): p = 1.5 is not a probability; use a value from"
                        + " 0 to 1",
                src.at("p = 1.5", "1.5"));
    }

    @Test
    void kernelLargerThanItsPaddedInput() {
        NetworkSource src = network("input = {3, 9, 9}", "@Conv(out = 4, kernel = 10, padding = 1) Layer big;");
        assertOnlyError(compile(src), src,
                "[netcost:window] big on input (8, 7, 7): kernel 10 is larger than the height 7 padded to 9 of the"
                        + " input, so the output height would be 0; use a smaller kernel, more padding, or a larger"
                        + " input",
                src.at("kernel = 10", "10"));
    }

    @Test
    void windowLargerThanItsInputOnOneDimension() {
        NetworkSource src = network("input = {3, 40, 9}", "@MaxPool(kernel = {2, 8}) Layer pool;");
        assertOnlyError(compile(src), src,
                "[netcost:window] pool on input (8, 38, 7): kernel 8 is larger than the width 7 of the input, so the"
                        + " output width would be 0; use a smaller kernel, more padding, or a larger input",
                src.at("kernel = {2, 8}", "{2, 8}"));
    }

    @Test
    void dilatedKernelLargerThanItsInput() {
        NetworkSource src = network("input = {3, 9, 9}", "@Conv(out = 4, kernel = 3, dilation = 4) Layer atrous;");
        assertOnlyError(compile(src), src,
                "[netcost:window] atrous on input (8, 7, 7): kernel 3 (dilated to 9) is larger than the height 7 of"
                        + " the input, so the output height would be -1",
                src.at("kernel = 3, dilation", "3"));
    }

    @Test
    void linearOnAFeatureMapAsksForFlatten() {
        NetworkSource src = network("input = {3, 8, 8}", "@Linear(out = 10) Layer fc;");
        assertOnlyError(compile(src), src,
                "[netcost:needs-flatten] fc on input (8, 6, 6): @Linear needs a vector or tokens (T, E), but its"
                        + " input still has spatial dimensions; add a @Flatten layer before it (it would give (288)),"
                        + " @ToTokens for one token per position, or @ChannelsLast for a linear layer on each"
                        + " position's channels",
                src.at("@Linear(out = 10)"));
    }

    @Test
    void convolutionOnAVector() {
        NetworkSource src = network("input = {3, 8, 8}", "@Flatten Layer flat;",
                "@Conv(out = 4, kernel = 1) Layer late;");
        assertOnlyError(compile(src), src,
                "[netcost:input-shape] late on input (288): @Conv needs an input (C, L), (C, H, W) or (C, D, H, W);"
                        + " this input has no spatial dimensions left; move the layer before the @Flatten or the"
                        + " @Linear",
                src.at("@Conv(out = 4, kernel = 1)"));
    }

    @Test
    void perDimensionValuesThatDoNotMatchTheInput() {
        NetworkSource src = network("input = {3, 32, 32}", "@Conv(out = 4, kernel = {3, 3, 3}) Layer conv;");
        assertOnlyError(compile(src), src,
                "[netcost:value-count] conv on input (8, 30, 30): kernel = {3, 3, 3} has 3 values but the input has"
                        + " 2 spatial dimensions; give one value, or 2",
                src.at("kernel = {3, 3, 3}", "{3, 3, 3}"));
    }

    @Test
    void emptyKernel() {
        NetworkSource src = network("input = {3, 32, 32}", "@AvgPool(kernel = {}) Layer pool;");
        assertOnlyError(compile(src), src,
                "[netcost:value-count] pool on input (8, 30, 30): kernel = {} gives no kernel size; give one value,"
                        + " or one per spatial dimension",
                src.at("kernel = {}", "{}"));
    }

    @Test
    void poolingPaddingAboveHalfTheKernel() {
        NetworkSource src = network("input = {3, 32, 32}", "@MaxPool(kernel = 3, padding = 2) Layer pool;");
        assertOnlyError(compile(src), src,
                "[netcost:padding] pool on input (8, 30, 30): padding 2 is more than half the kernel 3, which"
                        + " PyTorch refuses; use padding of at most 1",
                src.at("padding = 2", "2"));
    }

    @Test
    void transposedOutputPaddingNotBelowStride() {
        NetworkSource src = network("input = {3, 32, 32}",
                "@ConvTranspose(out = 4, kernel = 3, stride = 2, outputPadding = 2) Layer up;");
        assertOnlyError(compile(src), src,
                "[netcost:output-padding] up on input (8, 30, 30): outputPadding 2 must be smaller than the stride 2"
                        + " or the dilation 1, as PyTorch requires; lower outputPadding",
                src.at("outputPadding = 2", "2"));
    }

    @Test
    void transposedPaddingThatTrimsEverything() {
        NetworkSource src = network("input = {3, 3, 3}", "@ConvTranspose(out = 4, kernel = 1, padding = 1) Layer up;");
        assertOnlyError(compile(src), src,
                "[netcost:window] up on input (8, 1, 1): padding 1 trims the output height to -1; use less padding"
                        + " or a larger kernel or stride",
                src.at("padding = 1", "1"));
    }

    @Test
    void networkWithEmptyInput() {
        NetworkSource src = network("input = {}");
        assertOnlyError(compile(src), src,
                "[netcost:no-input] Net: input = {} gives no input shape, and no field is an @Input; give one"
                        + " sample's shape, channels first, such as input = {3, 224, 224}, or declare @Input fields",
                src.at("input = {}", "{}"));
    }

    @Test
    void networkInputOfRankFive() {
        NetworkSource src = network("input = {1, 3, 16, 224, 224}");
        assertOnlyError(compile(src), src,
                "[netcost:input-rank] Net: input has 5 dimensions; netcost takes {F}, {C, L}, {C, H, W} or"
                        + " {C, D, H, W} for one sample, without the batch (set that with batch = N)",
                src.at("input = {1, 3, 16, 224, 224}", "{1, 3, 16, 224, 224}"));
    }

    @Test
    void networkInputWithAZeroDimension() {
        NetworkSource src = network("input = {3, 0, 224}");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] Net: input dimension 0 must be at least 1",
                src.at("input = {3, 0, 224}", "{3, 0, 224}"));
    }

    @Test
    void networkWithZeroBatch() {
        NetworkSource src = network("input = {3, 32, 32}, batch = 0");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] Net: batch = 0 must be at least 1",
                src.at("batch = 0", "0"));
    }

    @Test
    void figuresBeyondLongAreAnError() {
        // 2^21 x 2^21 x 2^21 = 2^63 elements: one more than a long holds.
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {2097152, 2097152, 2097152})
                class Net {
                    @ReLU Layer relu;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:overflow] relu on input (2097152, 2097152, 2097152): a shape or figure of this layer, or"
                        + " the network's total with it, does not fit a long (at most 9,223,372,036,854,775,807);"
                        + " netcost never wraps a number",
                src.at("@ReLU"));
    }
}
