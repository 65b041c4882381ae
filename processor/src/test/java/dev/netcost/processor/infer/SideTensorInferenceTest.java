package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.Interpolation;
import dev.netcost.Shape;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.CrossAttention;
import dev.netcost.processor.model.Flatten;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.MaxPool;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.PoolWindow;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.model.ProjectionBiases;
import dev.netcost.processor.model.TensorName;
import dev.netcost.processor.model.ToTokens;
import dev.netcost.processor.model.Upsample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A layer that names a tensor by {@code like} reads it: the walker keeps it alive until that
 * layer and lists it among the layer's reads, but the memory access counts only the elements of
 * the input, since the named tensor lends its shape alone. A cross-attention reads the elements of
 * its {@code memory} too, and computes with its shape. Hand calculations.
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

    /**
     * Input (3, 8, 8), 192 elements. tokens: (64, 3), 192; pool: (3, 4, 4), 48; mem: its tokens (16, 3), 48;
     * q: (64, 8), 512; cross: 64 queries of 8 attend to the 16 memory tokens of 3, 2 heads of 4: (64, 8), 512.
     */
    @Test
    void aCrossAttentionReadsItsMemoryAndComputesWithIt() {
        CrossAttention cross = new CrossAttention(2, 0, "mem", 3, ProjectionBiases.all(true));
        NetworkAnalysis a = NetworkInference.analyze(network(layer(0, "tokens", new ToTokens(), Optional.empty()),
                new LayerDecl(1, "pool", new OpTemplate.Fixed(POOL_2), List.of(NodeDecl.INPUT), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                layer(2, "mem", new ToTokens(), Optional.empty()),
                new LayerDecl(3, "q", new OpTemplate.Fixed(new Linear(8, false)), List.of("tokens"), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                new LayerDecl(4, "cross", new OpTemplate.Fixed(cross), List.of(), Optional.empty(), Optional.empty(),
                        Optional.of(new TensorName(Attr.MEMORY, "mem")))));
        assertTrue(a.ok(), a.problems().toString());
        assertEquals(Shape.of(64, 8), a.output());
        assertEquals(List.of("q", "mem"), a.layers().get(4).reads());
        assertEquals("MultiheadAttention (cross)", a.layers().get(4).op());
        // T = 64, E = 8, S = 16, Ekv = 3, E' = 8. PARAMS: q, out 2 x 64; k, v 2 x 3 x 8; biases 4 x 8.
        // MACS: q, out 2 x 64 x 64 = 8,192; k, v 2 x 16 x 3 x 8 = 768; scores and weighted sum 2 x 64 x 16 x 8 =
        // 16,384. FLOPS: 2 x 25,344; softmax 3 x 2 x 64 x 16 = 6,144; biases 64 x 16 + 16 x 16 = 1,280.
        assertEquals(new Cost(128 + 48 + 32, 0, 8192 + 768 + 16384, 2 * 25344 + 6144 + 1280), a.layers().get(4).cost());
        // It reads q (512) and mem (48), writes 512, and reads its 208 parameters: 1,280 elements, 5,120 bytes.
        assertEquals((512 + 48 + 512 + 208) * 4L, a.layers().get(4).traffic().memoryAccessBytes());
        // mem lives until the cross-attention reads it: there, mem, q and cross, 48 + 512 + 512 = 1,072 elements,
        // the peak (at q: tokens, mem and q, 752).
        assertEquals(1072L * 4, a.memory().peakActivationBytes());
    }

    /** A memory name that is no field above is placed on {@code memory}. */
    @Test
    void anUnknownMemoryIsPlacedOnMemory() {
        CrossAttention cross = new CrossAttention(1, 0, "encoder", 0, ProjectionBiases.all(true));
        NetworkAnalysis a = NetworkInference.analyze(network(layer(0, "tokens", new ToTokens(), Optional.empty()),
                new LayerDecl(1, "cross", new OpTemplate.Fixed(cross), List.of(), Optional.empty(), Optional.empty(),
                        Optional.of(new TensorName(Attr.MEMORY, "encoder")))));
        assertEquals(1, a.problems().size(), a.problems().toString());
        assertEquals(ProblemKind.UNKNOWN_INPUT, a.problems().get(0).fault().kind());
        assertEquals(Optional.of(Attr.MEMORY), a.problems().get(0).fault().attr());
        assertEquals("cross: `encoder` is no field of Net; it can read tokens, input",
                a.problems().get(0).fault().message());
    }
}
