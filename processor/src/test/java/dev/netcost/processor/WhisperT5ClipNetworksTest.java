package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The ops that Whisper, T5 and CLIP brought, through javac: what each adds to a network's
 * companion, against figures counted by hand (and with PyTorch where it has the module).
 */
class WhisperT5ClipNetworksTest {
    /**
     * Whisper-tiny's audio encoder up to its position table: Conv1d(80, 384, 3, padding = 1), GELU,
     * Conv1d(384, 384, 3, stride = 2, padding = 1), GELU, the frames as tokens, the sinusoids added.
     * PARAMS: 80 x 384 x 3 + 384 = 92,544 and 384 x 384 x 3 + 384 = 442,752, together 535,296 (torch
     * 1.13: sum(p.numel()) of the two nn.Conv1d). BUFFERS: the table, 1,500 x 384 = 576,000, which
     * openai-whisper registers as a buffer.
     */
    @Test
    void whispersSinusoidsAreBuffers() {
        Compilation compilation = compile(NetworkSource.network("{80, 3000}",
                "@Conv(out = 384, kernel = 3, padding = 1) Layer conv1;",
                "@GELU Layer gelu1;",
                "@Conv(out = 384, kernel = 3, stride = 2, padding = 1) Layer conv2;",
                "@GELU Layer gelu2;",
                "@ToTokens Layer frames;",
                "@PositionEmbedding(length = 1500, sinusoidal = true) Layer positions;"));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long PARAMS = 535_296L;");
        assertThat(companion).contains("public static final long BUFFERS = 576_000L;");
        assertThat(companion).contains("public static final long POSITIONS_PARAMS = 0L;");
        assertThat(companion).contains("public static final long POSITIONS_BUFFERS = 576_000L;");
        // One add per element of (1500, 384).
        assertThat(companion).contains("public static final long POSITIONS_FLOPS = 576_000L;");
    }

    /**
     * A T5 encoder's first layer, at t5-small's widths on 16 tokens: the bias table, then attention
     * without biases. The table: 32 buckets x 8 heads = 256 parameters, and its (8, 16, 16) bias added
     * to the scores, 8 x 16 x 16 = 2,048 FLOPs; no MACs. The embedding 100 x 512 = 51,200; attention
     * 4 x 512 x 512 = 1,048,576.
     */
    @Test
    void t5sBiasTableIsCountedWhereItIsDeclared() {
        Compilation compilation = compile(NetworkSource.network("{16}",
                "@Embedding(vocab = 100, dim = 512) Layer embed;",
                "@RelativePositionBias(heads = 8) Layer bias;",
                "@MultiHeadAttention(heads = 8, bias = false) Layer attn;"));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long BIAS_PARAMS = 256L;");
        assertThat(companion).contains("public static final long BIAS_MACS = 0L;");
        assertThat(companion).contains("public static final long BIAS_FLOPS = 2_048L;");
        assertThat(companion).contains("public static final long PARAMS = 1_100_032L;");
    }

    /** The bias on a feature map: refused on the annotation, naming the layer that makes tokens. */
    @Test
    void t5sBiasTakesTokensOnly() {
        NetworkSource net = NetworkSource.network("{8, 4, 4}", "@RelativePositionBias(heads = 2) Layer bias;");
        Compilations.assertOnlyError(compile(net), net, "[netcost:input-shape] bias on input (8, 4, 4):"
                + " @RelativePositionBias works on tokens (T, E), but its input is the feature map (8, 4, 4); put"
                + " @ToTokens before it, which makes (16, 8) tokens of it", net.at("@RelativePositionBias"));
    }

    /**
     * A small CLIP head, batch 4, on one input (two inputs are another change's): an image branch of
     * ViT's shape with CLIP's QuickGELU, its class token projected to 16, and a second vector of 16 from
     * the pooled patches, compared by @CosineSimilarity. By hand, for the similarity: 1 parameter
     * (logit_scale); per pair 3 x 16 = 48 MACs and 2 x 48 + 2 x 16 + 2 + 2 = 132 FLOPs, four pairs: 192
     * and 528. Its memory access: the two vectors read and the logit written, 4 x (16 + 16 + 1) = 132
     * elements, and logit_scale read once: 133 x 4 bytes = 532. QuickGELU on (5, 64): 5 x 5 x 64 =
     * 1,600 FLOPs per sample, 6,400 for four. CLIP's own batch of 4 images against 4 texts would be 4 x
     * 4 logits (4 x 4 x 16 = 256 MACs for the products); netcost counts the 4 pairs of the batch.
     */
    @Test
    void clipsLogitIsOnePairPerSample() {
        Compilation compilation = compile(NetworkSource.example("Net", """
                @Network(input = {3, 8, 8}, batch = 4)
                class Net {
                    @Conv(out = 16, kernel = 4, stride = 4, bias = false) Layer patch;
                    @ToTokens Layer tokens;
                    @ClassToken Layer cls;
                    @PositionEmbedding(length = 5) Layer pos;
                    @Linear(out = 64) Layer fc;
                    @QuickGELU Layer act;
                    @Linear(out = 16) Layer proj;
                    @SelectToken Layer image;
                    @GlobalAvgPool @From("patch") Layer pool;
                    @Flatten Layer flat;
                    @Linear(out = 16, bias = false) Layer text;
                    @CosineSimilarity({"image", "text"}) Layer logit;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final Shape OUTPUT_SHAPE = Shape.of(1);");
        assertThat(companion).contains("public static final long LOGIT_PARAMS = 1L;");
        assertThat(companion).contains("public static final long LOGIT_MACS = 192L;");
        assertThat(companion).contains("public static final long LOGIT_FLOPS = 528L;");
        assertThat(companion).contains("public static final long LOGIT_MEMORY_ACCESS_BYTES = 532L;");
        assertThat(companion).contains("public static final long ACT_FLOPS = 6_400L;");
        // Patch 3 x 16 x 16 = 768, class token 16, positions 5 x 16 = 80, fc 16 x 64 + 64 = 1,088, proj
        // 64 x 16 + 16 = 1,040, text 16 x 16 = 256, logit_scale 1: 3,249.
        assertThat(companion).contains("public static final long PARAMS = 3_249L;");
    }

    /** Without logitScale: no parameter, two FLOPs fewer per pair. */
    @Test
    void aPlainCosineSimilarityHasNoParameter() {
        Compilation compilation = compile(NetworkSource.network("{16}", "@Linear(out = 16) Layer other;",
                "@CosineSimilarity(value = {\"input\", \"other\"}, logitScale = false) Layer cos;"));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long COS_PARAMS = 0L;");
        assertThat(companion).contains("public static final long COS_MACS = 48L;");
        assertThat(companion).contains("public static final long COS_FLOPS = 130L;");
    }
}
