package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.Interpolation;
import dev.netcost.Shape;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Flatten;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.MaxPool;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.PoolWindow;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.model.TensorName;
import dev.netcost.processor.model.Upsample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A layer that names a tensor by {@code like} reads it: the walker keeps it alive until that
 * layer and lists it among the layer's reads, but the memory access counts only the elements of
 * the input, since the named tensor lends its shape alone. Hand calculations.
 */
class SideTensorInferenceTest {
    private static final MaxPool POOL_2 = new MaxPool(new PoolWindow(List.of(2), List.of(2), List.of(0), List.of(1),
            false));

    private static NetworkDecl network(NodeDecl... nodes) {
        return new NetworkDecl("com.example", List.of("Net"), List.of(3, 8, 8), 1, DType.FLOAT32, List.of(nodes),
                Map.of());
    }

    private static LayerDecl layer(int index, String name, Computation op, Optional<String> like) {
        return new LayerDecl(index, name, new OpTemplate.Fixed(op), List.of(), Optional.empty(), Optional.empty(),
                like.map(TensorName::like));
    }

    /**
     * Input (3, 8, 8), 192 elements; pool to (3, 4, 4), 48; up to the input's size, 192. The up-sampling
     * reads the input's shape, so the input lives to it: at the up-sampling, input, pool and up are
     * alive, 192 + 48 + 192 = 432 elements, 1,728 bytes. By scale instead, the input dies after the
     * pool, and neither layer sees more than 192 + 48 = 240 elements, 960 bytes. Either way the
     * up-sampling moves 48 elements read and 192 written, 960 bytes: the input's elements are not read.
     */
    @Test
    void theTensorNamedByLikeLivesToTheLayerButIsNotRead() {
        Upsample like = new Upsample(List.of(), List.of(), NodeDecl.INPUT, Interpolation.NEAREST, false);
        NetworkAnalysis a = NetworkInference.analyze(network(layer(0, "pool", POOL_2, Optional.empty()),
                layer(1, "up", like, Optional.of(NodeDecl.INPUT))));
        assertTrue(a.ok(), a.problems().toString());
        assertEquals(Shape.of(3, 8, 8), a.output());
        assertEquals(List.of("pool", "input"), a.layers().get(1).reads());
        assertEquals(Shape.of(3, 4, 4), a.layers().get(1).input());
        assertEquals(432L * 4, a.memory().peakActivationBytes());
        assertEquals(240L * 4, a.layers().get(1).traffic().memoryAccessBytes());

        Upsample byScale = new Upsample(List.of(2), List.of(), "", Interpolation.NEAREST, false);
        NetworkAnalysis b = NetworkInference.analyze(network(layer(0, "pool", POOL_2, Optional.empty()),
                layer(1, "up", byScale, Optional.empty())));
        assertTrue(b.ok(), b.problems().toString());
        assertEquals(List.of("pool"), b.layers().get(1).reads());
        assertEquals(240L * 4, b.memory().peakActivationBytes());
        assertEquals(240L * 4, b.layers().get(1).traffic().memoryAccessBytes());
    }

    /** A name that is no field above is the declaration's mistake, placed on {@code like}. */
    @Test
    void anUnknownNameIsPlacedOnLike() {
        Upsample like = new Upsample(List.of(), List.of(), "skip", Interpolation.NEAREST, false);
        NetworkAnalysis a = NetworkInference.analyze(network(layer(0, "pool", POOL_2, Optional.empty()),
                layer(1, "up", like, Optional.of("skip"))));
        assertEquals(1, a.problems().size(), a.problems().toString());
        assertEquals(ProblemKind.UNKNOWN_INPUT, a.problems().get(0).fault().kind());
        assertEquals(Optional.of(Attr.LIKE), a.problems().get(0).fault().attr());
        assertEquals("up: `skip` is no field of Net; it can read pool, input", a.problems().get(0).fault().message());
    }

    /** The tensor named must be a map of the input's rank: its channels may differ, not its rank. */
    @Test
    void aTensorOfAnotherRankIsPlacedOnLike() {
        Upsample like = new Upsample(List.of(), List.of(), "flat", Interpolation.NEAREST, false);
        NetworkAnalysis a = NetworkInference.analyze(network(layer(0, "pool", POOL_2, Optional.empty()),
                layer(1, "flat", new Flatten(), Optional.empty()),
                new LayerDecl(2, "up", new OpTemplate.Fixed(like), List.of("pool"), Optional.empty(), Optional.empty(),
                        Optional.of(TensorName.like("flat")))));
        assertEquals(1, a.problems().size(), a.problems().toString());
        assertEquals(ProblemKind.LIKE, a.problems().get(0).fault().kind());
        assertEquals(Optional.of(Attr.LIKE), a.problems().get(0).fault().attr());
        assertEquals("up on input (3, 4, 4): like names flat, which gives (48) with 0 spatial dimensions, but the"
                + " input has 2; name a map with 2 spatial dimensions", a.problems().get(0).fault().message());
    }
}
