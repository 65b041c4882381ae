package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netcost.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The recurrent samples against PyTorch's formulas, written out here, and torch 1.13's counts; none
 * of these numbers came from netcost.
 *
 * <p>{@code samples/torch/recurrent.py} ({@code /usr/bin/python3}, torch 1.13) builds each network
 * from torch's own {@code nn.LSTM} and {@code nn.GRU} and prints:
 * <ul>
 *   <li>parameters, {@code sum(p.numel() for p in model.parameters())}: word_language_model (LSTM)
 *       13,987,678 (encoder 6,655,600, rnn 643,200, decoder 6,688,878); with {@code --model GRU}
 *       13,826,878 (rnn 482,400); the speech BiLSTM 2,710,813 (lstm 2,703,360, head 7,453);
 *   <li>MACs, each recurrent layer run again step by step from the module's weights by PyTorch's
 *       equations, every product counted as out x in, its output and final states equal to the
 *       module's: LSTM 22,400,000 (35 x 640,000), GRU 16,800,000 (35 x 480,000), BiLSTM
 *       806,092,800 (300 x 2,686,976); each {@code nn.Linear} by a forward hook (output elements x
 *       in_features): 232,946,000 and 2,227,200;
 *   <li>one generated token after the 35: 7,295,600 MACs (LSTM) and 7,135,600 (GRU); the state
 *       carried between tokens, {@code (h_n, c_n)}, 800 floats, 3,200 bytes (GRU: h_n, 1,600).
 * </ul>
 * PyTorch's per-step formulas, per layer and direction, I the layer's input width: LSTM {@code 4H*I
 * + 4H*Hout} (+ {@code Hout*H} with {@code proj_size}), GRU {@code 3H*I + 3H*H}; the elementwise
 * gate products are no MACs. Parameters: LSTM {@code 4H*I + 4H*Hout + 2*4H} (+ {@code Hout*H}), GRU
 * {@code 3H*I + 3H*H + 2*3H}: nn.LSTM and nn.GRU hold both {@code b_ih} and {@code b_hh}.
 */
class RecurrentFiguresTest {
    // ------------------------------------------------- word_language_model (pytorch/examples)

    /** WikiText-2's vocabulary, Merity et al. 2016 (the example's len(corpus.dictionary)). */
    private static final long V = 33_278;
    /** --emsize. */
    private static final long E = 200;
    /** --nhid. */
    private static final long H = 200;
    /** --nlayers. */
    private static final long L = 2;
    /** --bptt: the tokens of one forward. */
    private static final long T = 35;
    /** float32. */
    private static final long BYTES = 4;

    @Test
    void wordLanguageModelParameters() {
        long encoder = V * E;
        long layer0 = 4 * H * E + 4 * H * H + 2 * 4 * H;   // W_ih, W_hh, b_ih, b_hh
        long layer1 = 4 * H * H + 4 * H * H + 2 * 4 * H;   // reads layer 0's H
        long decoder = H * V + V;
        assertEquals(6_655_600, encoder);
        assertEquals(321_600, layer0);
        assertEquals(643_200, layer0 + layer1);
        assertEquals(6_688_878, decoder);
        assertEquals(13_987_678, encoder + layer0 + layer1 + decoder);   // recurrent.py's numel sum

        assertEquals(encoder, WordLanguageModelCost.ENCODER_PARAMS);
        assertEquals(layer0 + layer1, WordLanguageModelCost.RNN_PARAMS);
        assertEquals(decoder, WordLanguageModelCost.DECODER_PARAMS);
        assertEquals(0, WordLanguageModelCost.HIDDEN_PARAMS);
        assertEquals(0, WordLanguageModelCost.CELL_PARAMS);
        assertEquals(encoder + layer0 + layer1 + decoder, WordLanguageModelCost.PARAMS);
        assertEquals(0, WordLanguageModelCost.BUFFERS);
    }

    @Test
    void wordLanguageModelMacs() {
        long perStep = (4 * H * E + 4 * H * H) + (4 * H * H + 4 * H * H);
        long rnn = T * perStep;
        long decoder = T * H * V;
        assertEquals(640_000, perStep);
        assertEquals(22_400_000, rnn);
        assertEquals(232_946_000, decoder);
        assertEquals(255_346_000, rnn + decoder);                 // recurrent.py: 22,400,000 + 232,946,000

        assertEquals(0, WordLanguageModelCost.ENCODER_MACS);       // a lookup
        assertEquals(rnn, WordLanguageModelCost.RNN_MACS);
        assertEquals(decoder, WordLanguageModelCost.DECODER_MACS);
        assertEquals(0, WordLanguageModelCost.HIDDEN_MACS);
        assertEquals(rnn + decoder, WordLanguageModelCost.MACS);
    }

    /**
     * FLOPs by docs/cost-model.md's rows, one multiply or one add each: a recurrent step 2 x its
     * MACs, one add per bias element (b_ih and b_hh), the gates' activations at 4 a sigmoid or tanh
     * (LSTM: three sigmoids, tanh of g and of c', 20H), the state's elementwise updates (f*c, i*g,
     * their sum, o*tanh(c'): 4H); a linear layer R x Fout x (2F - 1 + 1); log_softmax by
     * {@code @Softmax}'s row, 3 per element; the lookup and dropout none.
     */
    @Test
    void wordLanguageModelFlops() {
        long lstmStep = 2 * (4 * H * E + 4 * H * H) + 8 * H + 20 * H + 4 * H;   // per layer: I = H = 200
        assertEquals(646_400, lstmStep);
        long rnn = T * L * lstmStep;
        long decoder = T * V * (2 * H);
        long logSoftmax = 3 * T * V;
        assertEquals(45_248_000, rnn);
        assertEquals(465_892_000, decoder);
        assertEquals(3_494_190, logSoftmax);
        assertEquals(rnn, WordLanguageModelCost.RNN_FLOPS);
        assertEquals(514_634_190, rnn + decoder + logSoftmax);
        assertEquals(rnn + decoder + logSoftmax, WordLanguageModelCost.FLOPS);
    }

    /** forward returns log_softmax (35, 33278) and (h_n, c_n), each (layers, nhid) for one sequence. */
    @Test
    void wordLanguageModelShapes() {
        assertEquals(Shape.of(T), WordLanguageModelCost.INPUT_SHAPE);
        assertEquals(Shape.of(T, H), WordLanguageModelCost.RNN_OUTPUT_SHAPE);
        assertEquals(Shape.of(T, V), WordLanguageModelCost.LOG_PROBS_OUTPUT_SHAPE);
        assertEquals(Shape.of(L, H), WordLanguageModelCost.HIDDEN_OUTPUT_SHAPE);
        assertEquals(Shape.of(L, H), WordLanguageModelCost.CELL_OUTPUT_SHAPE);
        // The state is no extra computation: dropping it saves nothing.
        assertEquals(0, WordLanguageModelCost.HIDDEN_ONLY_PARAMS);
        assertEquals(0, WordLanguageModelCost.HIDDEN_ONLY_MACS);
        // The log-probabilities alone need the decoder; the state needs the embedding and the LSTM too.
        assertEquals(H * V + V, WordLanguageModelCost.LOG_PROBS_ONLY_PARAMS);
    }

    /**
     * generate.py's loop: one token in, the state out, fed back. A step runs every layer once
     * (one time step of the LSTM, one row of the decoder); nothing grows with the context, and
     * the cache is the state, h and c of each layer.
     */
    @Test
    void wordLanguageModelDecodes() {
        long step = (4 * H * E + 4 * H * H) + (4 * H * H + 4 * H * H) + H * V;
        assertEquals(7_295_600, step);                              // recurrent.py's cached step
        assertEquals(step, WordLanguageModelCost.DECODE_MACS);
        assertEquals(step, WordLanguageModelCost.decodeMacs(1000));
        assertEquals(0, WordLanguageModelCost.DECODE_MACS_PER_CONTEXT_TOKEN);
        assertEquals(WordLanguageModelCost.MACS, WordLanguageModelCost.PREFILL_MACS);
        assertEquals(T, WordLanguageModelCost.CONTEXT);

        long state = L * (H + H) * BYTES;                           // h_n and c_n, 2 x (200 + 200) floats
        assertEquals(3_200, state);
        assertEquals(state, WordLanguageModelCost.STATE_BYTES);
        assertEquals(state, WordLanguageModelCost.KV_CACHE_BYTES);  // no attention: the state is the cache
        assertEquals(state, WordLanguageModelCost.kvCacheBytes(10_000));
        assertEquals(0, WordLanguageModelCost.KV_CACHE_BYTES_PER_TOKEN);
    }

    @Test
    void wordLanguageModelReportsItsState() throws IOException {
        JsonObject decoder = report("WordLanguageModel").getAsJsonObject("decoder");
        assertEquals(L * (H + H) * BYTES, decoder.get("stateBytes").getAsLong());
        assertEquals(L * H * BYTES, report("WordLanguageModelGru").getAsJsonObject("decoder")
                .get("stateBytes").getAsLong());
    }

    // ------------------------------------------------- the same with --model GRU

    @Test
    void wordLanguageModelGruParameters() {
        long layer0 = 3 * H * E + 3 * H * H + 2 * 3 * H;   // W_ih (r|z|n), W_hh, b_ih, b_hh
        long layer1 = 3 * H * H + 3 * H * H + 2 * 3 * H;
        assertEquals(241_200, layer0);
        assertEquals(482_400, layer0 + layer1);
        long total = V * E + layer0 + layer1 + H * V + V;
        assertEquals(13_826_878, total);                   // recurrent.py's numel sum
        assertEquals(layer0 + layer1, WordLanguageModelGruCost.RNN_PARAMS);
        assertEquals(total, WordLanguageModelGruCost.PARAMS);
    }

    @Test
    void wordLanguageModelGruMacs() {
        long perStep = (3 * H * E + 3 * H * H) + (3 * H * H + 3 * H * H);
        assertEquals(480_000, perStep);
        long rnn = T * perStep;
        assertEquals(16_800_000, rnn);
        assertEquals(rnn, WordLanguageModelGruCost.RNN_MACS);
        assertEquals(249_746_000, rnn + T * H * V);
        assertEquals(rnn + T * H * V, WordLanguageModelGruCost.MACS);
        assertEquals(Shape.of(T, V), WordLanguageModelGruCost.LOG_PROBS_OUTPUT_SHAPE);
        assertEquals(Shape.of(L, H), WordLanguageModelGruCost.HIDDEN_OUTPUT_SHAPE);
    }

    /** As the LSTM's, with a GRU's step: 2 sigmoids and a tanh, 12H; r*(..), 1 - z, (1 - z)*n, z*h, the sum, 5H. */
    @Test
    void wordLanguageModelGruFlops() {
        long gruStep = 2 * (3 * H * E + 3 * H * H) + 6 * H + 12 * H + 5 * H;
        assertEquals(484_600, gruStep);
        long rnn = T * L * gruStep;
        assertEquals(33_922_000, rnn);
        assertEquals(rnn, WordLanguageModelGruCost.RNN_FLOPS);
        assertEquals(503_308_190, rnn + T * V * (2 * H) + 3 * T * V);
        assertEquals(rnn + T * V * (2 * H) + 3 * T * V, WordLanguageModelGruCost.FLOPS);
    }

    @Test
    void wordLanguageModelGruDecodes() {
        long step = (3 * H * E + 3 * H * H) + (3 * H * H + 3 * H * H) + H * V;
        assertEquals(7_135_600, step);
        assertEquals(step, WordLanguageModelGruCost.DECODE_MACS);
        long state = L * H * BYTES;                          // h_n alone
        assertEquals(1_600, state);
        assertEquals(state, WordLanguageModelGruCost.STATE_BYTES);
        assertEquals(state, WordLanguageModelGruCost.KV_CACHE_BYTES);
    }

    // ------------------------------------------------- a bidirectional LSTM with proj_size

    /** Frames of 80 log-mel features. */
    private static final long FRAMES = 300;
    private static final long MELS = 80;
    /** hidden_size. */
    private static final long CELLS = 512;
    /** proj_size: Hout, each direction's output and recurrent state. */
    private static final long PROJ = 128;
    /** 28 characters and the CTC blank. */
    private static final long CLASSES = 29;

    /**
     * nn.LSTM(80, 512, 2, bidirectional=True, proj_size=128).named_parameters(), per direction:
     * weight_ih_l0 (2048, 80), weight_hh_l0 (2048, 128), bias_ih_l0 and bias_hh_l0 (2048),
     * weight_hr_l0 (128, 512); layer 1 reads both directions' 2 x 128: weight_ih_l1 (2048, 256).
     */
    @Test
    void speechBiLstmParameters() {
        long layer0 = 4 * CELLS * MELS + 4 * CELLS * PROJ + 2 * 4 * CELLS + PROJ * CELLS;
        long layer1 = 4 * CELLS * (2 * PROJ) + 4 * CELLS * PROJ + 2 * 4 * CELLS + PROJ * CELLS;
        assertEquals(495_616, layer0);
        assertEquals(856_064, layer1);
        long lstm = 2 * (layer0 + layer1);                   // two directions
        assertEquals(2_703_360, lstm);                       // recurrent.py's numel sum
        long head = 2 * PROJ * CLASSES + CLASSES;
        assertEquals(7_453, head);
        assertEquals(lstm, SpeechBiLstmCost.ENCODER_PARAMS);
        assertEquals(head, SpeechBiLstmCost.CTC_PARAMS);
        assertEquals(2_710_813, SpeechBiLstmCost.PARAMS);
    }

    @Test
    void speechBiLstmMacs() {
        long layer0 = 4 * CELLS * MELS + 4 * CELLS * PROJ + PROJ * CELLS;        // + the projection W_hr
        long layer1 = 4 * CELLS * (2 * PROJ) + 4 * CELLS * PROJ + PROJ * CELLS;
        long perStep = 2 * (layer0 + layer1);
        assertEquals(491_520, layer0);
        assertEquals(851_968, layer1);
        assertEquals(2_686_976, perStep);
        long lstm = FRAMES * perStep;
        assertEquals(806_092_800, lstm);                      // recurrent.py's step-by-step count
        long head = FRAMES * 2 * PROJ * CLASSES;
        assertEquals(2_227_200, head);
        assertEquals(lstm, SpeechBiLstmCost.ENCODER_MACS);
        assertEquals(head, SpeechBiLstmCost.CTC_MACS);
        assertEquals(808_320_000, SpeechBiLstmCost.MACS);

        assertEquals(Shape.of(FRAMES, MELS), SpeechBiLstmCost.INPUT_SHAPE);
        assertEquals(Shape.of(FRAMES, 2 * PROJ), SpeechBiLstmCost.ENCODER_OUTPUT_SHAPE);
        assertEquals(Shape.of(FRAMES, CLASSES), SpeechBiLstmCost.OUTPUT_SHAPE);
    }

    /** The projection has no bias: 2 x its MACs alone. */
    @Test
    void speechBiLstmFlops() {
        long layer0 = 2 * (4 * CELLS * MELS + 4 * CELLS * PROJ + PROJ * CELLS) + 8 * CELLS + 20 * CELLS + 4 * CELLS;
        long layer1 = 2 * (4 * CELLS * (2 * PROJ) + 4 * CELLS * PROJ + PROJ * CELLS) + 8 * CELLS + 20 * CELLS
                + 4 * CELLS;
        assertEquals(999_424, layer0);
        assertEquals(1_720_320, layer1);
        long lstm = FRAMES * 2 * (layer0 + layer1);
        long head = FRAMES * CLASSES * (2 * 2 * PROJ);
        assertEquals(1_631_846_400, lstm);
        assertEquals(4_454_400, head);
        assertEquals(lstm, SpeechBiLstmCost.ENCODER_FLOPS);
        assertEquals(1_636_300_800, lstm + head);
        assertEquals(lstm + head, SpeechBiLstmCost.FLOPS);
    }

    private static JsonObject report(String network) throws IOException {
        String path = "META-INF/netcost/dev.netcost.samples." + network + ".json";
        try (InputStream in = RecurrentFiguresTest.class.getClassLoader().getResourceAsStream(path)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }
}
