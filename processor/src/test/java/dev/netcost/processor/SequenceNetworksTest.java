package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * A small decoder through javac: token ids, embeddings, a repeated block of grouped-query
 * attention, a head tied to the embedding, and the figures of decoding, each against a hand
 * calculation written here. Sizes: E = 8, T = 6, 2 heads of width 4 sharing 1 key/value head,
 * float16.
 */
class SequenceNetworksTest {
    private static final NetworkSource DEC = NetworkSource.of("com.example.Dec", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Dec {
                int heads();
                int kvHeads();

                class Layers {
                    @RMSNorm Layer norm;
                    @MultiHeadAttention(bias = false, causal = true) @With(heads = "heads", kvHeads = "kvHeads")
                    Layer attn;
                    @Add({"attn", "input"}) Layer residual;
                    @Linear(bias = false) @With(out = "in") Layer proj;
                }
            }
            """);

    private static NetworkSource tiny(String blockArguments, String headModifiers) {
        return NetworkSource.of("com.example.Tiny", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6}, dtype = DType.FLOAT16)
                @Decoder
                class Tiny {
                    @Embedding(vocab = 10, dim = 8) Layer wte;
                    @PositionEmbedding(length = 8) Layer wpe;
                    @Dec(%s) @Repeat(2) Layer h;
                    @RMSNorm Layer norm;
                    @Linear(out = 10, bias = false) %s Layer head;
                }
                """.formatted(blockArguments, headModifiers));
    }

    private static String companion(Compilation compilation) {
        return Compilations.companion(compilation, "com.example.TinyCost");
    }

    @Test
    void aDecoderHasItsFiguresAndTheTiedHeadNoParameters() throws Exception {
        Compilation compilation = compile(DEC, tiny("heads = 2, kvHeads = 1", "@Tied(\"wte\")"));
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // Per block: RMSNorm 8; attention q and out 2 x 8 x 8 = 128, k and v 2 x 8 x 4 = 64; proj
        // 8 x 8 = 64 (in is E = 8, the tokens' width, not T = 6): 264, twice. Embeddings 80 + 64,
        // final norm 8, the tied head 0.
        assertThat(source).contains("public static final long PARAMS = 680L;");
        assertThat(source).contains("public static final long HEAD_PARAMS = 0L;");
        // Per block: projections 6 x 192 = 1,152, scores and sum 2 x 36 x 8 = 576, proj 6 x 64 = 384;
        // twice: 4,224; the head 6 x 8 x 10 = 480.
        assertThat(source).contains("public static final long MACS = 4_704L;");
        assertThat(source).contains("public static final long PREFILL_MACS = 4_704L;");
        // 2 layers x 6 tokens x (a key and a value of 4) x 2 bytes.
        assertThat(source).contains("public static final long KV_CACHE_BYTES = 192L;");
        assertThat(source).contains("public static final long KV_CACHE_BYTES_PER_TOKEN = 32L;");
        // One token: per block 192 + attention over 6 tokens 2 x 6 x 8 = 96, proj 64; the head 80.
        assertThat(source).contains("public static final long DECODE_MACS = 784L;");
        assertThat(source).contains("public static final long DECODE_MACS_PER_CONTEXT_TOKEN = 32L;");
        assertThat(source).contains("return Math.addExact(592L, Math.multiplyExact(DECODE_MACS_PER_CONTEXT_TOKEN,"
                + " context));");
        assertThat(source).contains("public static final long CONTEXT = 6L;");
        assertThat(source).contains("A causal\n     * mask changes no MAC");
    }

    @Test
    void theJsonReportHasTheDecoderAndFollowsItsSchema() throws Exception {
        Compilation compilation = compile(DEC, tiny("heads = 2, kvHeads = 1", "@Tied(\"wte\")"));
        String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/netcost/com.example.Tiny.json")
                .orElseThrow().getCharContent(false).toString();
        com.google.gson.JsonElement parsed = com.google.gson.JsonParser.parseString(json);
        assertThat(SchemaCheck.load().violations(parsed)).isEmpty();
        com.google.gson.JsonObject decoder = parsed.getAsJsonObject().getAsJsonObject("decoder");
        // The hand figures above.
        assertThat(decoder.get("kvCacheBytes").getAsLong()).isEqualTo(192);
        assertThat(decoder.get("decodeMacs").getAsLong()).isEqualTo(784);
        assertThat(decoder.get("attentionLayers").getAsInt()).isEqualTo(2);
        String summary = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/netcost/com.example.Tiny.md")
                .orElseThrow().getCharContent(false).toString();
        assertThat(summary).contains("| KV cache | 192 B at 6 tokens |");
    }

    /** The cache holds every sequence of the batch; a decode step's MACs are one sequence's. */
    @Test
    void theBatchScalesTheCacheAndThePrefillButNotOneToken() throws Exception {
        NetworkSource one = tiny("heads = 2, kvHeads = 1", "@Tied(\"wte\")");
        NetworkSource four = NetworkSource.of("com.example.Tiny", one.text().replace("input = {6},",
                "input = {6}, batch = 4,"));
        Compilation compilation = compile(DEC, four);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        assertThat(source).contains("public static final long KV_CACHE_BYTES = 768L;"); // 4 x 192
        assertThat(source).contains("public static final long PREFILL_MACS = 18_816L;"); // 4 x 4,704
        assertThat(source).contains("public static final long DECODE_MACS = 784L;");
    }

    /** A repeated block with a mistake is one error at its use, not one per instance. */
    @Test
    void aDecoderBlockWithoutCausalAttentionIsOneErrorAtItsUse() {
        NetworkSource block = NetworkSource.of("com.example.Dec", DEC.text().replace("causal = true", "causal = false"));
        NetworkSource src = tiny("heads = 2, kvHeads = 1", "@Tied(\"wte\")");
        assertOnlyError(compile(block, src), src, "[netcost:decoder] h[0].attn: a @Decoder network generates each"
                + " token from the cache of those before it, so its attention must be causal; write causal = true",
                src.at("@Dec(heads = 2, kvHeads = 1)", "@Dec"));
    }

    @Test
    void anUntiedHeadHasItsWeight() throws Exception {
        Compilation compilation = compile(DEC, tiny("heads = 2, kvHeads = 1", ""));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(companion(compilation)).contains("public static final long PARAMS = 760L;");
    }

    @Test
    void headsThatDoNotDivideTheWidthAreAnErrorOnTheArgument() {
        NetworkSource src = tiny("heads = 3, kvHeads = 1", "@Tied(\"wte\")");
        assertOnlyError(compile(DEC, src), src, "[netcost:heads] h[0].attn on input (6, 8): the token width E = 8"
                + " does not split into heads = 3 heads of equal width; use one of 1, 2, 4 or 8",
                src.at("heads = 3", "3"));
    }

    @Test
    void tiedToABlockIsAnError() {
        NetworkSource src = NetworkSource.of("com.example.Tiny", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6})
                class Tiny {
                    @Embedding(vocab = 10, dim = 8) Layer wte;
                    @Dec(heads = 2, kvHeads = 1) @Tied("wte") Layer h;
                }
                """);
        assertOnlyError(compile(DEC, src), src, "[netcost:misplaced] h: @Tied shares the weight of one layer, and Dec"
                + " is a block; put @Tied on a layer inside the block", src.at("@Tied(\"wte\")", "\"wte\""));
    }

    @Test
    void aNetworkThatIsNoDecoderHasNoDecoderFigures() throws Exception {
        NetworkSource src = NetworkSource.of("com.example.Tiny", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6})
                class Tiny {
                    @Embedding(vocab = 10, dim = 8) Layer wte;
                    @Dec(heads = 2, kvHeads = 2) Layer h;
                }
                """);
        Compilation compilation = compile(DEC, src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(companion(compilation)).doesNotContain("KV_CACHE");
    }
}
