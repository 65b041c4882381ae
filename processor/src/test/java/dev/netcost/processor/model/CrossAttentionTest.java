package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netcost.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code @CrossAttention} against hand calculations, PyTorch's counts and a brute-force count of
 * every multiply, and each of its mistakes with its message and the attribute it is placed on.
 *
 * <p>The PyTorch figures come from this script, run on PyTorch 1.13 ({@code /usr/bin/python3}):
 * <pre>
 * import torch, torch.nn as nn
 * from torch.utils._python_dispatch import TorchDispatchMode
 * m = nn.MultiheadAttention(embed_dim=384, num_heads=6, kdim=512, vdim=512)
 * print(sum(p.numel() for p in m.parameters()))                      # 689664
 * class WhisperMHA(nn.Module):  # openai-whisper's MultiHeadAttention
 *     def __init__(self, n_state, n_head):
 *         super().__init__()
 *         self.n_head = n_head
 *         self.query = nn.Linear(n_state, n_state)
 *         self.key = nn.Linear(n_state, n_state, bias=False)
 *         self.value = nn.Linear(n_state, n_state)
 *         self.out = nn.Linear(n_state, n_state)
 *     def forward(self, x, xa=None):
 *         q = self.query(x)
 *         src = x if xa is None else xa
 *         k = self.key(src); v = self.value(src)
 *         scale = (q.shape[-1] // self.n_head) ** -0.25
 *         q = q.view(*q.shape[:2], self.n_head, -1).permute(0, 2, 1, 3) * scale
 *         k = k.view(*k.shape[:2], self.n_head, -1).permute(0, 2, 3, 1) * scale
 *         v = v.view(*v.shape[:2], self.n_head, -1).permute(0, 2, 1, 3)
 *         w = (q @ k).float().softmax(dim=-1)
 *         return self.out((w @ v).permute(0, 2, 1, 3).flatten(start_dim=2))
 * w = WhisperMHA(384, 6)
 * print(sum(p.numel() for p in w.parameters()))                      # 590976
 * class Macs(TorchDispatchMode):  # the MACs of every mm, addmm, bmm, baddbmm
 *     def __init__(self): super().__init__(); self.macs = 0
 *     def __torch_dispatch__(self, func, types, args=(), kwargs=None):
 *         out = func(*args, **(kwargs or {}))
 *         name = func.__name__
 *         if name.startswith('mm') or name.startswith('addmm'):
 *             a, b = (args[1], args[2]) if name.startswith('addmm') else (args[0], args[1])
 *             self.macs += a.shape[0] * a.shape[1] * b.shape[1]
 *         elif name.startswith('bmm') or name.startswith('baddbmm'):
 *             a, b = (args[1], args[2]) if name.startswith('baddbmm') else (args[0], args[1])
 *             self.macs += a.shape[0] * a.shape[1] * a.shape[2] * b.shape[2]
 *         return out
 * with torch.no_grad(), Macs() as c:
 *     w(torch.randn(1, 448, 384), torch.randn(1, 1500, 384))
 * print(c.macs)                                                      # 1090584576
 * with torch.no_grad(), Macs() as c:
 *     w(torch.randn(1, 448, 384))
 * print(c.macs)                                                      # 418381824 (self-attention)
 * with torch.no_grad(), Macs() as c:
 *     m(torch.randn(448, 1, 384), torch.randn(1500, 1, 512), torch.randn(1500, 1, 512), need_weights=False)
 * print(c.macs)                                                      # 1238040576
 * </pre>
 */
class CrossAttentionTest {
    private static final ProjectionBiases ALL = ProjectionBiases.all(true);
    /** openai-whisper's: no bias on the key projection. */
    private static final ProjectionBiases WHISPER = ProjectionBiases.of(true, true, false, true, true);

    private static SideTensor tokens(String producer, long... dims) {
        return new SideTensor(Shape.of(dims), Layout.TOKENS, producer);
    }

    private static Shape out(CrossAttention op, Shape in, SideTensor memory) {
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, Layout.TOKENS, memory)).shape();
    }

    private static Cost cost(CrossAttention op, Shape in, SideTensor memory) {
        return op.cost(in, out(op, in, memory), Layout.TOKENS, memory);
    }

    private static Fault failed(CrossAttention op, Shape in, SideTensor memory) {
        List<Fault> faults = assertInstanceOf(ShapeResult.Failed.class, op.outputShape(in, Layout.TOKENS, memory))
                .faults();
        assertEquals(1, faults.size(), faults.toString());
        return faults.get(0);
    }

    /** PyTorch's {@code nn.MultiheadAttention(384, 6, kdim=512, vdim=512)}: the memory 512 wide, the queries 384. */
    @Test
    void pytorchMultiheadAttentionWithKeysOfAnotherWidth() {
        CrossAttention m = new CrossAttention(6, 0, "memory", 512, ALL);
        SideTensor memory = tokens("memory", 1500, 512);
        Cost c = cost(m, Shape.of(448, 384), memory);
        // q and out 2 x 384 x 384 = 294,912; k and v 2 x 512 x 384 = 393,216; in_proj_bias 3 x 384 and out's 384.
        assertEquals(2L * 384 * 384 + 2L * 512 * 384 + 4 * 384, c.params());
        assertEquals(689_664, c.params());
        // q and out 2 x 448 x 384^2 = 132,120,576; k and v 2 x 1,500 x 512 x 384 = 589,824,000;
        // scores and weighted sum 2 x 448 x 1,500 x 384 = 516,096,000.
        assertEquals(2L * 448 * 384 * 384 + 2L * 1500 * 512 * 384 + 2L * 448 * 1500 * 384, c.macs());
        assertEquals(1_238_040_576, c.macs());
    }

    /**
     * A Whisper-like decoder's cross-attention: T = 448 queries of E = 384 on the S = 1,500 tokens of
     * the encoder's output, 6 heads, the key projection without a bias.
     */
    @Test
    void whisperCrossAttentionByHandAndAsPyTorchCounts() {
        CrossAttention whisper = new CrossAttention(6, 0, "encoded", 0, WHISPER);
        Shape queries = Shape.of(448, 384);
        SideTensor encoded = tokens("encoded", 1500, 384);
        assertEquals(queries, out(whisper, queries, encoded));
        Cost c = cost(whisper, queries, encoded);
        // Four 384 x 384 weights and the biases of q, v and out.
        assertEquals(4L * 384 * 384 + 3 * 384, c.params());
        assertEquals(590_976, c.params());
        // q 448 x 384^2, k and v 2 x 1,500 x 384^2, scores and weighted sum 2 x 448 x 1,500 x 384, out 448 x 384^2.
        assertEquals(448L * 384 * 384 * 2 + 2L * 1500 * 384 * 384 + 2L * 448 * 1500 * 384, c.macs());
        assertEquals(1_090_584_576, c.macs());
        // 2 x MACS; softmax 3 x 6 heads x 448 x 1,500 = 12,096,000; biases: q and out 2 x 448 x 384 = 344,064,
        // v 1,500 x 384 = 576,000 (no k).
        assertEquals(2L * 1_090_584_576 + 3L * 6 * 448 * 1500 + 2L * 448 * 384 + 1500L * 384, c.flops());
        assertEquals(2_194_185_216L, c.flops());
        assertEquals(0, c.buffers());
        // It reads the queries and the memory and writes its output: 172,032 + 576,000 + 172,032.
        assertEquals(448L * 384 + 1500L * 384 + 448L * 384, whisper.activationsMoved(queries, queries,
                Layout.TOKENS, encoded));
        assertEquals(920_064, whisper.activationsMoved(queries, queries, Layout.TOKENS, encoded));
        // A new token: q and out 2 x 384^2 = 294,912, scores and weighted sum over the memory 2 x 1,500 x 384 =
        // 1,152,000; nothing grows with the context.
        assertEquals(new DecodeCost(2L * 384 * 384 + 2L * 1500 * 384, 0),
                whisper.decodeCost(queries, c, encoded).orElseThrow());
        // The cache of one sequence: a key and a value of 384 for each of the 1,500 memory tokens.
        assertEquals(2L * 1500 * 384, whisper.cachedOnce(queries, encoded));
        assertEquals("MultiheadAttention (cross)", whisper.displayName(queries));
    }

    /** Grouped-query cross-attention, small enough to count by hand: E = 8, 2 heads of 4, 1 key/value head. */
    @Test
    void groupedQueryCrossAttentionByHand() {
        // Memory of S = 5 tokens of Ekv = 6; T = 3 queries; E' = 1 x 4.
        CrossAttention op = new CrossAttention(2, 1, "memory", 6, ALL);
        SideTensor memory = tokens("memory", 5, 6);
        Shape queries = Shape.of(3, 8);
        Cost c = cost(op, queries, memory);
        // q, out 8 x 8 each; k, v 6 x 4 each; biases 8 + 8 + 4 + 4.
        assertEquals(64 + 64 + 24 + 24 + 24, c.params());
        // q, out 2 x 3 x 64 = 384; k, v 2 x 5 x 24 = 240; scores and weighted sum 2 x 3 x 5 x 8 = 240.
        assertEquals(384 + 240 + 240, c.macs());
        // 2 x 864; softmax 3 x 2 heads x 3 x 5 = 90; biases 3 x (8 + 8) + 5 x (4 + 4) = 88.
        assertEquals(1728 + 90 + 88, c.flops());
        assertEquals(24 + 30 + 24, op.activationsMoved(queries, queries, Layout.TOKENS, memory));
        // A new token: q, out 2 x 64, and 2 x 5 x 8 over the memory; the cache 2 x 5 x 4.
        assertEquals(new DecodeCost(128 + 80, 0), op.decodeCost(queries, c, memory).orElseThrow());
        assertEquals(40, op.cachedOnce(queries, memory));
        // Without biases: the weights only, and no adds.
        Cost bare = cost(new CrossAttention(2, 1, "memory", 6, ProjectionBiases.all(false)), queries, memory);
        assertEquals(new Cost(176, 0, 864, 1728 + 90), bare);
    }

    /** Every multiply-accumulate of cross-attention, one loop per index, as the math reads. */
    private static long bruteForceMacs(int queries, int width, int heads, int kvHeads, int memoryTokens,
            int memoryWidth) {
        int d = width / heads;
        long macs = 0;
        for (int t = 0; t < queries; t++) {
            for (int o = 0; o < width; o++) {
                macs += width; // q
                macs += width; // out projection
            }
        }
        for (int s = 0; s < memoryTokens; s++) {
            for (int o = 0; o < kvHeads * d; o++) {
                macs += 2L * memoryWidth; // k and v of a memory token
            }
        }
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < queries; i++) {
                for (int j = 0; j < memoryTokens; j++) {
                    macs += d; // score (i, j): q_i . k_j over d
                    macs += d; // a_ij * v_j, for each of d outputs of query i
                }
            }
        }
        return macs;
    }

    @Test
    void crossAttentionAgainstBruteForce() {
        // queries, width, heads, kvHeads, memory tokens, memory width
        int[][] cases = {{3, 8, 2, 1, 5, 6}, {5, 12, 4, 4, 2, 12}, {7, 16, 8, 2, 9, 4}, {1, 6, 3, 3, 1, 6}};
        for (int[] c : cases) {
            CrossAttention op = new CrossAttention(c[2], c[3], "memory", c[5], ALL);
            assertEquals(bruteForceMacs(c[0], c[1], c[2], c[3], c[4], c[5]),
                    cost(op, Shape.of(c[0], c[1]), tokens("memory", c[4], c[5])).macs(), java.util.Arrays.toString(c));
        }
    }

    @Test
    void theMemoryMustBeOneSequenceOfTokens() {
        CrossAttention op = new CrossAttention(6, 0, "conv", 0, WHISPER);
        Shape queries = Shape.of(448, 384);
        // Whisper's encoder convolutions give (384, 1500): 1,500 positions of 384 channels.
        Fault map = failed(op, queries, new SideTensor(Shape.of(384, 1500), Layout.FEATURES, "conv"));
        assertEquals(ProblemKind.MEMORY, map.kind());
        assertEquals(Optional.of(Attr.MEMORY), map.attr());
        assertEquals("memory names conv, which gives (384, 1500), a feature map (C, ...); cross-attention attends to"
                + " tokens (S, E): put @ToTokens after it, which makes (1500, 384) tokens of it, and name that",
                map.message());
        Fault last = failed(op, queries, new SideTensor(Shape.of(4, 6, 384), Layout.CHANNELS_LAST, "perm"));
        assertEquals("memory names perm, which gives (4, 6, 384), a channels-last map (H, W, C); cross-attention"
                + " attends to tokens (S, E): put @ToTokens after it, which makes (24, 384) tokens of it, and name"
                + " that", last.message());
        Fault vector = failed(op, queries, new SideTensor(Shape.of(16), Layout.FEATURES, "input"));
        assertEquals(Optional.of(Attr.MEMORY), vector.attr());
        assertEquals("memory names input, which gives (16), of one dimension; cross-attention attends to tokens"
                + " (S, E): if it is token ids, put an @Embedding after it, and name that", vector.message());
        Fault sequences = failed(op, queries, tokens("unfold", 4, 6, 384));
        assertEquals(ProblemKind.MEMORY, sequences.kind());
        assertEquals("memory names unfold, which gives (4, 6, 384), 4 sequences of 6 tokens, as @Unfold makes them;"
                + " cross-attention attends to one sequence of tokens (S, E): fold them back with @Fold, and make"
                + " tokens of the map with @ToTokens", sequences.message());
    }

    /** A key width that does not fit: on keyWidth when written, else on memory, with both widths and the fix. */
    @Test
    void theKeysTakeTheMemorysWidth() {
        Shape queries = Shape.of(448, 384);
        SideTensor wide = tokens("encoded", 1500, 512);
        Fault unwritten = failed(new CrossAttention(6, 0, "encoded", 0, ALL), queries, wide);
        assertEquals(ProblemKind.MEMORY, unwritten.kind());
        assertEquals(Optional.of(Attr.MEMORY), unwritten.attr());
        assertEquals("memory names encoded, which gives tokens (1500, 512) of width 512, but keyWidth = 0 takes the"
                + " queries' width E = 384; the key and value projections take the memory's tokens: write keyWidth ="
                + " 512", unwritten.message());
        Fault written = failed(new CrossAttention(6, 0, "encoded", 384, ALL), queries, wide);
        assertEquals(ProblemKind.MEMORY, written.kind());
        assertEquals(Optional.of(Attr.KEY_WIDTH), written.attr());
        assertEquals("keyWidth = 384, but memory names encoded, which gives tokens (1500, 512) of width 512; the key"
                + " and value projections take the memory's tokens: write keyWidth = 512", written.message());
        // keyWidth as PyTorch's kdim fits, and so does the default on a memory as wide as the queries.
        assertEquals(queries, out(new CrossAttention(6, 0, "encoded", 512, ALL), queries, wide));
        assertEquals(queries, out(new CrossAttention(6, 0, "encoded", 0, ALL), queries, tokens("encoded", 1500, 384)));
    }

    @Test
    void headsAndAttributes() {
        SideTensor memory = tokens("encoded", 10, 64);
        Fault heads = failed(new CrossAttention(5, 0, "encoded", 0, ALL), Shape.of(16, 64), memory);
        assertEquals(ProblemKind.HEADS, heads.kind());
        assertEquals("the token width E = 64 does not split into heads = 5 heads of equal width; use one of 1, 2, 4"
                + " or 8", heads.message());
        assertEquals(List.of(Message.KV_HEADS_NOT_DIVIDING_HEADS.on(Attr.KV_HEADS, 8, 3, "1, 2, 4 or 8")),
                new CrossAttention(8, 3, "encoded", 0, ALL).validate());
        assertEquals(List.of(Message.QUANTITY_BELOW_MINIMUM.on(Attr.KEY_WIDTH, "keyWidth", -1L,
                "key width (0: the queries' width E)", 0L)), new CrossAttention(8, 0, "encoded", -1, ALL).validate());
        assertEquals(List.of(Message.MEMORY_NAMES_NOTHING.on(Attr.MEMORY)), new CrossAttention(8, 0, "", 0, ALL)
                .validate());
        assertEquals(List.of(), new CrossAttention(8, 2, "encoded", 0, ALL).validate());
    }

    @Test
    void itTakesOneSequenceOfTokens() {
        CrossAttention op = new CrossAttention(2, 0, "encoded", 0, ALL);
        assertEquals(java.util.Set.of(Layout.TOKENS), op.accepts());
        assertEquals("@CrossAttention works on tokens (T, E), but its input is the feature map (8, 3); put"
                + " @ToTokens before it, which makes (3, 8) tokens of it",
                op.refuse(Shape.of(8, 3), Layout.FEATURES).message());
        Fault sequences = failed(op, Shape.of(3, 5, 8), tokens("encoded", 10, 8));
        assertEquals(ProblemKind.INPUT_SHAPE, sequences.kind());
        assertEquals(Optional.empty(), sequences.attr());
        assertEquals("@CrossAttention attends one sequence of queries (T, E) to its memory, but its input (3, 5, 8)"
                + " is 3 sequences of 5 tokens, as @Unfold makes them; put @Fold and then @ToTokens before it to make"
                + " one sequence of them", sequences.message());
        // Without its memory it has no shape and no figures: the walker never asks.
        assertThrows(IllegalStateException.class, () -> op.outputShape(Shape.of(5, 8), Layout.TOKENS));
        assertThrows(IllegalStateException.class, () -> op.cost(Shape.of(5, 8), Shape.of(5, 8)));
    }
}
