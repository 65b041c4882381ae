package dev.netcost.samples.seeds;

import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.Network;

/**
 * The seed notes' small worked examples, each declared as a network so that the processor, wired
 * as users wire it, computes them. {@link SeedExamplesTest} holds them to the seeds' figures.
 */
final class SeedExamples {
    private SeedExamples() {}

    /** Seed 000: input (1, 3, 8, 8) through conv(2, 1, 1) without bias. */
    @Network(input = {3, 8, 8})
    static class Pointwise {
        @Conv(out = 2, kernel = 1, bias = false) Layer conv;
    }

    /** Seed 000: input (1, 64, 8, 8) through conv(2, 1, 1) in 2 groups, without bias. */
    @Network(input = {64, 8, 8})
    static class Grouped {
        @Conv(out = 2, kernel = 1, groups = 2, bias = false) Layer conv;
    }

    /** Seed 002: six 5 x 5 filters over a 32 x 32 x 3 input. */
    @Network(input = {3, 32, 32})
    static class SixFilters {
        @Conv(out = 6, kernel = 5) Layer conv;
    }

    /** Seed 001: a depthwise separable block at (96, 27, 27): depthwise 5 x 5, then pointwise to 256. */
    @Network(input = {96, 27, 27})
    static class DepthwiseSeparable {
        @Conv(out = 96, kernel = 5, padding = 2, groups = 96) Layer depthwise;
        @Conv(out = 256, kernel = 1) Layer pointwise;
    }

    /** Seed 001: the plain 5 x 5 convolution the block replaces. */
    @Network(input = {96, 27, 27})
    static class PlainFiveByFive {
        @Conv(out = 256, kernel = 5, padding = 2) Layer conv;
    }

    /** Seed 003: a 128 x 128 input under 3 x 3 kernels of five settings. */
    @Network(input = {1, 128, 128})
    static class OutputSizes {
        @Conv(out = 1, kernel = 3) Layer plain;
    }

    @Network(input = {1, 128, 128})
    static class OutputSizesPadded {
        @Conv(out = 1, kernel = 3, padding = 1) Layer padded;
    }

    @Network(input = {1, 128, 128})
    static class OutputSizesStrided {
        @SuppressWarnings("netcost:unread-input") // the seed's example: 128 -> 63 drops a row
        @Conv(out = 1, kernel = 3, stride = 2) Layer strided;
    }

    @Network(input = {1, 128, 128})
    static class OutputSizesDilated {
        @Conv(out = 1, kernel = 3, dilation = 2) Layer dilated;
    }

    @Network(input = {1, 128, 128})
    static class OutputSizesPaddedStrided {
        @Conv(out = 1, kernel = 3, padding = 1, stride = 2) Layer paddedStrided;
    }
}
