package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import dev.netcost.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Networks of recurrent layers through javac and netcost, their companions' figures by hand (the
 * cost model's "Recurrent layers"; the PyTorch counts from
 * {@code src/test/resources/torch/recurrent_counts.py}).
 */
class RecurrentNetworksTest {
    /**
     * PyTorch's word language model in small: ids (16), an embedding 100 x 32, a 2-layer LSTM of 64,
     * a linear decoder to 100; batch 3, float32, decoded token by token.
     *
     * <p>By hand. Parameters: embedding 3,200; LSTM layer 0 4*64*32 + 4*64*64 + 8*64 = 25,088, layer 1
     * 4*64*64 * 2 + 512 = 33,280 (torch: 58,368); linear 64*100 + 100 = 6,500; total 68,068. MACs of
     * one sequence: LSTM 16 * (24,576 + 32,768) = 917,504 (torch's), linear 16 * 6,400 = 102,400:
     * 1,019,904, three sequences 3,059,712. FLOPs of one: LSTM layer 0 per step 2 * 24,576 + 512 +
     * 20*64 + 4*64 = 51,200, layer 1 2 * 32,768 + 512 + 1,280 + 256 = 67,584, 16 steps 1,900,544;
     * linear 16 * 100 * (2*64 - 1 + 1) = 204,800; 2,105,344, three 6,316,032.
     *
     * <p>One new token: one step of each layer, 24,576 + 32,768 = 57,344, and the decoder 6,400:
     * 63,744, whatever the context. The state: h and c of 64 per layer, 2 * 128 elements per
     * sequence, 3 sequences of 4 bytes: 3,072 bytes, the whole cache, at any context.
     */
    private static final NetworkSource LANGUAGE_MODEL = NetworkSource.of("com.example.Lm", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {16}, inputKind = InputKind.IDS, batch = 3)
            @Decoder
            class Lm {
                @Embedding(vocab = 100, dim = 32) Layer encoder;
                @LSTM(hidden = 64, layers = 2, dropout = 0.2) Layer lstm;
                @Linear(out = 100) Layer decoder;
            }
            """);

    @Test
    void aRecurrentLanguageModelDecodesTokenByToken() throws ReflectiveOperationException {
        Compilation compilation = compile(LANGUAGE_MODEL);
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.LmCost");
        assertEquals(3_200L + 25_088 + 33_280 + 6_500, cost.getField("PARAMS").getLong(null));
        assertEquals(68_068L, cost.getField("PARAMS").getLong(null));
        assertEquals(58_368L, cost.getField("LSTM_PARAMS").getLong(null)); // torch
        assertEquals(3L * 917_504, cost.getField("LSTM_MACS").getLong(null)); // torch's, three sequences
        assertEquals(3L * (917_504 + 102_400), cost.getField("MACS").getLong(null));
        assertEquals(3L * 2_105_344, cost.getField("FLOPS").getLong(null));
        assertEquals(Shape.of(16, 64), cost.getField("LSTM_OUTPUT_SHAPE").get(null));
        assertEquals(16L, cost.getField("CONTEXT").getLong(null));
        assertEquals(3L * 1_019_904, cost.getField("PREFILL_MACS").getLong(null));
        assertEquals(57_344L + 6_400, cost.getField("DECODE_MACS").getLong(null));
        assertEquals(0L, cost.getField("DECODE_MACS_PER_CONTEXT_TOKEN").getLong(null));
        assertEquals(63_744L, cost.getMethod("decodeMacs", long.class).invoke(null, 1_000L));
        assertEquals(2L * (64 + 64) * 3 * 4, cost.getField("STATE_BYTES").getLong(null));
        assertEquals(3_072L, cost.getField("KV_CACHE_BYTES").getLong(null));
        assertEquals(0L, cost.getField("KV_CACHE_BYTES_PER_TOKEN").getLong(null));
        assertEquals(3_072L, cost.getMethod("kvCacheBytes", long.class).invoke(null, 1_000L));
        assertThat((String) cost.getMethod("summary").invoke(null)).contains("KV cache:     3.07 kB at 16 tokens,"
                + " 3.07 kB of it recurrent state");
    }

    @Test
    void theJsonReportGivesTheStateBytes() throws IOException {
        Compilation compilation = compile(LANGUAGE_MODEL);
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/netcost/com.example.Lm.json").orElseThrow();
        JsonElement parsed;
        try (InputStream in = file.openInputStream()) {
            parsed = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject decoder = parsed.getAsJsonObject().getAsJsonObject("decoder");
        assertEquals(3_072, decoder.get("stateBytes").getAsLong());
        assertEquals(3_072, decoder.get("kvCacheBytes").getAsLong());
        assertEquals(0, decoder.get("attentionLayers").getAsLong());
    }

    /** Without a recurrent layer a decoder's companion declares no STATE_BYTES. */
    @Test
    void anAttentionDecoderHasNoStateBytes() throws ReflectiveOperationException {
        Compilation compilation = compile(NetworkSource.of("com.example.Gpt", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {16}, inputKind = InputKind.IDS)
                @Decoder
                class Gpt {
                    @Embedding(vocab = 100, dim = 32) Layer wte;
                    @MultiHeadAttention(heads = 4, causal = true) Layer attn;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.GptCost");
        assertEquals(List.of(), java.util.Arrays.stream(cost.getFields()).map(java.lang.reflect.Field::getName)
                .filter(n -> n.equals("STATE_BYTES")).toList());
    }

    /**
     * A tagger and a classifier over one bidirectional LSTM with a projection (torch: 5,840
     * parameters, 36,400 MACs on 7 tokens of 10), on 12 tokens: the tags per token, the final cell
     * state c_n as an output, and a classifier on the last layer's h_n, {@code h_n[-1]}.
     *
     * <p>By hand. Embedding 50 x 10 = 500; LSTM 5,840, MACs 12 * 4 * 1,300 = 62,400; tags 10*3 + 3
     * = 33, MACs 12 * 30 = 360; the classifier 5*2 + 2 = 12, MACs 10. h_n (4, 5), c_n (4, 20).
     */
    @Test
    void finalStatesAreOutputsBesideTheMainOne() throws ReflectiveOperationException {
        Compilation compilation = compile(NetworkSource.of("com.example.Tagger", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {12}, inputKind = InputKind.IDS)
                class Tagger {
                    @Embedding(vocab = 50, dim = 10) Layer embed;
                    @LSTM(hidden = 20, layers = 2, bidirectional = true, projSize = 5) Layer lstm;
                    @Linear(out = 3) @Output Layer tags;
                    @FinalState(value = "lstm", cell = true) @Output Layer cell;
                    @FinalState("lstm") Layer hidden;
                    @SelectToken(index = -1) Layer last;
                    @Linear(out = 2) @Output Layer cls;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.TaggerCost");
        assertEquals(500L + 5_840 + 33 + 12, cost.getField("PARAMS").getLong(null));
        assertEquals(62_400L + 360 + 10, cost.getField("MACS").getLong(null));
        assertEquals(Shape.of(12, 10), cost.getField("LSTM_OUTPUT_SHAPE").get(null));
        assertEquals(Shape.of(4, 20), cost.getField("CELL_OUTPUT_SHAPE").get(null));
        assertEquals(Shape.of(4, 5), cost.getField("HIDDEN_OUTPUT_SHAPE").get(null));
        assertEquals(Shape.of(5), cost.getField("LAST_OUTPUT_SHAPE").get(null));
        assertEquals(0L, cost.getField("CELL_PARAMS").getLong(null));
        assertEquals(0L, cost.getField("CELL_MACS").getLong(null));
        // What each output alone needs: the tags' head; c_n nothing (the LSTM is shared); the classifier.
        assertEquals(33L, cost.getField("TAGS_ONLY_PARAMS").getLong(null));
        assertEquals(360L, cost.getField("TAGS_ONLY_MACS").getLong(null));
        assertEquals(0L, cost.getField("CELL_ONLY_PARAMS").getLong(null));
        assertEquals(12L, cost.getField("CLS_ONLY_PARAMS").getLong(null));
        assertEquals(10L, cost.getField("CLS_ONLY_MACS").getLong(null));
    }

    /**
     * A block whose output is its GRU's final state, read inside the block. GRU of 8 on tokens (6, 4):
     * 3*8*4 + 3*8*8 + 2 * 24 = 336 parameters, 6 * (96 + 192) = 1,728 MACs; h_n (1, 8).
     */
    @Test
    void aFinalStateInsideABlock() throws ReflectiveOperationException {
        NetworkSource block = NetworkSource.of("com.example.Encoder", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Encoder {
                    int hidden();

                    class Layers {
                        @GRU @With(hidden = "hidden") Layer gru;
                        @FinalState("gru") Layer state;
                    }
                }
                """);
        Compilation compilation = compile(block, NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6, 4}, inputKind = InputKind.TOKENS)
                class Net {
                    @Encoder(hidden = 8) @Repeat(1) Layer enc;
                    @Flatten Layer flat;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.NetCost");
        assertEquals(336L, cost.getField("PARAMS").getLong(null));
        assertEquals(1_728L, cost.getField("MACS").getLong(null));
        assertEquals(Shape.of(1, 8), cost.getField("ENC_OUTPUT_SHAPE").get(null));
        assertEquals(Shape.of(8), cost.getField("OUTPUT_SHAPE").get(null));
    }
}
