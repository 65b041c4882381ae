package dev.netcost.samples.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/** The seed notes' worked examples, through the processor as Maven runs it. */
class SeedExamplesTest {
    @Test
    void seed000Pointwise() {
        // (1^2 * 3) * 2 = 6
        assertEquals(6, SeedExamples_PointwiseCost.PARAMS);
    }

    @Test
    void seed000Grouped() {
        // 1^2 x 64/2 x 2/2 x 2 = 64
        assertEquals(64, SeedExamples_GroupedCost.PARAMS);
    }

    @Test
    void seed002SixFilters() {
        // 5 x 5 x 3 x 6 + 6 = 456; output 28 x 28 x 6
        assertEquals(456, SeedExamples_SixFiltersCost.PARAMS);
        assertEquals(Shape.of(6, 28, 28), SeedExamples_SixFiltersCost.OUTPUT_SHAPE);
    }

    /** The seed prints 27,233 parameters, building the depthwise step wrongly; the spec's correction is 27,328. */
    @Test
    void seed001DepthwiseSeparable() {
        assertEquals(2_496, SeedExamples_DepthwiseSeparableCost.DEPTHWISE_PARAMS);
        assertEquals(24_832, SeedExamples_DepthwiseSeparableCost.POINTWISE_PARAMS);
        assertEquals(27_328, SeedExamples_DepthwiseSeparableCost.PARAMS);
        assertEquals(39_331_008, 2 * SeedExamples_DepthwiseSeparableCost.MACS);
        assertEquals(614_656, SeedExamples_PlainFiveByFiveCost.PARAMS);
        assertEquals(895_795_200, 2 * SeedExamples_PlainFiveByFiveCost.MACS);
    }

    @Test
    void seed003OutputSizes() {
        assertEquals(Shape.of(1, 126, 126), SeedExamples_OutputSizesCost.OUTPUT_SHAPE);
        assertEquals(Shape.of(1, 128, 128), SeedExamples_OutputSizesPaddedCost.OUTPUT_SHAPE);
        assertEquals(Shape.of(1, 63, 63), SeedExamples_OutputSizesStridedCost.OUTPUT_SHAPE);
        assertEquals(Shape.of(1, 124, 124), SeedExamples_OutputSizesDilatedCost.OUTPUT_SHAPE);
        assertEquals(Shape.of(1, 64, 64), SeedExamples_OutputSizesPaddedStridedCost.OUTPUT_SHAPE);
    }

    /** Seed 004: FLOPs with bias 2*K*Cin/g*Cout*Hout*Wout: 2 * 25 * 3 * 6 * 28 * 28. */
    @Test
    void seed004ConvolutionFlopsWithBias() {
        assertEquals(2L * 25 * 3 * 6 * 28 * 28, SeedExamples_SixFiltersCost.FLOPS);
    }

    /** Seed 004 without bias: (2*K*Cin/g - 1) * Cout * Hout * Wout = (2 * 1 * 3 - 1) * 2 * 8 * 8. */
    @Test
    void seed004ConvolutionFlopsWithoutBias() {
        assertEquals((2 * 3 - 1) * 2 * 8 * 8, SeedExamples_PointwiseCost.FLOPS);
    }
}
