package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.InputKind;
import dev.netcost.processor.model.Attention;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.model.Embedding;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.TrainingMarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The roofline of networks of linear layers, an embedding and attention, by the cost model's section
 * "Roofline", on a device of round figures: 1e12 FLOP/s in float32 and 1e10 bytes/s, so that 1 FLOP
 * takes 0.001 ns and 1 byte 0.1 ns. Every figure is worked out by hand in the test.
 */
class RooflineAnalysisTest {
    private static final Device ROUND = new Device("Round", 1e12, 0, 0, 1e10, 0);
    private static final DeviceDecl ON_ROUND = new DeviceDecl("Round", ROUND, true, true);
    private static final double EXACT = 1e-9;

    private static NetworkDecl network(List<Integer> input, InputKind kind, int batch, boolean decoder,
            List<Computation> ops) {
        List<NodeDecl> nodes = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            nodes.add(new LayerDecl(i, "l" + i, new OpTemplate.Fixed(ops.get(i)), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, TrainingMarks.NONE));
        }
        return new NetworkDecl("com.example", List.of("Net"), input, batch, DType.FLOAT32, nodes, Map.of(),
                Optional.empty(), decoder, List.of(), "", kind, Optional.empty(), List.of(ON_ROUND));
    }

    private static DeviceRoofline roofline(NetworkDecl network) {
        NetworkAnalysis analysis = NetworkInference.analyze(network);
        assertTrue(analysis.ok(), analysis.problems().toString());
        assertEquals(1, analysis.roofline().size());
        return analysis.roofline().get(0);
    }

    /**
     * 8 -> 16 -> 4 with biases, one sample. l0: FLOPs 2 * 8 * 16 = 256; bytes (8 in + 144 weights + 16
     * out) * 4 = 672. Compute 0.256 ns, memory 67.2 ns: memory bound, 67.2 ns. l1: FLOPs 2 * 16 * 4 =
     * 128; bytes (16 + 68 + 4) * 4 = 352: 35.2 ns. The network: 102.4 ns, none of it compute bound.
     */
    @Test
    void smallLayersAreMemoryBound() {
        DeviceRoofline roofline = roofline(network(List.of(8), InputKind.FEATURES, 1, false,
                List.of(new Linear(16, true), new Linear(4, true))));
        assertEquals(67.2, roofline.layers().get(0).nanos(), EXACT);
        assertEquals(Device.Bound.MEMORY, roofline.layers().get(0).bound());
        assertEquals(35.2, roofline.layers().get(1).nanos(), EXACT);
        assertEquals(102.4, roofline.nanos(), EXACT);
        assertEquals(0, roofline.computeBoundNanos(), EXACT);
        assertEquals(102, DeviceRoofline.rounded(roofline.nanos()));
        assertTrue(roofline.decode().isEmpty());
    }

    /**
     * 1,000 -> 1,000 with bias, a batch of 1,000: FLOPs 1,000 * 2 * 1,000 * 1,000 = 2e9, 2,000,000 ns at
     * 1e12; bytes (1,001,000 weights + 1,000 * (1,000 + 1,000)) * 4 = 12,004,000, 1,200,400 ns. Compute
     * bound: the batch shares the weights.
     */
    @Test
    void aLargeBatchIsComputeBound() {
        DeviceRoofline roofline = roofline(network(List.of(1_000), InputKind.FEATURES, 1_000, false,
                List.of(new Linear(1_000, true))));
        assertEquals(2_000_000, roofline.layers().get(0).nanos(), 1e-6);
        assertEquals(Device.Bound.COMPUTE, roofline.layers().get(0).bound());
        assertEquals(2_000_000, roofline.computeBoundNanos(), 1e-6);
        assertEquals(0, roofline.memoryBoundNanos(), 1e-6);
    }

    /**
     * A decoder of 4 ids, batch 2: an embedding (100 x 8), causal attention of 2 heads without biases,
     * a linear head 8 -> 100 without bias. One decode step at context 4, by "A decoder's times":
     * <ul>
     *   <li>embedding: no FLOPs; weights one row per sequence, 2 * 8 = 16 elements, 64 bytes; a token
     *       moves its id and its row, 2 * (1 + 8) * 4 = 72 bytes. 136 bytes, 13.6 ns.
     *   <li>attention: decode MACs per sequence 4 projections 2 * 8 * 8 + 2 * 8 * 8 = 256, and 2 * 4 * 8 = 64
     *       against the 4 cached tokens: 320; FLOPs 2 * 2 * 320 = 1,280, 1.28 ns. Bytes: weights 256 * 4 =
     *       1,024; a token in and out, 2 * (8 + 8) * 4 = 128; keys and values, 2 * 16 elements * 4 bytes =
     *       128 per token, of the 4 cached and the new one: 640. 1,792 bytes, 179.2 ns: memory bound.
     *   <li>head: MACs 800 per sequence, FLOPs 2 * 2 * 800 = 3,200, 3.2 ns; bytes 800 * 4 = 3,200 and
     *       2 * (8 + 100) * 4 = 864: 4,064, 406.4 ns.
     * </ul>
     * The step: 599.2 ns; 2 new tokens in it, 2e9 / 599.2 tokens a second.
     */
    @Test
    void aDecodeStepReadsTheWeightsAndTheCache() {
        DeviceRoofline roofline = roofline(network(List.of(4), InputKind.IDS, 2, true,
                List.of(new Embedding(100, 8), new Attention(2, 0, false, true, false), new Linear(100, false))));
        DecodeRoofline decode = roofline.decode().orElseThrow();
        assertEquals(4, decode.context());
        // One more token of context: the attention's 2 * 8 MACs against it, for 2 sequences, 64 FLOPs, and its
        // key and value read, 128 bytes.
        assertEquals(List.of(new DecodeWork(0, 0, 136), new DecodeWork(1, 1_280, 1_792, 64, 128),
                new DecodeWork(2, 3_200, 4_064)), decode.layers().stream().map(DecodeRoofline.Step::work).toList());
        assertEquals(1_280 + 64 * 96, decode.layers().get(1).work().flopsAt(4, 100));
        assertEquals(1_792 + 128 * 96, decode.layers().get(1).work().bytesAt(4, 100));
        assertEquals(13.6, decode.layers().get(0).time().nanos(), EXACT);
        assertEquals(179.2, decode.layers().get(1).time().nanos(), EXACT);
        assertEquals(Device.Bound.MEMORY, decode.layers().get(1).time().bound());
        assertEquals(599.2, decode.nanos(), EXACT);
        assertEquals(4_480, decode.flops());
        assertEquals(5_992, decode.bytes());
        assertEquals(2e9 / 599.2, decode.tokensPerSecond(), 1e-3);
        // The keys and values read and written: KV_CACHE_BYTES (2 * 16 * 4 tokens * 4) and one token's more.
        NetworkAnalysis analysis = NetworkInference.analyze(network(List.of(4), InputKind.IDS, 2, true,
                List.of(new Embedding(100, 8), new Attention(2, 0, false, true, false), new Linear(100, false))));
        DecoderFigures figures = analysis.decoder().orElseThrow();
        assertEquals(640, figures.kvCacheBytes() + figures.kvCacheBytesPerToken());
    }

    /**
     * A head that shares the embedding's weight ({@code @Tied}, as GPT-2's) still reads it at every
     * step: the network counts its 800 parameters once, a decode step reads them twice (the embedding
     * its 2 rows, the head all 800). The head's step is the untied head's: 4,064 bytes.
     */
    @Test
    void aTiedHeadReadsItsWeight() {
        List<NodeDecl> nodes = List.of(
                new LayerDecl(0, "wte", new OpTemplate.Fixed(new Embedding(100, 8)), List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, TrainingMarks.NONE),
                new LayerDecl(1, "attn", new OpTemplate.Fixed(new Attention(2, 0, false, true, false)), List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty(), false, TrainingMarks.NONE),
                new LayerDecl(2, "head", new OpTemplate.Fixed(new Linear(100, false)), List.of(), Optional.empty(),
                        Optional.of("wte"), Optional.empty(), false, TrainingMarks.NONE));
        NetworkAnalysis analysis = NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"), List.of(4),
                2, DType.FLOAT32, nodes, Map.of(), Optional.empty(), true, List.of(), "", InputKind.IDS,
                Optional.empty(), List.of(ON_ROUND)));
        assertTrue(analysis.ok(), analysis.problems().toString());
        assertEquals(800 + 256, analysis.total().params());
        DecodeRoofline decode = analysis.roofline().get(0).decode().orElseThrow();
        assertEquals(new DecodeWork(2, 3_200, 4_064), decode.layers().get(2).work());
    }

    /**
     * A training-only layer has its time, which the network's leaves out: l0 8 -> 16 (67.2 ns, as above),
     * a training-only l1 16 -> 4 reading it (35.2 ns), and l2 16 -> 4 reading l0 too (35.2 ns): 102.4 ns.
     */
    @Test
    void aTrainingOnlyLayerIsNotInTheSum() {
        List<NodeDecl> nodes = List.of(
                new LayerDecl(0, "l0", new OpTemplate.Fixed(new Linear(16, true)), List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, TrainingMarks.NONE),
                new LayerDecl(1, "aux", new OpTemplate.Fixed(new Linear(4, true)), List.of("l0"), Optional.empty(),
                        Optional.empty(), Optional.empty(), true, TrainingMarks.NONE),
                new LayerDecl(2, "l2", new OpTemplate.Fixed(new Linear(4, true)), List.of("l0"), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, TrainingMarks.NONE));
        DeviceRoofline roofline = roofline(new NetworkDecl("com.example", List.of("Net"), List.of(8), 1,
                DType.FLOAT32, nodes, Map.of(), Optional.empty(), false, List.of(), "", InputKind.FEATURES,
                Optional.empty(), List.of(ON_ROUND)));
        assertEquals(35.2, roofline.layers().get(1).nanos(), EXACT);
        assertEquals(102.4, roofline.nanos(), EXACT);
    }

    /**
     * A recurrent decoder: an embedding (100 x 8) on 5 ids, an LSTM of 16 cells with biases, a head
     * 16 -> 100 without bias; one sequence. The LSTM's step: MACs 4 * 16 * (8 + 16) = 1,536, FLOPs 3,072;
     * bytes: its 4 * 16 * 24 + 2 * 4 * 16 = 1,664 parameters, 6,656 bytes; a token in and out, (8 + 16) * 4
     * = 96; its state h and c, 32 elements, 128 bytes, read and written: 256. 7,008 bytes, 700.8 ns.
     */
    @Test
    void aRecurrentLayerReadsAndWritesItsState() {
        DeviceRoofline roofline = roofline(network(List.of(5), InputKind.IDS, 1, true,
                List.of(new Embedding(100, 8), dev.netcost.processor.model.Recurrent.lstm(16, 1, false, true, 0, 0.0),
                        new Linear(100, false))));
        DecodeRoofline.Step lstm = roofline.decode().orElseThrow().layers().get(1);
        assertEquals(new DecodeWork(1, 3_072, 7_008), lstm.work());
        assertEquals(700.8, lstm.time().nanos(), EXACT);
    }

    /**
     * An expert is stored 4 times, and each token runs 1 of them (top 1): a decode step of N sequences
     * reads the weights of {@code min(4, N * 1)} copies, as a balanced router would route them. The
     * expert is one linear layer 8 -> 8 without bias, 64 weights, 256 bytes a copy; behind causal
     * attention on 4 tokens of width 8. At N = 2: 2 copies, 512 bytes, and 2 tokens in and out, 2 * (8 +
     * 8) * 4 = 128 bytes; FLOPs 2 * 2 * 64 = 256. At N = 8, the 4 copies stored: 1,024 bytes of weights.
     */
    @Test
    void aDecodeStepReadsTheExpertsItsTokensRun() {
        assertEquals(new DecodeWork(1, 256, 512 + 128), expertStep(2));
        assertEquals(new DecodeWork(1, 2 * 8 * 64, 1_024 + 8 * 16 * 4), expertStep(8));
        assertEquals(new DecodeWork(1, 2 * 64, 256 + 64), expertStep(1));
    }

    /**
     * With a shared expert (4 routed, top 1, 1 shared: 5 copies stored, 2 run per token), a step of 2
     * sequences reads the shared copy once and the 2 routed ones its tokens reach: 1 + min(4, 2 * 1) = 3
     * copies, 768 bytes; not min(5, 2 * 2) = 4, which would read the shared one twice. Its tokens run 2
     * copies each: 2 * 2 * 64 * 2 = 512 FLOPs, and 2 * 2 * (8 + 8) * 4 = 256 bytes in and out.
     */
    @Test
    void aSharedExpertIsReadOncePerStep() {
        assertEquals(new DecodeWork(1, 512, 768 + 256), expertStep(2, new dev.netcost.processor.model.Routing(4, 1, 1,
                false)));
    }

    private static DecodeWork expertStep(int batch) {
        return expertStep(batch, new dev.netcost.processor.model.Routing(4, 1, 0, false));
    }

    private static DecodeWork expertStep(int batch, dev.netcost.processor.model.Routing routing) {
        dev.netcost.processor.model.BlockDecl expert = new dev.netcost.processor.model.BlockDecl("com.example.Expert",
                "Expert", List.of(), List.of(new LayerDecl(0, "fc", new OpTemplate.Fixed(new Linear(8, false)),
                        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false, TrainingMarks.NONE)));
        List<NodeDecl> nodes = List.of(
                new LayerDecl(0, "attn", new OpTemplate.Fixed(new Attention(2, 0, false, true, false)), List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty(), false, TrainingMarks.NONE),
                new dev.netcost.processor.model.BlockUse(1, "moe", expert.qualifiedName(), Map.of(), 1, false,
                        List.of(), Optional.empty(), false, Map.of(),
                        Optional.of(routing)));
        NetworkAnalysis analysis = NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"),
                List.of(4, 8), batch, DType.FLOAT32, nodes, Map.of(expert.qualifiedName(), expert), Optional.empty(),
                true, List.of(), "", InputKind.TOKENS, Optional.empty(), List.of(ON_ROUND)));
        assertTrue(analysis.ok(), analysis.problems().toString());
        assertEquals("moe.fc", analysis.layers().get(1).path());
        return analysis.roofline().get(0).decode().orElseThrow().layers().get(1).work();
    }

    /**
     * A learned position table of 16 rows on 4 tokens of width 8, batch 2, is a lookup: a pass reads the
     * rows of the 4 positions, 32 elements, the same for both sequences (the cost model's Memory), not its
     * 128; its traffic (2 * (32 in + 32 out) + 32) * 4 = 640 bytes. A decode step reads one row, 32 bytes,
     * and moves a token in and out per sequence, 2 * (8 + 8) * 4 = 128.
     */
    @Test
    void aPositionTableReadsTheRowsOfItsPositions() {
        NetworkDecl network = network(List.of(4), InputKind.IDS, 2, true, List.of(new Embedding(100, 8),
                new dev.netcost.processor.model.PositionEmbedding(16), new Attention(2, 0, false, true, false)));
        NetworkAnalysis analysis = NetworkInference.analyze(network);
        assertTrue(analysis.ok(), analysis.problems().toString());
        assertEquals(128, analysis.layers().get(1).cost().params());
        assertEquals(640, analysis.layers().get(1).traffic().memoryAccessBytes());
        assertEquals(new DecodeWork(1, 0, 32 + 128),
                analysis.roofline().get(0).decode().orElseThrow().layers().get(1).work());
    }
}
