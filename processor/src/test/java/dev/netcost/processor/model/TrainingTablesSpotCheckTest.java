package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import dev.netcost.Training.AttentionKernel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's spot check of docs/cost-model.md's two backward tables: one case per row, on shapes other
 * than the op tests', each figure computed by hand from the row's formula as written in the table.
 */
class TrainingTablesSpotCheckTest {
    private static final BackwardPass BOTH = new BackwardPass(true, true, AttentionKernel.FUSED);
    private static final BackwardPass FROZEN = new BackwardPass(true, false, AttentionKernel.FUSED);
    private static final BackwardPass FIRST = new BackwardPass(false, true, AttentionKernel.FUSED);
    private static final BackwardPass BOTH_EAGER = new BackwardPass(true, true, AttentionKernel.EAGER);

    private static Backprop op(Op op, Shape in, Layout layout, BackwardPass pass) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
        return op.backprop(in, out, layout, Optional.empty(), op.cost(in, out, layout), pass);
    }

    private static Backprop merge(Merge merge, List<Shape> inputs, BackwardPass pass) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class, merge.outputShape(inputs, List.of("a", "b"))).shape();
        return merge.backprop(inputs, out, merge.cost(inputs, out), pass);
    }

    private static void check(Backprop b, long inMacs, long inFlops, long wMacs, long wFlops, boolean input,
            boolean output, long elements, long fixed, long step) {
        assertEquals(new Work(inMacs, inFlops), b.toInput(), "toInput");
        assertEquals(new Work(wMacs, wFlops), b.toWeights(), "toWeights");
        assertEquals(new Saved(input, output, elements, fixed, step), b.saved(), "saved");
    }

    @Test
    void linearWithoutBias() {
        // (4, 5) -> (4, 6): R*F*Fout = 120 each way, 2 FLOPs per MAC, no bias; keeps its input.
        check(op(new Linear(6, false), Shape.of(4, 5), Layout.TOKENS, BOTH), 120, 240, 120, 240, true, false, 0, 0, 0);
        // frozen: nothing kept
        check(op(new Linear(6, false), Shape.of(4, 5), Layout.TOKENS, FROZEN), 120, 240, 0, 0, false, false, 0, 0, 0);
    }

    @Test
    void convWithBias() {
        // (2, 5, 5), 4 out, 3x3: (4, 3, 3), MACS = 4*9 * 2*9 = 648; bias grad Cout*O = 36.
        check(op(new Conv(4, List.of(3), List.of(1), List.of(0), List.of(1), 1, true), Shape.of(2, 5, 5),
                Layout.FEATURES, BOTH), 648, 1296, 648, 1296 + 36, true, false, 0, 0, 0);
        // frozen conv still keeps its input
        check(op(new Conv(4, List.of(3), List.of(1), List.of(0), List.of(1), 1, true), Shape.of(2, 5, 5),
                Layout.FEATURES, FROZEN), 648, 1296, 0, 0, true, false, 0, 0, 0);
    }

    @Test
    void selfAttentionFusedAndEager() {
        // T = 4, E = 8, h = 2, no biases. N = 4, P = 16, h*P = 32.
        Attention a = new Attention(2, 0, false, false, false);
        // FUSED: inside dO N*E^2 = 256, core 5*P*E = 640, dX N*E*(E + 2E') = 768 -> 1,664 MACs;
        // FLOPs 2*1,664 + 6*32 = 3,520. Weights N*(2E^2 + 2E E') = 1,024, 2,048 FLOPs.
        // Saved: Q 32, K V 64, O 32 = 128 elements; lse 4*h*N = 32 bytes; its input.
        check(op(a, Shape.of(4, 8), Layout.TOKENS, BOTH), 1664, 3520, 1024, 2048, true, false, 128, 32, 0);
        // EAGER: core 4*P*E = 512 -> 1,536 MACs, FLOPs 3,072 + 4*32 = 3,200; saved Q, K, V, P (32), O = 160.
        check(op(a, Shape.of(4, 8), Layout.TOKENS, BOTH_EAGER), 1536, 3200, 1024, 2048, true, false, 160, 0, 0);
        // First layer: the inside counts with the weights: 256 + 640 + 1,024 MACs, 2*1,920 + 192.
        check(op(a, Shape.of(4, 8), Layout.TOKENS, FIRST), 0, 0, 1920, 3840 + 192, true, false, 128, 32, 0);
    }

    @Test
    void norms() {
        // layer norm (4, 8), numel 32: 8*32 to input, 5*32 to weights; keeps input and 8*4 bytes (fixed per sample).
        check(op(new LayerNorm(true, true), Shape.of(4, 8), Layout.TOKENS, BOTH), 0, 256, 0, 160, true, false, 0, 32, 0);
        // frozen: + 2*numel
        check(op(new LayerNorm(true, true), Shape.of(4, 8), Layout.TOKENS, FROZEN), 0, 320, 0, 0, true, false, 0, 32, 0);
        // batch norm (3, 4, 4), numel 48: 4*48, 5*48; input and 8C = 24 bytes per step.
        check(op(new BatchNorm(), Shape.of(3, 4, 4), Layout.FEATURES, BOTH), 0, 192, 0, 240, true, false, 0, 0, 24);
        check(op(new BatchNorm(), Shape.of(3, 4, 4), Layout.FEATURES, FROZEN), 0, 432, 0, 0, true, false, 0, 0, 24);
        // RMS norm (4, 8): 6*32, 3*32; input and 4 * 4 rows bytes; frozen + numel.
        check(op(new RmsNorm(), Shape.of(4, 8), Layout.TOKENS, BOTH), 0, 192, 0, 96, true, false, 0, 16, 0);
        check(op(new RmsNorm(), Shape.of(4, 8), Layout.TOKENS, FROZEN), 0, 224, 0, 0, true, false, 0, 16, 0);
        // group norm 2 groups affine on (4, 3, 3), numel 36: 8*36, 5*36; input and 8*groups = 16 bytes.
        check(op(new GroupNorm(2, true), Shape.of(4, 3, 3), Layout.FEATURES, BOTH), 0, 288, 0, 180, true, false, 0, 16, 0);
    }

    @Test
    void activationsPoolsSoftmaxDropout() {
        Shape v = Shape.of(10);
        check(op(new Activation(Activation.Kind.GELU), v, Layout.FEATURES, BOTH), 0, 110, 0, 0, true, false, 0, 0, 0);
        check(op(new Activation(Activation.Kind.GELU_TANH), v, Layout.FEATURES, BOTH), 0, 210, 0, 0, true, false, 0, 0, 0);
        check(op(new Activation(Activation.Kind.SILU), v, Layout.FEATURES, BOTH), 0, 90, 0, 0, true, false, 0, 0, 0);
        check(op(new Activation(Activation.Kind.MISH), v, Layout.FEATURES, BOTH), 0, 170, 0, 0, true, false, 0, 0, 0);
        check(op(new Activation(Activation.Kind.TANH), v, Layout.FEATURES, BOTH), 0, 30, 0, 0, false, true, 0, 0, 0);
        check(op(new Activation(Activation.Kind.HARDSWISH), v, Layout.FEATURES, BOTH), 0, 50, 0, 0, true, false, 0, 0, 0);
        // max pool 2/2 on (1, 4, 4): 4 outputs; input and 8 bytes per output.
        PoolWindow w = new PoolWindow(List.of(2), List.of(2), List.of(0), List.of(1), false);
        check(op(new MaxPool(w), Shape.of(1, 4, 4), Layout.FEATURES, BOTH), 0, 4, 0, 0, true, false, 0, 32, 0);
        // avg pool 2/2: (K + 1) * numel(output) = 5 * 4; keeps its input.
        check(op(new AvgPool(w), Shape.of(1, 4, 4), Layout.FEATURES, BOTH), 0, 20, 0, 0, true, false, 0, 0, 0);
        // softmax (4, 8): 4*32; its output.
        check(op(new Softmax(), Shape.of(4, 8), Layout.TOKENS, BOTH), 0, 128, 0, 0, false, true, 0, 0, 0);
        // dropout 0.1 on (10): 2*10; a 1-byte mask per element; forward 3*10.
        Backprop d = op(new Dropout(0.1), v, Layout.FEATURES, BOTH);
        check(d, 0, 20, 0, 0, false, false, 0, 10, 0);
        assertEquals(30, d.forwardFlops());
    }

    @Test
    void layersWithParametersAndMerges() {
        // embedding: nothing to the ids; T*E = 5*8 = 40 FLOPs to its weights; keeps its ids.
        check(op(new Embedding(100, 8), Shape.of(5), Layout.FEATURES, FIRST), 0, 0, 0, 40, true, false, 0, 0, 0);
        // layer scale (4, 8): numel to input, 2*numel to weights; its input while trained.
        check(op(new LayerScale(), Shape.of(4, 8), Layout.TOKENS, BOTH), 0, 32, 0, 64, true, false, 0, 0, 0);
        check(op(new LayerScale(), Shape.of(4, 8), Layout.TOKENS, FROZEN), 0, 32, 0, 0, false, false, 0, 0, 0);
        // PReLU on (2, 3, 3), numel 18: 2*18 each; its input, frozen too.
        check(op(new PRelu(1), Shape.of(2, 3, 3), Layout.FEATURES, BOTH), 0, 36, 0, 36, true, false, 0, 0, 0);
        check(op(new PRelu(1), Shape.of(2, 3, 3), Layout.FEATURES, FROZEN), 0, 36, 0, 0, true, false, 0, 0, 0);
        // mul of two (4, 8): 2*32; keeps the inputs. add with a broadcast (1, 8): 32 - 8 = 24.
        check(merge(new Mul(), List.of(Shape.of(4, 8), Shape.of(4, 8)), BOTH), 0, 64, 0, 0, true, false, 0, 0, 0);
        check(merge(new Add(), List.of(Shape.of(4, 8), Shape.of(1, 8)), BOTH), 0, 24, 0, 0, false, false, 0, 0, 0);
    }
}
