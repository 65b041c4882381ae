package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/**
 * The ops of sequences against hand calculations, and attention against a brute-force count
 * that loops over every multiply of PyTorch's computation rather than use the cost model's sums.
 */
class SequenceOpsTest {
    private static Shape out(Op op, Shape in, Layout layout) {
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
    }

    private static Cost cost(Op op, Shape in, Layout layout) {
        return op.cost(in, out(op, in, layout));
    }

    /** Every multiply-accumulate of self-attention, one loop per index, as the math reads. */
    private static long bruteForceMacs(int tokens, int width, int heads, int kvHeads) {
        int d = width / heads;
        long macs = 0;
        for (int t = 0; t < tokens; t++) {
            for (int o = 0; o < width; o++) {
                macs += width; // q
                macs += width; // out projection
            }
            for (int o = 0; o < kvHeads * d; o++) {
                macs += 2L * width; // k and v
            }
        }
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < tokens; i++) {
                for (int j = 0; j < tokens; j++) {
                    macs += d; // score (i, j): q_i . k_j over d
                    macs += d; // a_ij * v_j, for each of d outputs of token i
                }
            }
        }
        return macs;
    }

    @Test
    void attentionAgainstBruteForce() {
        for (int[] c : new int[][] {{3, 8, 2, 1}, {5, 12, 4, 4}, {7, 16, 8, 2}, {1, 6, 3, 3}}) {
            Attention attention = new Attention(c[2], c[3], false, false, false);
            assertEquals(bruteForceMacs(c[0], c[1], c[2], c[3]),
                    cost(attention, Shape.of(c[0], c[1]), Layout.TOKENS).macs(), java.util.Arrays.toString(c));
        }
    }

    @Test
    void attentionFiguresByHand() {
        // E = 8, 2 heads of 4, 1 key/value head, 3 tokens, with biases and rotary embeddings.
        Attention attention = new Attention(2, 1, true, true, true);
        Cost c = cost(attention, Shape.of(3, 8), Layout.TOKENS);
        // q, out: 8 x 8 each; k, v: 8 x 4 each; biases 8 + 8 + 4 + 4.
        assertEquals(128 + 64 + 24, c.params());
        // projections 3 x 192 = 576; scores and weighted sum 2 x 9 x 8 = 144.
        assertEquals(720, c.macs());
        // 2 x MACS, softmax 3 x 2 heads x 9, biases 3 x 24, rotary 3 x 3 x (8 + 4).
        assertEquals(1440 + 54 + 72 + 108, c.flops());
        assertEquals(new DecodeCost(192, 16), attention.decodeCost(Shape.of(3, 8), c).orElseThrow());
        assertEquals(8, attention.cachedPerToken(Shape.of(3, 8)));
        // One key/value head for all the query heads: multi-query attention.
        assertEquals("MultiQueryAttention (causal)", attention.displayName(Shape.of(3, 8)));
        assertEquals("GroupedQueryAttention", new Attention(4, 2, false, false, false).displayName(Shape.of(3, 8)));
        assertEquals("MultiheadAttention", new Attention(4, 0, false, false, false).displayName(Shape.of(3, 8)));
    }

    /**
     * Whisper-tiny's self-attention: openai-whisper's {@code MultiHeadAttention(384, 6)}, its key projection
     * {@code Linear(384, 384, bias=False)}, on T = 448 tokens. PyTorch 1.13 counts 590,976 parameters and,
     * counting each mm/addmm/bmm of the forward pass, 418,381,824 MACs (the script is in CrossAttentionTest).
     */
    @Test
    void whisperSelfAttentionHasNoKeyBias() {
        Attention whisper = new Attention(6, 0, ProjectionBiases.of(true, true, false, true, true), false, false);
        Cost c = cost(whisper, Shape.of(448, 384), Layout.TOKENS);
        // Four 384 x 384 weights, 589,824, and the biases of q, v and out, 3 x 384 = 1,152.
        assertEquals(4L * 384 * 384 + 3 * 384, c.params());
        assertEquals(590_976, c.params());
        // Projections 4 x 448 x 384^2 = 264,241,152; scores and weighted sum 2 x 448^2 x 384 = 154,140,672.
        assertEquals(4L * 448 * 384 * 384 + 2L * 448 * 448 * 384, c.macs());
        assertEquals(418_381_824, c.macs());
        // 2 x MACS, softmax 3 x 6 heads x 448^2 = 3,612,672, the three biases 448 x 1,152 = 516,096.
        assertEquals(2L * 418_381_824 + 3L * 6 * 448 * 448 + 448L * 3 * 384, c.flops());
        assertEquals(840_892_416, c.flops());
    }

    @Test
    void eachProjectionHasItsBiasWhenBiasAndItsSwitchSaySo() {
        // E = 8, 2 heads of 4, 1 key/value head, 3 tokens: weights q, out 8 x 8, k, v 8 x 4, 192 in all;
        // MACs 3 x 192 + 2 x 9 x 8 = 720, as in attentionFiguresByHand.
        // Qwen2: q, k and v with biases (8 + 4 + 4), the output projection without.
        Attention qwen = new Attention(2, 1, ProjectionBiases.of(true, true, true, true, false), true, false);
        Cost c = cost(qwen, Shape.of(3, 8), Layout.TOKENS);
        assertEquals(192 + 16, c.params());
        assertEquals(720, c.macs());
        // 2 x MACS, softmax 3 x 2 heads x 9, one add per biased output: 3 tokens x 16.
        assertEquals(1440 + 54 + 48, c.flops());
        // bias = false takes every bias away, whatever the switches.
        Attention none = new Attention(2, 1, ProjectionBiases.of(false, true, true, true, true), true, false);
        assertEquals(new Cost(192, 0, 720, 1440 + 54), cost(none, Shape.of(3, 8), Layout.TOKENS));
        // Every switch at its default is every bias, as before the switches: the five-argument form.
        assertEquals(new Attention(2, 1, true, true, false), new Attention(2, 1,
                ProjectionBiases.of(true, true, true, true, true), true, false));
        assertEquals(new ProjectionBiases(false, false, false, false),
                ProjectionBiases.of(false, true, true, true, true));
    }

    @Test
    void attentionIsNotForFeatureMaps() {
        Attention attention = new Attention(2, 0, true, false, false);
        assertEquals(java.util.Set.of(Layout.TOKENS), attention.accepts());
        Fault refused = attention.refuse(Shape.of(8, 3), Layout.FEATURES);
        assertEquals(ProblemKind.INPUT_SHAPE, refused.kind());
        // (8, 3) as a 1-d map: 3 positions of 8 channels.
        assertEquals("@MultiHeadAttention works on tokens (T, E), but its input is the feature map (8, 3); put"
                + " @ToTokens before it, which makes (3, 8) tokens of it", refused.message());
        // Channels last, (4, 4, 8): 16 positions of 8 channels.
        assertEquals("@MultiHeadAttention works on tokens (T, E), but its input (4, 4, 8) is a map with its channels"
                + " last; put @ToTokens before it, which makes (16, 8) tokens of it",
                attention.refuse(Shape.of(4, 4, 8), Layout.CHANNELS_LAST).message());
    }

    @Test
    void divisorsNearTheGivenHeads() {
        // 768's divisors by distance from 10: 8 and 12 (2), 6 (4), then 4 and 16 (6), the smaller first.
        assertEquals("4, 6, 8 or 12", Attention.divisors(768, 10));
        assertEquals("1, 2, 4 or 8", Attention.divisors(8, 3));
        assertEquals("1 or 7", Attention.divisors(7, 3));
    }

    @Test
    void linearWorksPerToken() {
        Linear linear = new Linear(3, true);
        assertEquals(Shape.of(5, 3), out(linear, Shape.of(5, 4), Layout.TOKENS));
        Cost c = cost(linear, Shape.of(5, 4), Layout.TOKENS);
        assertEquals(15, c.params());
        assertEquals(60, c.macs()); // 5 rows x 4 x 3
        assertEquals(5 * 3 * 8, c.flops()); // per output 4 multiplies, 3 adds, the bias
        assertEquals(ProblemKind.NEEDS_FLATTEN, assertInstanceOf(ShapeResult.Failed.class,
                linear.outputShape(Shape.of(5, 4), Layout.FEATURES)).faults().get(0).kind());
    }

    @Test
    void normsOverTheLastDimension() {
        Shape tokens = Shape.of(5, 4);
        assertEquals(new Cost(8, 0, 0, 100), cost(new LayerNorm(true), tokens, Layout.TOKENS));
        assertEquals(new Cost(4, 0, 0, 100), cost(new LayerNorm(false), tokens, Layout.TOKENS));
        assertEquals(new Cost(4, 0, 0, 80), cost(new RmsNorm(), tokens, Layout.TOKENS));
    }

    @Test
    void embeddingsAndTokens() {
        assertEquals(Shape.of(7, 4), out(new Embedding(10, 4), Shape.of(7), Layout.FEATURES));
        assertEquals(new Cost(40, 0, 0, 0), cost(new Embedding(10, 4), Shape.of(7), Layout.FEATURES));
        assertEquals(Layout.TOKENS, new Embedding(10, 4).outputLayout(Layout.FEATURES));
        // A lookup of 7 tokens reads 7 rows of 4; 30 tokens would read at most the table's 40.
        assertEquals(28, new Embedding(10, 4).parametersRead(Shape.of(7), new Cost(40, 0, 0, 0), 1));
        assertEquals(40, new Embedding(10, 4).parametersRead(Shape.of(30), new Cost(40, 0, 0, 0), 1));

        assertEquals(new Cost(24, 0, 0, 20), cost(new PositionEmbedding(6), Shape.of(5, 4), Layout.TOKENS));
        assertEquals(ProblemKind.SEQUENCE_LENGTH, assertInstanceOf(ShapeResult.Failed.class,
                new PositionEmbedding(4).outputShape(Shape.of(5, 4), Layout.TOKENS)).faults().get(0).kind());
        assertEquals(new Cost(8, 0, 0, 20), cost(new TokenTypeEmbedding(2), Shape.of(5, 4), Layout.TOKENS));

        assertEquals(Shape.of(6, 4), out(new ClassToken(1), Shape.of(5, 4), Layout.TOKENS));
        assertEquals(new Cost(8, 0, 0, 0), cost(new ClassToken(2), Shape.of(5, 4), Layout.TOKENS));

        assertEquals(Shape.of(20, 3), out(new ToTokens(), Shape.of(3, 4, 5), Layout.FEATURES));
        assertEquals(Shape.of(7, 3), out(new ToTokens(), Shape.of(3, 7), Layout.FEATURES));
        // Channels last: (4, 5, 3) is 20 positions of 3 channels, as Swin's x.flatten(1, 2).
        assertEquals(Shape.of(20, 3), out(new ToTokens(), Shape.of(4, 5, 3), Layout.CHANNELS_LAST));
        assertFalse(new ToTokens().accepts().contains(Layout.TOKENS));
        assertEquals(ProblemKind.INPUT_SHAPE, new ToTokens().refuse(Shape.of(7, 3), Layout.TOKENS).kind());

        // Concatenating along the token axis: the first axis, as for channels.
        assertEquals(Shape.of(6, 4), assertInstanceOf(ShapeResult.Ok.class, new Concat().outputShape(
                java.util.List.of(Shape.of(1, 4), Shape.of(5, 4)), java.util.List.of("cls", "tokens"))).shape());

        assertEquals(Shape.of(4), out(new SelectToken(-1), Shape.of(5, 4), Layout.TOKENS));
        assertInstanceOf(ShapeResult.Failed.class, new SelectToken(-6).outputShape(Shape.of(5, 4), Layout.TOKENS));
    }
}
