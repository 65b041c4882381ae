package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.Shape;
import dev.netcost.processor.model.Activation;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Conv;
import dev.netcost.processor.model.Dropout;
import dev.netcost.processor.model.Flatten;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The walk over a network, without javac: totals, batch, and which problems are reported. */
class NetworkInferenceTest {
    private static NetworkAnalysis analyze(List<Integer> input, int batch, Op... ops) {
        List<LayerDecl> layers = new ArrayList<>();
        for (Op op : ops) {
            layers.add(new LayerDecl(layers.size(), "l" + layers.size(), op));
        }
        return NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"), input, batch, layers));
    }

    private static Conv conv(int out, int kernel, int groups) {
        return new Conv(out, List.of(kernel), List.of(1), List.of(0), List.of(1), groups, true);
    }

    /** Seed 002's convolution, then ReLU, flatten and a classifier, summed by hand. */
    @Test
    void totalsAreTheSumOfTheLayers() {
        NetworkAnalysis a = analyze(List.of(3, 32, 32), 1,
                conv(6, 5, 1), new Activation(Activation.Kind.RELU), new Flatten(), new Linear(10, true));
        assertTrue(a.ok());
        // conv 456; linear 4704 * 10 + 10 = 47,050.
        assertEquals(456 + 47_050, a.total().params());
        // conv 6 * 28 * 28 * 75 = 352,800; linear 47,040.
        assertEquals(352_800 + 47_040, a.total().macs());
        // conv 352,800 * 2 (with bias); ReLU 4,704; linear 2 * 4704 * 10.
        assertEquals(705_600 + 4_704 + 94_080, a.total().flops());
        assertEquals(Shape.of(10), a.output());
        assertEquals("Conv2d", a.layers().get(0).op());
    }

    @Test
    void batchScalesComputeButNotParameters() {
        NetworkAnalysis one = analyze(List.of(3, 32, 32), 1, conv(6, 5, 1));
        NetworkAnalysis eight = analyze(List.of(3, 32, 32), 8, conv(6, 5, 1));
        assertEquals(one.total().params(), eight.total().params());
        assertEquals(8 * one.total().macs(), eight.total().macs());
        assertEquals(8 * one.total().flops(), eight.total().flops());
        assertEquals(8 * one.layers().get(0).cost().macs(), eight.layers().get(0).cost().macs());
    }

    @Test
    void aShapeErrorDoesNotCascade() {
        // l0's groups do not divide 3 channels; l1 would then see an unknown shape, and l2's
        // linear on a feature map would be an error too if shapes went on: neither is reported.
        NetworkAnalysis a = analyze(List.of(3, 8, 8), 1,
                conv(4, 3, 2), conv(8, 3, 1), new Linear(10, true));
        assertEquals(1, a.problems().size(), a.problems().toString());
        Problem p = a.problems().get(0);
        assertEquals(0, p.node().getAsInt());
        assertEquals(ProblemKind.CHANNELS, p.fault().kind());
        assertEquals(Optional.of(Attr.GROUPS), p.fault().attr());
        assertTrue(p.fault().message().startsWith("l0 on input (3, 8, 8): groups = 2 does not divide the 3"),
                p.fault().message());
    }

    @Test
    void independentErrorsAreAllReported() {
        // l0 fails on its shape; l2's probability is wrong whatever its input: both are reported.
        NetworkAnalysis a = analyze(List.of(3, 4, 4), 1,
                conv(4, 7, 1), new Activation(Activation.Kind.RELU), new Dropout(1.5));
        assertEquals(2, a.problems().size(), a.problems().toString());
        assertEquals(ProblemKind.WINDOW, a.problems().get(0).fault().kind());
        assertEquals(ProblemKind.OUT_OF_RANGE, a.problems().get(1).fault().kind());
        assertEquals(2, a.problems().get(1).node().getAsInt());
        // l2 comes after the failed layer, so its input is unknown and not named.
        assertTrue(a.problems().get(1).fault().message().startsWith("l2: p = 1.5"));
        assertFalse(a.ok());
    }

    @Test
    void networkProblemsStopShapesButNotLayerChecks() {
        NetworkAnalysis a = analyze(List.of(), 0, conv(0, 3, 1));
        assertEquals(List.of(ProblemKind.NO_INPUT, ProblemKind.OUT_OF_RANGE, ProblemKind.OUT_OF_RANGE),
                a.problems().stream().map(p -> p.fault().kind()).toList());
        assertEquals(Optional.of(Attr.BATCH), a.problems().get(1).fault().attr());
        assertEquals(Optional.of(Attr.OUT), a.problems().get(2).fault().attr());
    }

    @Test
    void anOverflowIsAnErrorNotAWrappedNumber() {
        // 2^21 channels of 2^21 x 2^21: 2^63 elements, one past Long.MAX_VALUE.
        int big = 1 << 21;
        NetworkAnalysis a = analyze(List.of(big, big, big), 1, new Activation(Activation.Kind.RELU));
        assertEquals(1, a.problems().size());
        assertEquals(ProblemKind.OVERFLOW, a.problems().get(0).fault().kind());
        assertEquals(0, a.problems().get(0).node().getAsInt());
    }

    @Test
    void anOverflowingBatchIsAnError() {
        // (2^18, 2^20, 2^20) is 2^58 elements: the ReLU's FLOPs fit, and so do the bytes of its
        // input and output (2 * 2^58 * 4 = 2^61); the FLOPs of 32 samples (2^63) do not.
        int big = 1 << 20;
        assertTrue(analyze(List.of(1 << 18, big, big), 1, new Activation(Activation.Kind.RELU)).ok());
        NetworkAnalysis a = analyze(List.of(1 << 18, big, big), 32, new Activation(Activation.Kind.RELU));
        assertEquals(ProblemKind.OVERFLOW, a.problems().get(0).fault().kind());
    }

    @Test
    void anOverflowingTotalIsAnError() {
        // (2, 2^20, 2^20, 2^20) is 2^61 elements: each ReLU has 2^61 FLOPs and, in int8, moves
        // 2^62 bytes, which fit; the fourth ReLU takes the FLOPs' total to 2^63.
        int big = 1 << 20;
        List<LayerDecl> layers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layers.add(new LayerDecl(i, "l" + i, new Activation(Activation.Kind.RELU)));
        }
        NetworkAnalysis a = NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"),
                List.of(2, big, big, big), 1, DType.INT8, List.copyOf(layers), Map.of()));
        assertEquals(1, a.problems().size(), a.problems().toString());
        assertEquals(3, a.problems().get(0).node().getAsInt());
        assertEquals(ProblemKind.OVERFLOW, a.problems().get(0).fault().kind());
    }
}
