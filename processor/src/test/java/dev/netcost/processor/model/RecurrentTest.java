package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.RNN.Nonlinearity;
import dev.netcost.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code @LSTM}, {@code @GRU}, {@code @RNN} and {@code @FinalState} against hand calculations by the
 * cost model's "Recurrent layers", and PyTorch 1.13's parameter and MAC counts from
 * {@code src/test/resources/torch/recurrent_counts.py} (the MACs of every matrix product its CPU
 * kernels run). Every input is one sequence of T = 7 tokens of width E = 10, unless said.
 */
class RecurrentTest {
    private static final Shape TOKENS = Shape.of(7, 10);

    private static Cost cost(Recurrent op, Shape in) {
        Shape out = ((ShapeResult.Ok) op.outputShape(in, Layout.TOKENS)).shape();
        return op.cost(in, out);
    }

    private static Shape out(Recurrent op, Shape in) {
        return ((ShapeResult.Ok) op.outputShape(in, Layout.TOKENS)).shape();
    }

    @Test
    void lstmOfOneLayer() {
        Recurrent lstm = Recurrent.lstm(20, 1, false, true, 0, 0.0);
        assertEquals(Shape.of(7, 20), out(lstm, TOKENS));
        Cost cost = cost(lstm, TOKENS);
        // W_ih 4H x E = 80 x 10, W_hh 4H x H = 80 x 20, b_ih and b_hh 2 x 80: torch 2,560.
        assertEquals(80 * 10 + 80 * 20 + 2 * 80, cost.params());
        assertEquals(2_560, cost.params());
        // Per step 4H*E + 4H*H = 800 + 1,600; T = 7 steps: torch 16,800.
        assertEquals(7 * (800 + 1_600), cost.macs());
        assertEquals(16_800, cost.macs());
        // Per step: 2 per MAC 4,800, the biases 8H = 160, three sigmoids and two tanh 5 * 4H = 400,
        // f*c, i*g, their sum and o*tanh(c') 4H = 80.
        assertEquals(7 * (2 * 2_400 + 160 + 400 + 80), cost.flops());
        assertEquals(38_080, cost.flops());
        assertEquals(0, cost.buffers());
    }

    @Test
    void lstmWithoutBias() {
        Cost cost = cost(Recurrent.lstm(20, 1, false, false, 0, 0.0), TOKENS);
        assertEquals(2_400, cost.params()); // torch: 2,560 less b_ih and b_hh
        assertEquals(16_800, cost.macs());
        assertEquals(7 * (2 * 2_400 + 400 + 80), cost.flops());
    }

    @Test
    void stackedLstmReadsTheLayerBelow() {
        // Layer 1 reads H = 20 features: 80 x 20 + 80 x 20 + 160 = 3,360; with layer 0's 2,560, torch 5,920.
        Cost cost = cost(Recurrent.lstm(20, 2, false, true, 0, 0.0), TOKENS);
        assertEquals(2_560 + 3_360, cost.params());
        // Layer 1 per step 4H*H + 4H*H = 3,200: 7 * (2,400 + 3,200) = 39,200, torch's.
        assertEquals(39_200, cost.macs());
    }

    @Test
    void bidirectionalLstm() {
        Recurrent lstm = Recurrent.lstm(20, 2, true, true, 0, 0.0);
        assertEquals(Shape.of(7, 40), out(lstm, TOKENS));
        Cost cost = cost(lstm, TOKENS);
        // Each layer twice; layer 1 reads D * H = 40: 80 x 40 + 80 x 20 + 160 = 4,960. torch: 15,040.
        assertEquals(2 * 2_560 + 2 * 4_960, cost.params());
        assertEquals(15_040, cost.params());
        // 7 * 2 * (2,400 + (3,200 + 1,600)) = 100,800, torch's.
        assertEquals(100_800, cost.macs());
    }

    @Test
    void lstmWithProjection() {
        Recurrent lstm = Recurrent.lstm(20, 2, true, true, 5, 0.0);
        // Hout = 5: the output (T, D * 5), h_n (L * D, 5), c_n (L * D, 20), as torch gives them.
        assertEquals(Shape.of(7, 10), out(lstm, TOKENS));
        assertEquals(Shape.of(4, 5), lstm.finalState(false));
        assertEquals(Shape.of(4, 20), lstm.finalState(true));
        Cost cost = cost(lstm, TOKENS);
        // Per layer and direction: W_ih 80 x 10 (layer 1 reads D * Hout = 10 too), W_hh 80 x 5, the biases
        // 160, W_hr 5 x 20: 1,460; four of them, torch 5,840.
        assertEquals(4 * (800 + 400 + 160 + 100), cost.params());
        assertEquals(5_840, cost.params());
        // Per step: 4H*I + 4H*Hout + H*P = 800 + 400 + 100 = 1,300; 4 * 7 * 1,300 = 36,400, torch's.
        assertEquals(4 * 7 * 1_300, cost.macs());
        assertEquals(36_400, cost.macs());
        // Per step: 2,600 + 160 + 400 + 80 = 3,240.
        assertEquals(4 * 7 * 3_240, cost.flops());
    }

    @Test
    void gru() {
        Recurrent gru = Recurrent.gru(20, 1, false, true, true, 0.0);
        assertEquals(Shape.of(7, 20), out(gru, TOKENS));
        Cost cost = cost(gru, TOKENS);
        // W_ih 60 x 10, W_hh 60 x 20, b_ih and b_hh 2 x 60: torch 1,920.
        assertEquals(600 + 1_200 + 120, cost.params());
        assertEquals(1_920, cost.params());
        assertEquals(7 * 1_800, cost.macs()); // torch 12,600
        // Per step: 3,600, the biases 6H = 120, two sigmoids and a tanh 12H = 240, r * (...), 1 - z,
        // (1 - z) * n, z * h and their sum 5H = 100.
        assertEquals(7 * (3_600 + 120 + 240 + 100), cost.flops());
        assertEquals(28_420, cost.flops());
    }

    @Test
    void gruWithTheResetGateBefore() {
        // Keras's GRU(20, reset_after=False) on 10 features: 3 * (20 * 10 + 20 * 20 + 20) = 1,860, one bias
        // vector per gate (reset_after=True, Keras's default, holds 3 * (200 + 400 + 40) = 1,920, PyTorch's).
        Cost cost = cost(Recurrent.gru(20, 1, false, true, false, 0.0), TOKENS);
        assertEquals(1_860, cost.params());
        assertEquals(12_600, cost.macs()); // the reset gate's place changes no product
        assertEquals(7 * (3_600 + 60 + 240 + 100), cost.flops());
    }

    @Test
    void bidirectionalStackedGru() {
        Cost cost = cost(Recurrent.gru(20, 2, true, true, true, 0.0), TOKENS);
        // Layer 1 reads 40: 60 x 40 + 60 x 20 + 120 = 3,720; twice each: torch 11,280.
        assertEquals(2 * (1_920 + 3_720), cost.params());
        assertEquals(11_280, cost.params());
        // 7 * 2 * (1,800 + 3,600) = 75,600, torch's.
        assertEquals(75_600, cost.macs());
        assertEquals(1_800, cost(Recurrent.gru(20, 1, false, false, true, 0.0), TOKENS).params()); // torch, no bias
    }

    @Test
    void rnn() {
        Cost tanh = cost(Recurrent.rnn(20, 1, false, true, 0.0, Nonlinearity.TANH), TOKENS);
        assertEquals(200 + 400 + 40, tanh.params()); // torch 640
        assertEquals(7 * 600, tanh.macs()); // torch 4,200
        // Per step: 1,200, the biases 2H = 40, tanh 4H = 80.
        assertEquals(7 * (1_200 + 40 + 80), tanh.flops());
        Cost relu = cost(Recurrent.rnn(20, 1, false, true, 0.0, Nonlinearity.RELU), TOKENS);
        assertEquals(7 * (1_200 + 40 + 20), relu.flops()); // ReLU: H
        assertEquals(600, cost(Recurrent.rnn(20, 1, false, false, 0.0, Nonlinearity.TANH), TOKENS).params());
        // Three layers both ways, ReLU: layers 1 and 2 read 40, 800 + 400 + 40 = 1,240; torch 6,240 and 42,000.
        Cost deep = cost(Recurrent.rnn(20, 3, true, true, 0.0, Nonlinearity.RELU), TOKENS);
        assertEquals(2 * (640 + 1_240 + 1_240), deep.params());
        assertEquals(7 * 2 * (600 + 1_200 + 1_200), deep.macs());
        assertEquals(42_000, deep.macs());
    }

    @Test
    void oneDecodeStepIsOneTimeStep() {
        Recurrent lstm = Recurrent.lstm(64, 2, false, true, 0, 0.0);
        Shape in = Shape.of(16, 32);
        Cost cost = cost(lstm, in);
        // Layer 0: 4*64*32 + 4*64*64 = 24,576; layer 1: 2 * 4*64*64 = 32,768; torch's 917,504 is 16 of them.
        assertEquals(16 * (24_576 + 32_768), cost.macs());
        assertEquals(Optional.of(new DecodeCost(24_576 + 32_768, 0)), lstm.decodeCost(in, cost));
        // h and c, 64 each, per layer.
        assertEquals(2 * (64 + 64), lstm.stateElements());
        Recurrent both = Recurrent.lstm(64, 1, true, true, 0, 0.0);
        assertEquals(Optional.empty(), both.decodeCost(in, cost(both, in)));
        assertEquals(2 * 20, Recurrent.gru(20, 2, false, true, true, 0.0).stateElements()); // h alone
    }

    @Test
    void mistakesAreOnTheirAttributes() {
        assertEquals(List.of(Message.QUANTITY_BELOW_MINIMUM.on(Attr.HIDDEN, "hidden", 0, "number of hidden cells", 1)),
                Recurrent.lstm(0, 1, false, true, 0, 0.0).validate());
        assertEquals(List.of(Message.QUANTITY_BELOW_MINIMUM.on(Attr.LAYERS, "layers", 0, "number of layers", 1)),
                Recurrent.gru(8, 0, false, true, true, 0.0).validate());
        assertEquals(List.of(Message.PROJ_SIZE_NOT_BELOW_HIDDEN.on(Attr.PROJ_SIZE, 20, 20)),
                Recurrent.lstm(20, 1, false, true, 20, 0.0).validate());
        assertEquals(List.of(Message.QUANTITY_BELOW_MINIMUM.on(Attr.PROJ_SIZE, "projSize", -1,
                "projection's width (0: none)", 0)), Recurrent.lstm(20, 1, false, true, -1, 0.0).validate());
        assertEquals(List.of(Message.NOT_A_PROBABILITY.on(Attr.DROPOUT, "dropout", 1.5)),
                Recurrent.rnn(8, 2, false, true, 1.5, Nonlinearity.TANH).validate());
        // Tokens only: a map is refused with the tokens @ToTokens would make, as attention's is.
        Fault map = Recurrent.lstm(8, 1, false, true, 0, 0.0).refuse(Shape.of(3, 4, 4), Layout.FEATURES);
        assertEquals(ProblemKind.INPUT_SHAPE, map.kind());
        assertTrue(map.message().startsWith("@LSTM works on tokens (T, E)"), map.message());
        ShapeResult sequences = Recurrent.gru(8, 1, false, true, true, 0.0).outputShape(Shape.of(4, 16, 8),
                Layout.TOKENS);
        assertEquals(List.of(Message.RECURRENT_OF_SEQUENCES.onAnnotation("@GRU", Shape.of(4, 16, 8), 4L, 16L)),
                ((ShapeResult.Failed) sequences).faults());
    }

    @Test
    void finalStateIsTheStateOfTheLayerItNames() {
        Recurrent lstm = Recurrent.lstm(20, 2, true, true, 5, 0.0);
        Shape output = Shape.of(7, 10);
        assertEquals(ShapeResult.of(Shape.of(4, 5)),
                new FinalState(false).outputShape(output, Optional.of(lstm), "lstm", "LSTM"));
        assertEquals(ShapeResult.of(Shape.of(4, 20)),
                new FinalState(true).outputShape(output, Optional.of(lstm), "lstm", "LSTM"));
        assertEquals(Cost.ZERO, new FinalState(false).cost(output, Shape.of(4, 5)));
        assertEquals(Layout.TOKENS, new FinalState(false).outputLayout(Layout.TOKENS));
        Recurrent gru = Recurrent.gru(20, 1, false, true, true, 0.0);
        assertEquals(ShapeResult.failed(Message.FINAL_STATE_CELL_WITHOUT_CELL.on(Attr.CELL, "gru", "GRU")),
                new FinalState(true).outputShape(Shape.of(7, 20), Optional.of(gru), "gru", "GRU"));
        ShapeResult linear = new FinalState(false).outputShape(output, Optional.of(new Linear(10, true)), "head",
                "Linear");
        assertEquals(ProblemKind.FINAL_STATE, ((ShapeResult.Failed) linear).faults().get(0).kind());
        assertInstanceOf(ShapeResult.Failed.class,
                new FinalState(false).outputShape(output, Optional.empty(), "input", ""));
    }
}
