package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Interpolation;
import dev.netcost.Shape;
import dev.netcost.Training;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The training rules of the element-wise ops, norms, pools, merges and views (docs/cost-model.md,
 * "Backward of element-wise ops, norms, pools, merges and views" and "Forward in training"), each
 * figure by hand from the op's derivative.
 *
 * <p>What each op saves is held to what torch 1.13 keeps: {@code /usr/bin/python3
 * processor/src/test/resources/torch/saved_tensors_elementwise.py} runs each op on a batch of 2 (maps
 * {@code (2, 4, 6, 6)}, 288 elements; tokens {@code (2, 5, 8)}, 80) inside
 * {@code torch.autograd.graph.saved_tensors_hooks}, whose pack hook sees every tensor autograd saves,
 * deduplicated by storage {@code data_ptr} and named input, output, a module's parameter or buffer, or
 * "own". It printed (parameters and buffers left out here, as they are no activations):
 * <pre>
 * ReLU, Sigmoid, Tanh           output float32 x288 (Softmax (5, 8): output x80)
 * ReLU6, SiLU, GELU, GELU tanh, Hardswish, Hardsigmoid, LeakyReLU, Mish   input float32 x288
 * QuickGELU                     input x288; own float32 x288 (the sigmoid's s); own float64 x1 (1.702)
 * Dropout (nn, CPU)             own float32 x288      native_dropout   own bool x288
 * Dropout p=0                   nothing (the output is the input)
 * MaxPool2d 3/2 p1              input x288; own int64 x72 (= 2 * 4 * 3 * 3 outputs)
 * AvgPool2d 2, AdaptiveAvgPool2d (2,2) and (1,1), mean over (H, W)   input x288
 * BatchNorm2d (train)           input x288; own float32 x4; own float32 x4 (C = 4, per batch)
 * LayerNorm (5, 8)              input x80; own float32 x10; own float32 x10 (2 * 5 rows)
 * LlamaRMSNorm (5, 8)           input x80; own float32 x10; own float32 x80; own float32 x80
 * GroupNorm 2 groups            input x288; own float32 x4; own float32 x4 (2 samples * 2 groups)
 * InstanceNorm2d affine track   input x288; own float32 x8 five times (N*C: mean, invstd, weight,
 *                               running mean and var repeated)     InstanceNorm2d: input; x8 twice
 * LayerNorm2d (torchvision)     input x288; own float32 x72; own float32 x72 (2 * 36 positions)
 * Upsample nearest, bilinear; Add, Add broadcast; Concat           nothing
 * StochasticDepth row           own float32 x2 (one per sample)
 * Mul                           input0 x288; input1 x288   broadcast (C,1,1): input0 x288; input1 x8
 * Mul of three                  input0, input1, input2 x288; own float32 x288 (a * b)
 * views (no copy, nothing saved): Flatten, ChannelSplit, Chunk, SelectToken, permute, ToTokens,
 *   ToMap (transpose(1, 2).reshape(N, 8, 2, 3)), CenterCrop
 * copies, nothing saved: Unfold and Fold (MobileViT's), PatchMerging (pad, slices, cat),
 *   ChannelShuffle, ZeroPad2d
 * </pre>
 */
class BackpropElementwiseTest {
    private static final BackwardPass BOTH = new BackwardPass(true, true, Training.AttentionKernel.FUSED);
    /** The first layer with parameters: no input gradient. */
    private static final BackwardPass FIRST = new BackwardPass(false, true, Training.AttentionKernel.FUSED);
    /** A frozen layer that a trainable one came before. */
    private static final BackwardPass FROZEN = new BackwardPass(true, false, Training.AttentionKernel.FUSED);
    private static final BackwardPass NEITHER = new BackwardPass(false, false, Training.AttentionKernel.FUSED);

    private static final Shape MAP = Shape.of(4, 6, 6); // 144 elements
    private static final Shape TOKENS = Shape.of(5, 8); // 40 elements, 5 rows

    private static Backprop train(Op op, Shape in, Layout layout, BackwardPass pass) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
        return op.backprop(in, out, layout, Optional.empty(), op.cost(in, out, layout), pass);
    }

    private static Backprop train(Op op, Shape in, BackwardPass pass) {
        return train(op, in, Layout.FEATURES, pass);
    }

    private static Backprop merge(Merge merge, List<Shape> inputs, BackwardPass pass) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class,
                merge.outputShape(inputs, List.of("a", "b", "c").subList(0, inputs.size()))).shape();
        return merge.backprop(inputs, out, merge.cost(inputs, out), pass);
    }

    private static Backprop elementwise(long forward, long toInput, Saved saved) {
        return new Backprop(forward, Work.flops(toInput), Work.NONE, saved);
    }

    @Test
    void activationsCountTheirDerivativePerElement() {
        record Case(Activation.Kind kind, long forward, long backward, Saved saved) { }
        long n = 144;
        List<Case> cases = List.of(
                new Case(Activation.Kind.RELU, n, n, Saved.OUTPUT), // compare and select
                new Case(Activation.Kind.RELU6, n, 2 * n, Saved.INPUT), // two compares
                new Case(Activation.Kind.SIGMOID, 4 * n, 3 * n, Saved.OUTPUT), // dy * (1 - y) * y
                new Case(Activation.Kind.TANH, 4 * n, 3 * n, Saved.OUTPUT), // dy * (1 - y * y)
                new Case(Activation.Kind.SILU, 4 * n, (4 + 5) * n, Saved.INPUT), // s 4; dy * s * (1 + x(1 - s)) 5
                new Case(Activation.Kind.GELU, 4 * n, (4 + 4 + 3) * n, Saved.INPUT), // cdf 4, pdf 4, combine 3
                // x^2 1, x^3 1, inner 3, tanh 4, left 1, right 1, 0.5 right 1, 1 - t^2 2, inner' 3, product 2, sum and dy 2
                new Case(Activation.Kind.GELU_TANH, 12 * n, (1 + 1 + 3 + 4 + 1 + 1 + 1 + 2 + 3 + 2 + 2) * n, Saved.INPUT),
                new Case(Activation.Kind.HARDSWISH, 4 * n, 5 * n, Saved.INPUT), // 2 compares, divide, add, multiply
                new Case(Activation.Kind.HARDSIGMOID, 3 * n, 3 * n, Saved.INPUT), // 2 compares, dy / 6
                new Case(Activation.Kind.LEAKY_RELU, 2 * n, 2 * n, Saved.INPUT), // compare, dy * slope
                new Case(Activation.Kind.MISH, 8 * n, (4 + 3 + 4 + 6) * n, Saved.INPUT), // s, softplus, tanh, combine
                // products dy*s and dy*x 2, sigmoid's 3, times 1.702 1, two gradients of x added 1; keeps x and s
                new Case(Activation.Kind.QUICK_GELU, 5 * n, 7 * n, new Saved(true, false, n, 0)));
        for (Case c : cases) {
            Activation op = new Activation(c.kind());
            assertEquals(elementwise(c.forward(), c.backward(), c.saved()), train(op, MAP, BOTH), c.kind().name());
            // Reading only what no parameter made: no backward, nothing kept.
            assertEquals(Backprop.passThrough(c.forward()), train(op, MAP, NEITHER), c.kind().name());
            assertFalse(op.view());
        }
    }

    /** The convention attention's softmax follows too: 4 per element, the output kept. */
    @Test
    void softmaxKeepsItsOutput() {
        // y * (dy - sum(dy * y)): multiply, add, subtract, multiply over (5, 8): 4 * 40.
        assertEquals(elementwise(3 * 40, 4 * 40, Saved.OUTPUT), train(new Softmax(), TOKENS, Layout.TOKENS, BOTH));
    }

    @Test
    void dropoutDrawsItsMaskInTraining() {
        // Forward: compare, times mask, times 1/(1-p): 3 * 144; backward dy * mask * scale 2 * 144; 1 byte mask each.
        assertEquals(new Backprop(3 * 144, Work.flops(2 * 144), Work.NONE, new Saved(false, false, 0, 144)),
                train(new Dropout(0.1), MAP, BOTH));
        // Its forward still runs in training when no gradient flows through it.
        assertEquals(Backprop.passThrough(3 * 144), train(new Dropout(0.1), MAP, NEITHER));
        // p = 0: PyTorch returns the input (the script: "Dropout p=0 view=True saves: nothing").
        assertEquals(Backprop.passThrough(0), train(new Dropout(0.0), MAP, BOTH));
    }

    @Test
    void stochasticDepthMultipliesByItsNoise() {
        // input * noise: 144 multiplies forward, dy * noise 144 backward; the noise one element per sample.
        assertEquals(new Backprop(144, Work.flops(144), Work.NONE, new Saved(false, false, 1, 0)),
                train(new StochasticDepth(0.2, dev.netcost.StochasticDepth.Mode.ROW), MAP, BOTH));
        assertEquals(new Backprop(144, Work.flops(144), Work.NONE, Saved.NOTHING),
                train(new StochasticDepth(0.2, dev.netcost.StochasticDepth.Mode.BATCH), MAP, BOTH));
        assertEquals(Backprop.passThrough(0),
                train(new StochasticDepth(0.0, dev.netcost.StochasticDepth.Mode.ROW), MAP, BOTH));
    }

    @Test
    void maxPoolKeepsItsInputAndIndices() {
        // (4, 6, 6), 3 x 3 stride 2 padding 1: (4, 3, 3), 36 outputs. Forward 8 comparisons each: 288.
        MaxPool pool = new MaxPool(new PoolWindow(List.of(3), List.of(2), List.of(1), List.of(1), false));
        // One add per output; input kept, and 36 int64 indices: 288 bytes.
        assertEquals(new Backprop(8 * 36, Work.flops(36), Work.NONE, new Saved(true, false, 0, 8 * 36)),
                train(pool, MAP, BOTH));
    }

    @Test
    void averagePoolsDivideAndSpread() {
        // 2 x 2 stride 2: (4, 3, 3), 36 outputs, K = 4. Backward: a divide and 4 adds per output, 5 * 36.
        AvgPool avg = AvgPool.of(List.of(2), List.of(2), List.of(0), false);
        assertEquals(elementwise(4 * 36, 5 * 36, Saved.INPUT), train(avg, MAP, BOTH));
        // Adaptive to (2, 2) from 6 x 6: windows of 3 x 3 (cells [0, 3) and [3, 6)), forward 4 * 4 * 9 = 144;
        // backward 144 + 16 (a divide per output).
        assertEquals(elementwise(144, 144 + 16, Saved.INPUT), train(new AdaptiveAvgPool(List.of(2)), MAP, BOTH));
        // Adaptive to (1, 1) is the mean: one divide per input element, 144.
        assertEquals(elementwise(144, 144, Saved.INPUT), train(new AdaptiveAvgPool(List.of(1)), MAP, BOTH));
        assertEquals(elementwise(144, 144, Saved.INPUT), train(new GlobalAvgPool(), MAP, BOTH));
    }

    @Test
    void upsamplingSpreadsItsGradientOverTheCellsItRead() {
        // (4, 6, 6) x 2: (4, 12, 12), 576 outputs. Nearest: an add each; bilinear: 4 cells, multiply and add.
        Upsample nearest = new Upsample(List.of(2), List.of(), "", Interpolation.NEAREST, false);
        Upsample bilinear = new Upsample(List.of(2), List.of(), "", Interpolation.BILINEAR, false);
        assertEquals(elementwise(0, 576, Saved.NOTHING), train(nearest, MAP, BOTH));
        assertEquals(elementwise(9 * 576, 8 * 576, Saved.NOTHING), train(bilinear, MAP, BOTH));
        Upsample bicubic = new Upsample(List.of(2), List.of(), "", Interpolation.BICUBIC, false);
        assertEquals(elementwise(35 * 576, 32 * 576, Saved.NOTHING), train(bicubic, MAP, BOTH)); // 16 cells
        Upsample linear = new Upsample(List.of(2), List.of(), "", Interpolation.LINEAR, false);
        assertEquals(elementwise(3 * 24, 4 * 24, Saved.NOTHING), train(linear, Shape.of(2, 6), BOTH)); // 2 cells
        Upsample trilinear = new Upsample(List.of(2), List.of(), "", Interpolation.TRILINEAR, false);
        // (1, 2, 2, 2) to (1, 4, 4, 4): 64 outputs, 8 cells each.
        assertEquals(elementwise(21 * 64, 16 * 64, Saved.NOTHING), train(trilinear, Shape.of(1, 2, 2, 2), BOTH));
    }

    @Test
    void batchNormComputesTheBatchStatisticsInTraining() {
        long n = 144;
        // Forward 5 * 144 (inference's 2 * 144). Weights: xhat 2, dgamma 2, dbeta 1; input: 4 per element.
        // Kept: the input, and save_mean and save_invstd, 4 channels each, float32: 32 bytes, the batch's
        // (once per step, whatever its batch).
        Saved kept = new Saved(true, false, 0, 0, 2 * 4 * 4);
        assertEquals(new Backprop(5 * n, Work.flops(4 * n), Work.flops(5 * n), kept), train(new BatchNorm(), MAP, BOTH));
        // First layer (a norm on the input, as some networks open): the weights' 5 only.
        assertEquals(new Backprop(5 * n, Work.NONE, Work.flops(5 * n), kept), train(new BatchNorm(), MAP, FIRST));
        // Frozen: the input's gradient needs the two sums all the same: 4 + 5.
        assertEquals(new Backprop(5 * n, Work.flops(9 * n), Work.NONE, kept), train(new BatchNorm(), MAP, FROZEN));
        assertEquals(new Backprop(5 * n, Work.NONE, Work.NONE, Saved.NOTHING), train(new BatchNorm(), MAP, NEITHER));
    }

    @Test
    void instanceNormIsBatchNormPerSample() {
        long n = 144;
        // Without affine or running statistics: forward 5 * 144 both ways; input gradient 9 * 144, no weights;
        // kept: the input and save_mean, save_invstd per channel, 2 * 4 * 4 bytes.
        assertEquals(new Backprop(5 * n, Work.flops(9 * n), Work.NONE, new Saved(true, false, 0, 32)),
                train(new InstanceNorm(false, false), MAP, BOTH));
        // Affine and tracking: forward 5 * 144 (inference 2 * 144); batch norm's 4 and 5; five float32 per
        // channel (mean, invstd, weight, running mean and var repeated): 5 * 4 * 4 = 80 bytes.
        assertEquals(new Backprop(5 * n, Work.flops(4 * n), Work.flops(5 * n), new Saved(true, false, 0, 80)),
                train(new InstanceNorm(true, true), MAP, BOTH));
        assertEquals(new Backprop(5 * n, Work.flops(9 * n), Work.NONE, new Saved(true, false, 0, 80)),
                train(new InstanceNorm(true, true), MAP, FROZEN));
    }

    @Test
    void layerNormPerRow() {
        long n = 40;
        // (5, 8) with scale and bias: input 8 per element, weights xhat 2 + dgamma 2 + dbeta 1.
        // Kept: the input, mean and rstd per row, 5 rows, float32: 2 * 5 * 4 = 40 bytes.
        Saved kept = new Saved(true, false, 0, 40);
        assertEquals(new Backprop(5 * n, Work.flops(8 * n), Work.flops(5 * n), kept),
                train(new LayerNorm(true), TOKENS, Layout.TOKENS, BOTH));
        // Without bias: the weights 4.
        assertEquals(new Backprop(5 * n, Work.flops(8 * n), Work.flops(4 * n), kept),
                train(new LayerNorm(false), TOKENS, Layout.TOKENS, BOTH));
        // Frozen: the input's 8 and xhat's 2.
        assertEquals(new Backprop(5 * n, Work.flops(10 * n), Work.NONE, kept),
                train(new LayerNorm(true), TOKENS, Layout.TOKENS, FROZEN));
        // First layer: the weights only.
        assertEquals(new Backprop(5 * n, Work.NONE, Work.flops(5 * n), kept),
                train(new LayerNorm(true), TOKENS, Layout.TOKENS, FIRST));
        // No scale: no dy * gamma (7), xhat 2, no weights.
        assertEquals(new Backprop(5 * n, Work.flops(9 * n), Work.NONE, kept),
                train(new LayerNorm(false, false), TOKENS, Layout.TOKENS, BOTH));
    }

    @Test
    void layerNorm2dPerPosition() {
        long n = 144;
        // Over C = 4 at each of 36 positions: layer norm's counts; mean and rstd per position: 2 * 36 * 4 bytes.
        assertEquals(new Backprop(5 * n, Work.flops(8 * n), Work.flops(5 * n), new Saved(true, false, 0, 288)),
                train(new LayerNorm2d(true), MAP, BOTH));
    }

    @Test
    void groupNormPerGroup() {
        long n = 144;
        // Two groups: mean and rstd per group, 2 * 2 * 4 = 16 bytes.
        Saved kept = new Saved(true, false, 0, 16);
        assertEquals(new Backprop(5 * n, Work.flops(8 * n), Work.flops(5 * n), kept),
                train(new GroupNorm(2, true), MAP, BOTH));
        assertEquals(new Backprop(5 * n, Work.flops(10 * n), Work.NONE, kept), train(new GroupNorm(2, true), MAP, FROZEN));
        assertEquals(new Backprop(5 * n, Work.NONE, Work.flops(5 * n), kept), train(new GroupNorm(2, true), MAP, FIRST));
        assertEquals(new Backprop(5 * n, Work.flops(9 * n), Work.NONE, kept), train(new GroupNorm(2, false), MAP, BOTH));
    }

    @Test
    void rmsNormAsAFusedKernelKeepsIt() {
        long n = 40;
        // Forward 4 * 40. Weights: xhat = x * rstd 1, dgamma 2. Input: g 1, sum(g * xhat) 2, combine 3.
        // Kept (the fused kernel): the input and rstd per row, 5 * 4 bytes.
        Saved kept = new Saved(true, false, 0, 20);
        assertEquals(new Backprop(4 * n, Work.flops(6 * n), Work.flops(3 * n), kept),
                train(new RmsNorm(), TOKENS, Layout.TOKENS, BOTH));
        assertEquals(new Backprop(4 * n, Work.flops(7 * n), Work.NONE, kept),
                train(new RmsNorm(), TOKENS, Layout.TOKENS, FROZEN));
        assertEquals(new Backprop(4 * n, Work.NONE, Work.flops(3 * n), kept),
                train(new RmsNorm(), TOKENS, Layout.TOKENS, FIRST));
    }

    @Test
    void addSumsABroadcastGradientBack() {
        // Two (4, 6, 6): the gradient passes to both, nothing computed.
        assertEquals(elementwise(144, 0, Saved.NOTHING), merge(new Add(), List.of(MAP, MAP), BOTH));
        // A (4, 1, 1) bias added: its gradient is the output's summed to 4 values, 144 - 4 adds.
        assertEquals(elementwise(144, 140, Saved.NOTHING), merge(new Add(), List.of(MAP, Shape.of(4, 1, 1)), BOTH));
        assertEquals(Backprop.passThrough(144), merge(new Add(), List.of(MAP, MAP), NEITHER));
    }

    @Test
    void mulKeepsBothFactors() {
        // Two (4, 6, 6): dy * b and dy * a, 2 * 144.
        assertEquals(elementwise(144, 288, Saved.INPUT), merge(new Mul(), List.of(MAP, MAP), BOTH));
        // Squeeze-and-excitation's gate (4, 1, 1): 2 * 144, and the gate's gradient summed back, 144 - 4.
        assertEquals(elementwise(144, 288 + 140, Saved.INPUT),
                merge(new Mul(), List.of(Shape.of(4, 1, 1), MAP), BOTH));
        // a * b * c: two products, 2 * 288; the partial product a * b kept, 144 elements of its own.
        assertEquals(elementwise(288, 576, new Saved(true, false, 144, 0)),
                merge(new Mul(), List.of(MAP, MAP, MAP), BOTH));
        assertEquals(Backprop.passThrough(144), merge(new Mul(), List.of(MAP, MAP), NEITHER));
    }

    @Test
    void concatSlicesItsGradient() {
        assertEquals(Backprop.passThrough(0), merge(new Concat(), List.of(MAP, MAP), BOTH));
        assertFalse(new Concat().view());
    }

    @Test
    void viewsAndCopiesPassTheirGradientThrough() {
        record Case(Op op, Shape in, Layout layout, boolean view) { }
        List<Case> cases = List.of(
                new Case(new Flatten(), MAP, Layout.FEATURES, true),
                new Case(new ChannelSplit(2, 1), MAP, Layout.FEATURES, true),
                new Case(new Chunk(2, 0), TOKENS, Layout.TOKENS, true),
                new Case(new SelectToken(0), TOKENS, Layout.TOKENS, true),
                new Case(new ChannelsLast(), MAP, Layout.FEATURES, true),
                new Case(new ChannelsFirst(), Shape.of(6, 6, 4), Layout.CHANNELS_LAST, true),
                new Case(new ToTokens(), MAP, Layout.FEATURES, true),
                new Case(new ToMap(List.of(5, 1)), TOKENS, Layout.TOKENS, true),
                new Case(new ChannelShuffle(2), MAP, Layout.FEATURES, false),
                new Case(new Unfold(List.of(2)), MAP, Layout.FEATURES, false),
                new Case(new Fold(List.of(2), List.of(6, 6)), Shape.of(4, 9, 4), Layout.TOKENS, false),
                new Case(new PatchMerging(), Shape.of(6, 6, 4), Layout.CHANNELS_LAST, false),
                new Case(new ZeroPad(List.of(1)), MAP, Layout.FEATURES, false));
        for (Case c : cases) {
            String name = c.op().getClass().getSimpleName();
            assertEquals(Backprop.passThrough(0), train(c.op(), c.in(), c.layout(), BOTH), name);
            assertEquals(c.view(), c.op().view(), name);
        }
        // The crop and the final state take their shapes from another tensor; their rule needs none.
        CenterCrop crop = new CenterCrop("skip");
        Shape cropped = Shape.of(4, 4, 4);
        assertEquals(Backprop.passThrough(0),
                crop.backprop(MAP, cropped, Layout.FEATURES, Optional.empty(), Cost.ZERO, BOTH));
        assertTrue(crop.view());
        FinalState state = new FinalState(false);
        assertEquals(Backprop.passThrough(0),
                state.backprop(Shape.of(5, 16), Shape.of(1, 16), Layout.TOKENS, Optional.empty(), Cost.ZERO, BOTH));
        // h_n is the recurrent layer's state, not a slice of the output sequence the field reads.
        assertFalse(state.view());
    }
}
