package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.Compilations.compileWith;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The rules of several outputs that a review found wanting: a training-only head after the last
 * output, a weight two outputs share, an output a field whose {@code @If} is false passes on, and
 * a decoder that attends only to an encoder.
 */
class OutputRulesTest {
    /** With named outputs, the last field is no output: an auxiliary head may run only in training. */
    @Test
    void aTrainingOnlyLastFieldIsAllowedOnceOutputsAreNamed() {
        Compilation compilation = compile(NetworkSource.network("{16}", "@Linear(out = 8) @Output Layer logits;",
                "@Linear(out = 3) @From(\"input\") @TrainingOnly Layer auxHead;"));
        assertThat(compilation).succeeded(); // the one warning: a heavy classifier, which a toy is
        // 16 x 8 + 8 = 136 at inference; the head's 16 x 3 + 3 = 51 stored with it.
        assertThat(Compilations.companion(compilation)).contains("public static final long PARAMS = 187L;");
    }

    /**
     * Two outputs that share one table by {@code @Tied}: dropping either keeps the table, so
     * neither has it alone. By hand: the table is 100 x 16 = 1,600, held by e1; e2 holds none.
     */
    @Test
    void aSharedWeightIsNoOutputsAlone() {
        Compilation compilation = compile(NetworkSource.example("Net", """
                @Network
                class Net {
                    @Input(shape = 8, kind = InputKind.IDS) Layer t1;
                    @Embedding(vocab = 100, dim = 16) @Output Layer e1;
                    @Input(shape = 8, kind = InputKind.IDS) Layer t2;
                    @Embedding(vocab = 100, dim = 16) @Tied("e1") @Output Layer e2;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long PARAMS = 1_600L;");
        assertThat(companion).contains("public static final long E1_ONLY_PARAMS = 0L;");
        assertThat(companion).contains("public static final long E2_ONLY_PARAMS = 0L;");
    }

    /**
     * Two outputs, each with its own trunk, whose last layers share one weight. Dropping pa keeps
     * the weight pb shares, and nothing else of pa's: its trunk a1 (8 x 8 + 8 = 72 parameters, 64
     * MACs), its own bias (8) and its own products (64 MACs). pb's layer holds only its bias, its
     * weight being pa's: b1's 72 and its 8. In all: 72 + 72 + 72 + 8 = 224 parameters.
     */
    @Test
    void aSharedWeightKeepsOnlyTheWeightOutOfAnOutputsAlone() {
        Compilation compilation = compile(NetworkSource.network("{8}", "@Linear(out = 8) Layer a1;",
                "@Linear(out = 8) @Output Layer pa;", "@Linear(out = 8) @From(\"input\") Layer b1;",
                "@Linear(out = 8) @Tied(\"pa\") @Output Layer pb;"));
        assertThat(compilation).succeeded();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long PARAMS = 224L;");
        assertThat(companion).contains("public static final long PA_ONLY_PARAMS = 80L;");
        assertThat(companion).contains("public static final long PA_ONLY_MACS = 128L;");
        assertThat(companion).contains("public static final long PB_ONLY_PARAMS = 80L;");
        assertThat(companion).contains("public static final long PB_ONLY_MACS = 128L;");
    }

    /** An output whose {@code @If} is false is the tensor it reads: the graph draws it from that tensor's layer. */
    @Test
    void anOutputPassedOnIsDrawnFromWhatMadeItsTensor() throws IOException {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=dot"), NetworkSource.network("{16}",
                "@Linear(out = 8) @Output Layer head1;", "@Linear(out = 8) @If(\"false\") @Output Layer head2;"));
        assertThat(compilation).succeeded();
        String dot = resource(compilation, "com.example.Net.dot");
        assertThat(dot).contains("\"head1\" -> \"output head1\"");
        assertThat(dot).contains("\"head1\" -> \"output head2\"");
    }

    /**
     * A decoder whose only attention is to an encoder: no cache grows with the context. By hand:
     * the encoder's 6 tokens of 8 project to keys and values once, 2 x 6 x 8 x 4 = 384 bytes; a
     * new token costs the query and output projections 2 x 64 = 128 and the products with the 6
     * tokens 2 x 6 x 8 = 96, and the head 8 x 10 = 80: 304.
     */
    @Test
    void aDecoderOfCrossAttentionAloneHasACacheOfTheEncoders() throws IOException {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=json"), NetworkSource.example("Net", """
                @Network
                @Decoder("tokens")
                class Net {
                    @Input(shape = {6, 8}, kind = InputKind.TOKENS) Layer frames;
                    @Input(shape = 5, kind = InputKind.IDS) Layer tokens;
                    @Embedding(vocab = 10, dim = 8) Layer embed;
                    @CrossAttention(heads = 2, memory = "frames") Layer cross;
                    @Linear(out = 10) Layer head;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long CROSS_KV_CACHE_BYTES = 384L;");
        assertThat(companion).contains("public static final long KV_CACHE_BYTES = 384L;");
        assertThat(companion).contains("public static final long DECODE_MACS = 304L;");
        assertThat(companion).contains("public static final long CONTEXT = 5L;"); // the decoded tokens
        JsonElement report = JsonParser.parseString(resource(compilation, "com.example.Net.json"));
        assertThat(SchemaCheck.load().violations(report)).isEmpty();
    }

    private static String resource(Compilation compilation, String name) throws IOException {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/netcost/" + name)
                .orElseThrow();
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
