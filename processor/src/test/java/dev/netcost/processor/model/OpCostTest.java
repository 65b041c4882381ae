package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each op's figures against the seeds' worked examples, hand calculations, and brute-force
 * counts that loop over every output element rather than use the cost model's formulas.
 */
class OpCostTest {
    private static Conv conv(int out, int kernel, int stride, int padding, int groups, boolean bias) {
        return new Conv(out, List.of(kernel), List.of(stride), List.of(padding), List.of(1), groups, bias);
    }

    private static Shape out(Op op, Shape in) {
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in)).shape();
    }

    private static Cost cost(Op op, Shape in) {
        return op.cost(in, out(op, in));
    }

    @Test
    void seed000PointwiseConvolution() {
        // Input (1, 3, 8, 8), conv(2, 1, 1) without bias: (1^2 * 3) * 2 = 6.
        assertEquals(6, cost(conv(2, 1, 1, 0, 1, false), Shape.of(3, 8, 8)).params());
    }

    @Test
    void seed000GroupedConvolution() {
        // Input (1, 64, 8, 8), conv(2, 1, 1), g = 2: 1^2 x 64/2 x 2/2 x 2 = 64.
        assertEquals(64, cost(conv(2, 1, 1, 0, 2, false), Shape.of(64, 8, 8)).params());
    }

    @Test
    void seed002SixFiveByFiveFilters() {
        // 5 x 5 x 3 x 6 + 6 = 456 parameters, output 28 x 28 x 6.
        Conv c = conv(6, 5, 1, 0, 1, true);
        assertEquals(Shape.of(6, 28, 28), out(c, Shape.of(3, 32, 32)));
        assertEquals(456, cost(c, Shape.of(3, 32, 32)).params());
    }

    /** Seed 001's depthwise separable block, with the spec's correction of its parameter count. */
    @Test
    void seed001DepthwiseSeparableBlock() {
        Shape in = Shape.of(96, 27, 27);
        Conv depthwise = conv(96, 5, 1, 2, 96, true);
        Conv pointwise = conv(256, 1, 1, 0, 1, true);
        Cost dw = cost(depthwise, in);
        Cost pw = cost(pointwise, out(depthwise, in));
        assertEquals(2_496, dw.params()); // 96 x (25 + 1)
        assertEquals(24_832, pw.params()); // 256 x (96 + 1)
        assertEquals(39_331_008, 2 * (dw.macs() + pw.macs()));

        Cost plain = cost(conv(256, 5, 1, 2, 1, true), in);
        assertEquals(614_656, plain.params());
        assertEquals(895_795_200, 2 * plain.macs());
    }

    /** Seed 004: FLOPs (2*K*Cin/g - 1) * Cout * Hout * Wout without bias, 2*K*Cin/g * ... with. */
    @Test
    void seed004ConvolutionFlops() {
        Shape in = Shape.of(8, 10, 10);
        // 3 x 3, groups 2: K*Cin/g = 9 * 4 = 36 per output; output (6, 8, 8) = 384 elements.
        assertEquals((2 * 36 - 1) * 6 * 8 * 8, cost(conv(6, 3, 1, 0, 2, false), in).flops());
        assertEquals(2 * 36 * 6 * 8 * 8, cost(conv(6, 3, 1, 0, 2, true), in).flops());
    }

    /** Convolutions of many small shapes against multiplies and adds counted output by output. */
    @Test
    void convolutionEqualsBruteForceCount() {
        int[][] cases = { // cin, h, w, out, kernel, stride, padding, groups
            {3, 7, 7, 4, 3, 1, 0, 1}, {4, 9, 6, 8, 3, 2, 1, 2}, {6, 5, 5, 6, 5, 1, 2, 6}, {2, 4, 4, 2, 1, 1, 0, 1},
            {8, 11, 13, 4, 4, 3, 1, 4}, {5, 6, 6, 10, 2, 2, 0, 5},
        };
        for (int[] c : cases) {
            for (boolean bias : new boolean[] {false, true}) {
                Conv conv = conv(c[3], c[4], c[5], c[6], c[7], bias);
                Shape in = Shape.of(c[0], c[1], c[2]);
                Shape output = out(conv, in);
                long multiplies = 0;
                long adds = 0;
                long outputs = 0;
                for (long oc = 0; oc < output.dim(0); oc++) {
                    for (long y = 0; y < output.dim(1); y++) {
                        for (long x = 0; x < output.dim(2); x++) {
                            long terms = 0;
                            for (int ic = 0; ic < c[0] / c[7]; ic++) {
                                for (int ky = 0; ky < c[4]; ky++) {
                                    for (int kx = 0; kx < c[4]; kx++) {
                                        terms++;
                                    }
                                }
                            }
                            multiplies += terms;
                            adds += terms - 1 + (bias ? 1 : 0);
                            outputs++;
                        }
                    }
                }
                long weights = (long) c[3] * (c[0] / c[7]) * c[4] * c[4];
                Cost cost = conv.cost(in, output);
                String where = java.util.Arrays.toString(c) + " bias=" + bias;
                assertEquals(weights + (bias ? c[3] : 0), cost.params(), where);
                assertEquals(multiplies, cost.macs(), where);
                assertEquals(multiplies + adds, cost.flops(), where);
                assertEquals(outputs, output.numel(), where);
            }
        }
    }

    /** A transposed convolution against the scatter it performs, counted input by input. */
    @Test
    void transposedConvolutionEqualsScatterCount() {
        // (16, 8, 8) to 8 channels, 4 x 4, stride 2, padding 1: (8 - 1) * 2 - 2 + 3 + 1 = 16.
        ConvTranspose t = new ConvTranspose(8, List.of(4), List.of(2), List.of(1), List.of(0), List.of(1), 1, true);
        Shape in = Shape.of(16, 8, 8);
        Shape output = out(t, in);
        assertEquals(Shape.of(8, 16, 16), output);
        long macs = 0;
        for (int ic = 0; ic < 16; ic++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    for (int oc = 0; oc < 8; oc++) {
                        macs += 4 * 4; // every tap of the kernel scatters one product
                    }
                }
            }
        }
        Cost cost = t.cost(in, output);
        assertEquals(16 * 8 * 16 + 8, cost.params());
        assertEquals(macs, cost.macs());
        assertEquals(2 * macs + 8 * 16 * 16, cost.flops());
    }

    @Test
    void seed001LinearLayers() {
        Linear fc6 = new Linear(4096, true);
        Cost c = cost(fc6, Shape.of(9216));
        assertEquals(37_752_832, c.params());
        assertEquals(9216L * 4096, c.macs());
        // With bias 2 * I * O; the seed's (2I - 1) * O = 75,493,376 is the no-bias figure.
        assertEquals(2L * 9216 * 4096, c.flops());
        assertEquals(75_493_376, cost(new Linear(4096, false), Shape.of(9216)).flops());
    }

    @Test
    void batchNormCountsScaleShiftAndRunningStatistics() {
        Cost c = cost(new BatchNorm(), Shape.of(32, 112, 112));
        assertEquals(64, c.params());
        assertEquals(64, c.buffers());
        assertEquals(0, c.macs());
        assertEquals(2L * 32 * 112 * 112, c.flops());
    }

    @Test
    void elementWiseOps() {
        Shape in = Shape.of(4, 5, 6); // 120 elements
        assertEquals(120, cost(new Activation(Activation.Kind.RELU), in).flops());
        assertEquals(120, cost(new Activation(Activation.Kind.RELU6), in).flops());
        assertEquals(480, cost(new Activation(Activation.Kind.SIGMOID), in).flops());
        assertEquals(480, cost(new Activation(Activation.Kind.TANH), in).flops());
        assertEquals(480, cost(new Activation(Activation.Kind.SILU), in).flops());
        assertEquals(480, cost(new Activation(Activation.Kind.GELU), in).flops());
        assertEquals(360, cost(new Softmax(), in).flops());
        assertEquals(Cost.ZERO, cost(new Dropout(0.5), in));
        assertEquals(Cost.ZERO, cost(new Flatten(), in));
        assertEquals(Shape.of(120), out(new Flatten(), in));
    }

    @Test
    void pooling() {
        Shape in = Shape.of(2, 6, 6);
        MaxPool max = new MaxPool(new PoolWindow(List.of(2), List.of(), List.of(0), List.of(1), false));
        assertEquals(Shape.of(2, 3, 3), out(max, in)); // stride defaults to the kernel
        assertEquals(3 * 18, cost(max, in).flops()); // 3 comparisons for each of 18 outputs
        AvgPool avg = AvgPool.of(List.of(3), List.of(1), List.of(1), false);
        assertEquals(Shape.of(2, 6, 6), out(avg, in));
        assertEquals(9 * 72, cost(avg, in).flops());
        // Adaptive from 6 to 4: windows [0,2) [1,3) [3,5) [4,6): 2 cells each, 8 per row, 64 per channel.
        AdaptiveAvgPool adaptive = new AdaptiveAvgPool(List.of(4));
        assertEquals(Shape.of(2, 4, 4), out(adaptive, in));
        assertEquals(2 * 64, cost(adaptive, in).flops());
        GlobalAvgPool global = new GlobalAvgPool();
        assertEquals(Shape.of(2, 1, 1), out(global, in));
        assertEquals(72, cost(global, in).flops());
    }

    @Test
    void oneAndThreeDimensionalConvolutions() {
        Conv c1 = new Conv(8, List.of(3), List.of(1), List.of(1), List.of(1), 1, false);
        assertEquals(Shape.of(8, 100), out(c1, Shape.of(4, 100)));
        assertEquals("Conv1d", c1.displayName(Shape.of(4, 100)));
        Conv c3 = new Conv(8, List.of(1, 3, 3), List.of(1), List.of(0, 1, 1), List.of(1), 1, true);
        assertEquals(Shape.of(8, 16, 56, 56), out(c3, Shape.of(3, 16, 56, 56)));
        // 8 * 3 * 9 weights + 8 biases.
        assertEquals(224, cost(c3, Shape.of(3, 16, 56, 56)).params());
        assertEquals("Conv3d", c3.displayName(Shape.of(3, 16, 56, 56)));
    }
}
