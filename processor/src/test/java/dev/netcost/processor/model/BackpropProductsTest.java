package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import dev.netcost.Training.AttentionKernel;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The backward of products and layers with parameters, by the cost model's table "Backward of products
 * and layers with parameters", one sample, every figure by hand. Backward MACs cannot be traced in
 * torch 1.13 (no {@code FlopCounterMode}): they are hand counts. What each op keeps is checked against
 * torch 1.13 on the CPU, float32: {@code /usr/bin/python3 src/test/resources/torch/saved_tensors_products.py}
 * puts a {@code saved_tensors_hooks} pack hook around each module and classes every saved tensor, once per
 * storage, as the input, a parameter, or elements of its own; its figures are quoted beside each case.
 */
class BackpropProductsTest {
    private static final BackwardPass BOTH = new BackwardPass(true, true, AttentionKernel.FUSED);
    /** The first layer: what it reads needs no gradient. */
    private static final BackwardPass FIRST = new BackwardPass(false, true, AttentionKernel.FUSED);
    /** A frozen layer: its parameters get none. */
    private static final BackwardPass FROZEN = new BackwardPass(true, false, AttentionKernel.FUSED);
    private static final BackwardPass NO_BACKWARD = new BackwardPass(false, false, AttentionKernel.FUSED);
    private static final BackwardPass BOTH_EAGER = new BackwardPass(true, true, AttentionKernel.EAGER);
    private static final BackwardPass FROZEN_EAGER = new BackwardPass(true, false, AttentionKernel.EAGER);

    private static Backprop backprop(Op op, Shape in, Layout layout, BackwardPass pass) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
        return op.backprop(in, out, layout, Optional.empty(), op.cost(in, out, layout), pass);
    }

    private static Backprop backprop(Op op, Shape in, Layout layout, SideTensor side, BackwardPass pass) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout, side)).shape();
        return op.backprop(in, out, layout, Optional.of(side), op.cost(in, out, layout, side), pass);
    }

    private static Conv conv(int out, int kernel, boolean bias) {
        return new Conv(out, List.of(kernel), List.of(1), List.of(0), List.of(1), 1, bias);
    }

    // Linear

    @Test
    void linearWithBias() {
        // (10, 8) -> (10, 16): forward 10*8*16 = 1,280 MACs, FLOPs 10*16*(2*8 - 1 + 1) = 2,560.
        Backprop b = backprop(new Linear(16, true), Shape.of(10, 8), Layout.TOKENS, BOTH);
        assertEquals(2_560, b.forwardFlops());
        assertEquals(new Work(1_280, 2_560), b.toInput()); // dX = dY W: 10*8*16 MACs, 2 FLOPs each
        assertEquals(new Work(1_280, 2_560 + 160), b.toWeights()); // dW = dY^T X, and db: 10*16 adds
        // torch 1.13, Linear(8, 16) on (10, 8) and on (2, 10, 8): the input, nothing else.
        assertEquals(Saved.INPUT, b.saved());
        assertEquals(new Work(2_560, 5_280), b.backward());
    }

    @Test
    void firstLinearComputesNoInputGradient() {
        Backprop b = backprop(new Linear(16, true), Shape.of(10, 8), Layout.TOKENS, FIRST);
        assertEquals(Work.NONE, b.toInput());
        assertEquals(new Work(1_280, 2_720), b.toWeights());
        assertEquals(Saved.INPUT, b.saved()); // torch 1.13, the input without a gradient: still kept, for dW
    }

    @Test
    void frozenLinearKeepsNothing() {
        Backprop b = backprop(new Linear(16, true), Shape.of(10, 8), Layout.TOKENS, FROZEN);
        assertEquals(new Work(1_280, 2_560), b.toInput());
        assertEquals(Work.NONE, b.toWeights());
        // torch 1.13, frozen weight: nothing (mm saves mat1 only when mat2 requires a gradient).
        assertEquals(Saved.NOTHING, b.saved());
        assertEquals(new Backprop(2_560, Work.NONE, Work.NONE, Saved.NOTHING),
                backprop(new Linear(16, true), Shape.of(10, 8), Layout.TOKENS, NO_BACKWARD));
    }

    // Convolutions

    @Test
    void convolutionWithBias() {
        // (3, 6, 6), 4 filters 3 x 3 -> (4, 4, 4): 4 * 16 * 27 = 1,728 MACs; 64 output elements.
        Backprop b = backprop(conv(4, 3, true), Shape.of(3, 6, 6), Layout.FEATURES, BOTH);
        assertEquals(new Work(1_728, 3_456), b.toInput());
        assertEquals(new Work(1_728, 3_456 + 64), b.toWeights());
        assertEquals(Saved.INPUT, b.saved()); // torch 1.13, Conv2d(3, 4, 3): the input
        assertEquals(4 * 16 * (2 * 27 - 1 + 1), b.forwardFlops()); // inference's: 3,456
    }

    @Test
    void firstAndFrozenConvolution() {
        Backprop first = backprop(conv(4, 3, true), Shape.of(3, 6, 6), Layout.FEATURES, FIRST);
        assertEquals(Work.NONE, first.toInput());
        assertEquals(new Work(1_728, 3_520), first.toWeights());
        Backprop frozen = backprop(conv(4, 3, true), Shape.of(3, 6, 6), Layout.FEATURES, FROZEN);
        assertEquals(new Work(1_728, 3_456), frozen.toInput());
        assertEquals(Work.NONE, frozen.toWeights());
        // torch 1.13, Conv2d with requires_grad_(False) on its weight and bias: the input is still saved
        // (convolution_backward takes input, weight and bias in one formula).
        assertEquals(Saved.INPUT, frozen.saved());
    }

    @Test
    void transposedConvolutionWithBias() {
        // (4, 3, 3), 3 outputs, kernel 2 stride 2 -> (3, 6, 6): 4 * 9 * 3 * 4 = 432 MACs; 108 outputs.
        ConvTranspose up = new ConvTranspose(3, List.of(2), List.of(2), List.of(0), List.of(0), List.of(1), 1, true);
        Backprop b = backprop(up, Shape.of(4, 3, 3), Layout.FEATURES, BOTH);
        assertEquals(new Work(432, 864), b.toInput());
        assertEquals(new Work(432, 864 + 108), b.toWeights());
        assertEquals(Saved.INPUT, b.saved()); // torch 1.13, ConvTranspose2d(4, 3, 2, 2): the input
        Backprop frozen = backprop(up, Shape.of(4, 3, 3), Layout.FEATURES, FROZEN);
        assertEquals(Work.NONE, frozen.toWeights());
        assertEquals(Saved.INPUT, frozen.saved()); // and frozen too
        assertEquals(Work.NONE, backprop(up, Shape.of(4, 3, 3), Layout.FEATURES, FIRST).toInput());
    }

    // Attention

    /**
     * E = 8, h = 2 (d = 4), T = 10, all biases: N = 10 tokens, 100 pairs, 200 scores. Inside: dO = dY Wo^T
     * 10*8*8 = 640 MACs; the core eager 4 * 100*8 = 3,200 MACs and 4 * 200 = 800 FLOPs (softmax), fused
     * 5 * 800 = 4,000 MACs and (4 + 2) * 200 = 1,200 FLOPs. To the input 10*8*(8 + 16) = 1,920 MACs. To
     * the weights 10*(2*64 + 2*64) = 2,560 MACs and the biases' 10*32 = 320 adds.
     */
    @Test
    void attentionEagerAndFused() {
        Attention mha = new Attention(2, 0, true, false, false);
        Shape tokens = Shape.of(10, 8);
        Backprop eager = backprop(mha, tokens, Layout.TOKENS, BOTH_EAGER);
        assertEquals(new Work(640 + 3_200 + 1_920, 2 * 5_760 + 800), eager.toInput());
        assertEquals(new Work(2_560, 5_120 + 320), eager.toWeights());
        // torch 1.13, q, k, v, out Linear(8, 8), bmm, softmax, bmm on (1, 10, 8): the input and 521
        // elements: Q 80, K 80, V 80, P 2*10*10 = 200, O 80, and the 1-element divisor of q / sqrt(d),
        // which netcost does not count.
        assertEquals(new Saved(true, false, 520, 0), eager.saved());

        Backprop fused = backprop(mha, tokens, Layout.TOKENS, BOTH);
        assertEquals(new Work(640 + 4_000 + 1_920, 2 * 6_560 + 1_200), fused.toInput());
        assertEquals(eager.toWeights(), fused.toWeights());
        // Q, K, V and O, 4 * 80, and a float32 log-sum-exp per head and query row: 4 * 2 * 10 bytes.
        assertEquals(new Saved(true, false, 320, 80), fused.saved());
    }

    @Test
    void attentionFirstAndFrozen() {
        Attention mha = new Attention(2, 0, true, false, false);
        Shape tokens = Shape.of(10, 8);
        Backprop first = backprop(mha, tokens, Layout.TOKENS, FIRST);
        assertEquals(Work.NONE, first.toInput());
        // The weights' gradients need dQ, dK, dV: the inside (640 + 4,000 MACs; 9,280 + 1,200 FLOPs) moves here.
        assertEquals(new Work(640 + 4_000 + 2_560, 2 * 7_200 + 1_200 + 320), first.toWeights());

        Backprop frozen = backprop(mha, tokens, Layout.TOKENS, FROZEN_EAGER);
        assertEquals(new Work(5_760, 12_320), frozen.toInput());
        assertEquals(Work.NONE, frozen.toWeights());
        // torch 1.13, all four projections frozen: no input, 441 elements: Q, K, V, P (no O), and the divisor.
        assertEquals(new Saved(false, false, 440, 0), frozen.saved());
        assertEquals(Saved.NOTHING, backprop(mha, tokens, Layout.TOKENS, NO_BACKWARD).saved());
    }

    /**
     * Grouped-query, rotary and causal on S = 2 sequences of T = 6 tokens, E = 8, h = 4 (d = 2), 2
     * key/value heads (kv = 4), no bias: N = 12 tokens, 2 * 36 = 72 pairs, 4 * 72 = 288 scores. Inside:
     * dO 12*64 = 768 MACs; the fused core 5 * 72*8 = 2,880 MACs and 6 * 288 = 1,728 FLOPs; the rotation's
     * backward as its forward, 3 * 12 * (8 + 4) = 432 FLOPs. To the input 12*8*(8 + 8) = 1,536 MACs; to
     * the weights 12*(2*64 + 2*32) = 2,304 MACs. The mask changes nothing: the full T^2 is counted, as
     * the forward counts it.
     */
    @Test
    void groupedRotaryCausalAttentionOnSequences() {
        Attention gqa = new Attention(4, 2, false, true, true);
        Shape sequences = Shape.of(2, 6, 8);
        Backprop fused = backprop(gqa, sequences, Layout.TOKENS, BOTH);
        assertEquals(new Work(768 + 2_880 + 1_536, 2 * 5_184 + 1_728 + 432), fused.toInput());
        assertEquals(new Work(2_304, 4_608), fused.toWeights());
        // Q 12*8 = 96, K and V at their 2 heads 2 * 12*4 = 96, O 96; the log-sum-exp 4 * 4 heads * 12 rows.
        assertEquals(new Saved(true, false, 288, 192), fused.saved());
        Backprop eager = backprop(gqa, sequences, Layout.TOKENS, BOTH_EAGER);
        // K and V at the 4 heads the batched products read, 2 * 12*8 = 192; P 288; Q and O 96 each.
        assertEquals(new Saved(true, false, 96 + 192 + 288 + 96, 0), eager.saved());
        Backprop unmasked = backprop(new Attention(4, 2, false, false, true), sequences, Layout.TOKENS, BOTH);
        assertEquals(unmasked.backward(), fused.backward());
    }

    /**
     * Queries (10, 8), memory (6, 12), h = 2, all biases: 2 * 10*6 = 120 scores. Inside: dO 640 MACs; the
     * eager core 4 * 10*6*8 = 1,920 MACs and 480 FLOPs. To the input 10*64 = 640 MACs and to the memory
     * 2 * 6*12*8 = 1,152. To the weights 2*640 + 1,152 = 2,432 MACs and the biases 10*16 + 6*16 = 256.
     */
    @Test
    void crossAttention() {
        CrossAttention cross = new CrossAttention(2, 0, "enc", 12, ProjectionBiases.all(true));
        SideTensor memory = new SideTensor(Shape.of(6, 12), Layout.TOKENS, "enc");
        Backprop eager = backprop(cross, Shape.of(10, 8), Layout.TOKENS, memory, BOTH_EAGER);
        assertEquals(new Work(640 + 1_920 + 1_792, 2 * 4_352 + 480), eager.toInput());
        assertEquals(new Work(2_432, 4_864 + 256), eager.toWeights());
        // Its input and memory; Q 80, K and V 2 * 6*8 = 96, P 120, O 80.
        assertEquals(new Saved(true, false, 376, 0), eager.saved());
        Backprop fused = backprop(cross, Shape.of(10, 8), Layout.TOKENS, memory, BOTH);
        assertEquals(new Work(640 + 2_400 + 1_792, 2 * 4_832 + 720), fused.toInput());
        assertEquals(new Saved(true, false, 80 + 96 + 80, 4 * 2 * 10), fused.saved());
        Backprop first = backprop(cross, Shape.of(10, 8), Layout.TOKENS, memory, FIRST);
        assertEquals(Work.NONE, first.toInput());
        assertEquals(new Work(640 + 2_400 + 2_432, 2 * 3_040 + 720 + 4_864 + 256), first.toWeights());
        assertEquals(Work.NONE, backprop(cross, Shape.of(10, 8), Layout.TOKENS, memory, FROZEN).toWeights());
    }

    /**
     * Swin's, on (8, 8, 8) channels last, window 4, no shift, 2 heads, biases: 64 positions, 4 windows of
     * N = 16, 4 * 256 = 1,024 scores per head, 2,048 in all; the map is 64*8 = 512 elements. Inside: dO
     * 512*8 = 4,096 MACs, the eager core 4 * 1,024*8 = 32,768 MACs and 4 * 2,048 = 8,192 FLOPs. To the
     * input 512*24 = 12,288 MACs. To the weights 512*32 = 16,384 MACs, the biases 4 * 512 adds and the
     * table's gradient 2,048 adds.
     */
    @Test
    void windowAttention() {
        WindowAttention swin = new WindowAttention(2, List.of(4), List.of(0), true);
        Shape map = Shape.of(8, 8, 8);
        Backprop eager = backprop(swin, map, Layout.CHANNELS_LAST, BOTH_EAGER);
        assertEquals(new Work(4_096 + 32_768 + 12_288, 2 * 49_152 + 8_192), eager.toInput());
        assertEquals(new Work(16_384, 32_768 + 2_048 + 2_048), eager.toWeights());
        // The windowed copy qkv reads 512, Q, K, V 3 * 512, P 2,048, O 512.
        assertEquals(new Saved(false, false, 512 + 1_536 + 2_048 + 512, 0), eager.saved());
        Backprop fused = backprop(swin, map, Layout.CHANNELS_LAST, BOTH);
        assertEquals(new Work(4_096 + 40_960 + 12_288, 2 * 57_344 + 12_288), fused.toInput());
        assertEquals(new Saved(false, false, 512 + 1_536 + 512, 4 * 2 * 64), fused.saved());
        assertEquals(Work.NONE, backprop(swin, map, Layout.CHANNELS_LAST, FIRST).toInput());
    }

    // Recurrent layers

    /**
     * LSTM, H = 16, on (10, 8), with bias: 64 gate rows; a step's products 64*8 + 64*16 = 1,536 MACs, its
     * biases 128. Inside, per step: dh through W_hh, 64*16 = 1,024 MACs, and the cell's element-wise
     * backward, 23 * 16 = 368 FLOPs; 10 steps. To the input 10 * 64*8 = 5,120 MACs. To the weights 10 *
     * 1,536 MACs and 10 * 128 bias adds.
     */
    @Test
    void lstm() {
        Recurrent lstm = Recurrent.lstm(16, 1, false, true, 0, 0);
        Shape tokens = Shape.of(10, 8);
        Backprop b = backprop(lstm, tokens, Layout.TOKENS, BOTH);
        assertEquals(new Work(10_240 + 5_120, 2 * 15_360 + 3_680), b.toInput());
        assertEquals(new Work(15_360, 30_720 + 1_280), b.toWeights());
        // torch 1.13, LSTM(8, 16) on (10, 1, 8): the input and 1,120 = 10 * 7 * 16 elements (i, f, g, o,
        // c, tanh(c'), h per step).
        assertEquals(new Saved(true, false, 1_120, 0), b.saved());
        Backprop first = backprop(lstm, tokens, Layout.TOKENS, FIRST);
        assertEquals(Work.NONE, first.toInput());
        assertEquals(new Work(10_240 + 15_360, 20_480 + 3_680 + 32_000), first.toWeights());
        assertEquals(new Saved(true, false, 1_120, 0), first.saved()); // torch 1.13: the same
        Backprop frozen = backprop(lstm, tokens, Layout.TOKENS, FROZEN);
        assertEquals(Work.NONE, frozen.toWeights());
        assertEquals(new Saved(false, false, 960, 0), frozen.saved()); // torch 1.13: no input, 960 (no h)
    }

    @Test
    void recurrentLayersKeepWhatTorchKeeps() {
        Shape tokens = Shape.of(10, 8);
        // torch 1.13, each on (10, 1, 8), H = 16, trained and frozen:
        // GRU 1,120 and 960; RNN 176 (h per step and h0) and 160.
        assertEquals(1_120, backprop(Recurrent.gru(16, 1, false, true, true, 0), tokens, Layout.TOKENS, BOTH)
                .saved().elements());
        assertEquals(960, backprop(Recurrent.gru(16, 1, false, true, true, 0), tokens, Layout.TOKENS, FROZEN)
                .saved().elements());
        Recurrent rnn = Recurrent.rnn(16, 1, false, true, 0, dev.netcost.RNN.Nonlinearity.TANH);
        assertEquals(176, backprop(rnn, tokens, Layout.TOKENS, BOTH).saved().elements());
        assertEquals(160, backprop(rnn, tokens, Layout.TOKENS, FROZEN).saved().elements());
        // LSTM with proj_size = 4: 1,160 (h is 4 wide, and the projection's input 16); bidirectional 2,240;
        // two layers 2,400 (the second layer's input, 10 * 16, besides 2 * 1,120).
        assertEquals(1_160, backprop(Recurrent.lstm(16, 1, false, true, 4, 0), tokens, Layout.TOKENS, BOTH)
                .saved().elements());
        assertEquals(2_240, backprop(Recurrent.lstm(16, 1, true, true, 0, 0), tokens, Layout.TOKENS, BOTH)
                .saved().elements());
        assertEquals(2_400, backprop(Recurrent.lstm(16, 2, false, true, 0, 0), tokens, Layout.TOKENS, BOTH)
                .saved().elements());
    }

    /**
     * An RNN (tanh), H = 16, no bias, on (10, 8): inside, per step, 16*16 = 256 MACs and 4 * 16 FLOPs (the
     * tanh's 3, h's gradient joined 1); to the input 10 * 16*8 = 1,280 MACs; to the weights 10 * (128 +
     * 256) = 3,840 MACs. Two layers add, inside, the second layer's gradient to the first: 10 * 16*16.
     */
    @Test
    void rnnAndStackedLayers() {
        Recurrent rnn = Recurrent.rnn(16, 1, false, false, 0, dev.netcost.RNN.Nonlinearity.TANH);
        Backprop b = backprop(rnn, Shape.of(10, 8), Layout.TOKENS, BOTH);
        assertEquals(new Work(2_560 + 1_280, 2 * 3_840 + 640), b.toInput());
        assertEquals(new Work(3_840, 7_680), b.toWeights());
        Recurrent two = Recurrent.rnn(16, 2, false, false, 0, dev.netcost.RNN.Nonlinearity.TANH);
        Backprop stacked = backprop(two, Shape.of(10, 8), Layout.TOKENS, BOTH);
        // Layer 1: its own 2,560 + 640, and its gradient to layer 0, 10 * 256 = 2,560 MACs.
        assertEquals(new Work(3_840 + 2_560 + 2_560, 2 * 8_960 + 1_280), stacked.toInput());
        // Layer 1's weights: 10 * (256 + 256) = 5,120 MACs.
        assertEquals(new Work(3_840 + 5_120, 2 * 8_960), stacked.toWeights());
    }

    // The router of a mixture of experts

    /**
     * Routed tokens (10, 8), the expert's output (10, 8), n = 4, k = 2, a router bias: 40 scores,
     * 10*2*8 = 160 routed output elements, router 40*8 = 320 MACs. Inside: each weight's sum(dY * out)
     * 2 * 160 and the softmax's 4 * 40 = 160 FLOPs. To the input: dX of the router 320 MACs and each routed
     * output's w * dY, 160 FLOPs. To the weights: 320 MACs and the bias's 40 adds.
     */
    @Test
    void router() {
        Router router = new Router(new Routing(4, 2, 1, true));
        SideTensor routed = new SideTensor(Shape.of(10, 8), Layout.TOKENS, "input");
        Backprop b = backprop(router, Shape.of(10, 8), Layout.TOKENS, routed, BOTH);
        assertEquals(new Work(320, 640 + 160 + 320 + 160), b.toInput());
        assertEquals(new Work(320, 640 + 40), b.toWeights());
        // What it reads; the probabilities 40 and the chosen weights 20; the top-k's indices 8 * 20 bytes.
        assertEquals(new Saved(true, false, 60, 160), b.saved());
        Backprop first = backprop(router, Shape.of(10, 8), Layout.TOKENS, routed, FIRST);
        assertEquals(new Work(320, 680 + 480), first.toWeights());
    }

    // Tables and learned tokens

    @Test
    void embedding() {
        // 10 ids into (50, 8): the ids take no gradient; the table's is one add per output element, 80.
        Backprop b = backprop(new Embedding(50, 8), Shape.of(10), Layout.FEATURES, FIRST);
        assertEquals(Work.NONE, b.toInput());
        assertEquals(Work.flops(80), b.toWeights());
        assertEquals(Saved.INPUT, b.saved()); // torch 1.13, Embedding(50, 8): its ids, nothing else
        assertEquals(Saved.NOTHING, backprop(new Embedding(50, 8), Shape.of(10), Layout.FEATURES, NO_BACKWARD).saved());
    }

    @Test
    void positionAndTokenTypeEmbeddings() {
        // (2, 10, 8): the add passes dY on; the learned table sums it, one add per element, 160.
        Backprop learned = backprop(new PositionEmbedding(16), Shape.of(2, 10, 8), Layout.TOKENS, BOTH);
        assertEquals(new Backprop(160, Work.NONE, Work.flops(160), Saved.NOTHING), learned);
        Backprop fixed = backprop(new PositionEmbedding(16, true), Shape.of(2, 10, 8), Layout.TOKENS, BOTH);
        assertEquals(Work.NONE, fixed.backward());
        // Token types on (10, 8): 80 adds into the table; the 10 type ids, int64, 80 bytes.
        Backprop types = backprop(new TokenTypeEmbedding(2), Shape.of(10, 8), Layout.TOKENS, BOTH);
        assertEquals(new Backprop(80, Work.NONE, Work.flops(80), new Saved(false, false, 0, 80)), types);
        assertEquals(Saved.NOTHING, backprop(new TokenTypeEmbedding(2), Shape.of(10, 8), Layout.TOKENS, FROZEN).saved());
    }

    @Test
    void classTokenAndRelativePositionBias() {
        // One class token of 8 before each of 2 sequences: its gradient sums 2 * 8 elements.
        Backprop cls = backprop(new ClassToken(1), Shape.of(2, 10, 8), Layout.TOKENS, BOTH);
        assertEquals(new Backprop(0, Work.NONE, Work.flops(16), Saved.NOTHING), cls);
        // T5's table, 4 heads on (10, 8): one add per score back into the table, 4 * 10 * 10 = 400.
        Backprop t5 = backprop(new RelativePositionBias(32, 4, 128), Shape.of(10, 8), Layout.TOKENS, BOTH);
        assertEquals(new Backprop(400, Work.NONE, Work.flops(400), Saved.NOTHING), t5);
        assertEquals(Work.NONE, backprop(new RelativePositionBias(32, 4, 128), Shape.of(10, 8), Layout.TOKENS,
                FROZEN).backward());
    }

    // Element by element, with parameters

    @Test
    void prelu() {
        // (3, 4, 4), 3 slopes: 48 elements; dX a compare and a multiply each, da a multiply and an add each.
        Backprop b = backprop(new PRelu(3), Shape.of(3, 4, 4), Layout.FEATURES, BOTH);
        assertEquals(new Backprop(96, Work.flops(96), Work.flops(96), Saved.INPUT), b);
        // torch 1.13, PReLU(3) frozen: the input is still saved (its backward reads it for dX).
        assertEquals(Saved.INPUT, backprop(new PRelu(3), Shape.of(3, 4, 4), Layout.FEATURES, FROZEN).saved());
        assertEquals(Work.NONE, backprop(new PRelu(3), Shape.of(3, 4, 4), Layout.FEATURES, FIRST).toInput());
    }

    @Test
    void layerScale() {
        // (10, 8) tokens: dX = dY * gamma, 80; dgamma = sum(dY * x), 160.
        Backprop b = backprop(new LayerScale(), Shape.of(10, 8), Layout.TOKENS, BOTH);
        assertEquals(new Backprop(80, Work.flops(80), Work.flops(160), Saved.INPUT), b);
        // torch 1.13, x * gamma with gamma frozen: nothing saved.
        assertEquals(Saved.NOTHING, backprop(new LayerScale(), Shape.of(10, 8), Layout.TOKENS, FROZEN).saved());
    }

    // Cosine similarity

    /**
     * CLIP's logit for one pair of (8): the dot product's gradients 2 * 8 MACs, each normalisation's dot
     * product 8 MACs and 3 FLOPs per element, the scale's product 8: 32 MACs, 2 * 32 + 48 + 8 FLOPs. The
     * scale's gradient, g * logit, 1.
     */
    @Test
    void cosineSimilarity() {
        CosineSimilarity clip = new CosineSimilarity(true);
        List<Shape> pair = List.of(Shape.of(8), Shape.of(8));
        Cost forward = clip.cost(pair, Shape.of(1));
        Backprop b = clip.backprop(pair, Shape.of(1), forward, BOTH);
        assertEquals(8 * 8 + 4, b.forwardFlops());
        assertEquals(new Work(32, 64 + 48 + 8), b.toInput());
        assertEquals(Work.flops(1), b.toWeights());
        // torch 1.13, logit_scale.exp() * (x / x.norm()) @ (y / y.norm()): both inputs and 27 = 3 * 8 + 3.
        assertEquals(new Saved(true, false, 27, 0), b.saved());
        // Only the scale trained: 17 = 2 * 8 + 1 (u, v, exp(s)).
        Backprop scaleOnly = clip.backprop(pair, Shape.of(1), forward, FIRST);
        assertEquals(new Backprop(68, Work.NONE, Work.flops(1), new Saved(false, false, 17, 0)), scaleOnly);
        // Without the scale: both inputs and 18 = 2 * 8 + 2 (u, v and the two norms).
        CosineSimilarity plain = new CosineSimilarity(false);
        Backprop p = plain.backprop(pair, Shape.of(1), plain.cost(pair, Shape.of(1)), BOTH);
        assertEquals(new Backprop(66, new Work(32, 64 + 48), Work.NONE, new Saved(true, false, 18, 0)), p);
    }

    // Ops you declare

    private static AttrValue.Expression expr(String text) {
        try {
            return new AttrValue.Expression(ExprParser.parse(text, OpScope.lists(List.of(), true)), text);
        } catch (ExprException e) {
            throw new AssertionError(e);
        }
    }

    private static UserOp declared(String params, String macs, String flops) {
        Map<UserOpDecl.Figure, AttrValue.Expression> figures = new EnumMap<>(UserOpDecl.Figure.class);
        figures.put(UserOpDecl.Figure.PARAMS, expr(params));
        figures.put(UserOpDecl.Figure.BUFFERS, expr("0"));
        figures.put(UserOpDecl.Figure.MACS, expr(macs));
        figures.put(UserOpDecl.Figure.FLOPS, expr(flops));
        return new UserOp(new UserOpDecl("com.example.Op", "Op", "Op", List.of(), Set.of(Layout.FEATURES), List.of(),
                figures, Optional.empty(), List.of()), Map.of());
    }

    @Test
    void declaredOpFollowsTheDefaultRule() {
        // (8, 4, 4), C*C = 64 parameters and MACs, 2*C*C = 128 FLOPs: each gradient its forward again.
        UserOp op = declared("C*C", "C*C", "2*C*C");
        Backprop b = backprop(op, Shape.of(8, 4, 4), Layout.FEATURES, BOTH);
        assertEquals(new Backprop(128, new Work(64, 128), new Work(64, 128), Saved.INPUT), b);
        assertEquals(Work.NONE, backprop(op, Shape.of(8, 4, 4), Layout.FEATURES, FIRST).toInput());
        // Without parameters, no weight gradient, whatever the pass says.
        UserOp plain = declared("0", "0", "H*W*C");
        assertEquals(new Backprop(128, Work.flops(128), Work.NONE, Saved.INPUT),
                backprop(plain, Shape.of(8, 4, 4), Layout.FEATURES, BOTH));
    }
}
