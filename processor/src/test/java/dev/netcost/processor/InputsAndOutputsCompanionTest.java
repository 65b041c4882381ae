package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.netcost.processor.Compilations.assertOnlyError;
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
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A network of two inputs and two outputs, compiled with netcost: its companion's constants, its
 * summary and its three reports, every figure by hand.
 *
 * <p>{@code image} (3, 8, 8) and {@code extra} (4), features, float32, batch 1:
 * <ul>
 *   <li>{@code conv}, 3 to 4 channels, 3 x 3, bias: 3*3*3*4 + 4 = 112 parameters; 4 x 6 x 6 = 144
 *       outputs of 27 MACs, 3,888 MACs; 144 * 2 * 27 = 7,776 FLOPs.
 *   <li>{@code pool}, global average of 36 cells: 36 * 4 = 144 FLOPs; {@code flat}, (4, 1, 1) to
 *       (4), none.
 *   <li>{@code sum}, flat + extra: 4 FLOPs.
 *   <li>{@code logits}, 4 to 2, bias: 10 parameters, 8 MACs, 2 * (2*4 - 1 + 1) = 16 FLOPs.
 *   <li>{@code aux}, from pool, 4 to 3: 15 parameters, 12 MACs, 24 FLOPs.
 * </ul>
 * In all 137 parameters, 3,908 MACs, 7,964 FLOPs. {@code conv}, {@code pool} and {@code flat} serve both
 * outputs; only {@code logits} needs {@code sum} and itself: 10 parameters, 8 MACs, 20 FLOPs;
 * only {@code aux} needs itself: 15, 12, 24. The inputs take 3*8*8 * 4 = 768 and 4 * 4 = 16 bytes.
 */
class InputsAndOutputsCompanionTest {
    static final NetworkSource TWO_BY_TWO = NetworkSource.example("Net", """
            @Network
            class Net {
                @Input(shape = {3, 8, 8}) Layer image;
                @Input(shape = 4) Layer extra;
                @Conv(out = 4, kernel = 3) @From("image") Layer conv;
                @GlobalAvgPool Layer pool;
                @Flatten Layer flat;
                @Add({"flat", "extra"}) Layer sum;
                @Linear(out = 2) @Output Layer logits;
                @Linear(out = 3) @From("flat") @Output Layer aux;
            }
            """);

    private static Compilation compilation;
    private static Class<?> cost;

    @BeforeAll
    static void compileTheNetwork() throws ClassNotFoundException {
        compilation = compile(TWO_BY_TWO);
        assertThat(compilation).succeededWithoutWarnings();
        cost = GeneratedClasses.load(compilation, "com.example.NetCost");
    }

    @Test
    void eachInputHasItsShapeAndBytes() throws ReflectiveOperationException {
        assertEquals(Shape.of(3, 8, 8), cost.getField("IMAGE_INPUT_SHAPE").get(null));
        assertEquals(768L, cost.getField("IMAGE_INPUT_BYTES").getLong(null));
        assertEquals(Shape.of(4), cost.getField("EXTRA_INPUT_SHAPE").get(null));
        assertEquals(16L, cost.getField("EXTRA_INPUT_BYTES").getLong(null));
        // No @Network(input): no INPUT_SHAPE; an input computes nothing: no figures of its own.
        for (String absent : List.of("INPUT_SHAPE", "IMAGE_PARAMS", "IMAGE_MACS", "IMAGE_OUTPUT_SHAPE",
                "EXTRA_PARAMS")) {
            assertEquals(false, declares(absent), absent);
        }
    }

    @Test
    void eachOutputHasWhatOnlyItNeeds() throws ReflectiveOperationException {
        assertEquals(10L, cost.getField("LOGITS_ONLY_PARAMS").getLong(null));
        assertEquals(8L, cost.getField("LOGITS_ONLY_MACS").getLong(null));
        assertEquals(20L, cost.getField("LOGITS_ONLY_FLOPS").getLong(null)); // 16 + sum's 4
        assertEquals(15L, cost.getField("AUX_ONLY_PARAMS").getLong(null));
        assertEquals(12L, cost.getField("AUX_ONLY_MACS").getLong(null));
        assertEquals(24L, cost.getField("AUX_ONLY_FLOPS").getLong(null));
        assertEquals(Shape.of(2), cost.getField("LOGITS_OUTPUT_SHAPE").get(null));
        assertEquals(Shape.of(3), cost.getField("AUX_OUTPUT_SHAPE").get(null));
        assertEquals(false, declares("OUTPUT_SHAPE")); // two outputs, no one shape
        assertEquals(137L, cost.getField("PARAMS").getLong(null));
        assertEquals(3_908L, cost.getField("MACS").getLong(null));
        assertEquals(7_964L, cost.getField("FLOPS").getLong(null));
    }

    @Test
    void theSummaryNamesTheInputsAndOutputs() throws ReflectiveOperationException {
        String summary = (String) cost.getMethod("summary").invoke(null);
        assertThat(summary).startsWith("Net: batch 1, float32\nInputs: image (3, 8, 8) features, extra (4) features\n"
                + "Outputs: logits (2), aux (3)\n===");
        assertThat(summary).contains("Params:       137\n");
        // The compile-time table, in the class's Javadoc, is the same.
        assertThat(Compilations.companion(compilation)).contains(" * Net: batch 1, float32\n * Inputs: image (3, 8, 8)"
                + " features, extra (4) features\n * Outputs: logits (2), aux (3)\n");
    }

    /**
     * {@code @Network(input)} is the input named {@code input}, listed first, beside the
     * {@code @Input} fields. Two outputs, each needing only its own layers: {@code enc}, 4 to 8 with
     * a bias, 4*8 + 8 = 40 parameters, 32 MACs; {@code embed}, 10 x 8 = 80 parameters, and
     * {@code head}, 8 to 10, 90 parameters and 6 x 80 = 480 MACs: 170 parameters for {@code head}.
     */
    @Test
    void theNetworksOwnInputIsNamedInput() throws ReflectiveOperationException {
        NetworkSource src = NetworkSource.example("Net", """
                @Network(input = {4})
                class Net {
                    @Output @Linear(out = 8) Layer enc;
                    @Input(shape = 6, kind = InputKind.IDS) Layer tokens;
                    @Embedding(vocab = 10, dim = 8) Layer embed;
                    @Output @Linear(out = 10) Layer head;
                }
                """);
        Compilation compiled = compile(src);
        assertThat(compiled).succeededWithoutWarnings();
        Class<?> net = GeneratedClasses.load(compiled, "com.example.NetCost");
        assertEquals(Shape.of(4), net.getField("INPUT_SHAPE").get(null));
        assertEquals(Shape.of(6), net.getField("TOKENS_INPUT_SHAPE").get(null));
        assertEquals(24L, net.getField("TOKENS_INPUT_BYTES").getLong(null)); // 6 elements of 4 bytes
        assertEquals(40L, net.getField("ENC_ONLY_PARAMS").getLong(null));
        assertEquals(32L, net.getField("ENC_ONLY_MACS").getLong(null));
        assertEquals(170L, net.getField("HEAD_ONLY_PARAMS").getLong(null)); // 80 + 90
        assertEquals(480L, net.getField("HEAD_ONLY_MACS").getLong(null));
        assertThat((String) net.getMethod("summary").invoke(null)).startsWith("Net: batch 1, float32\n"
                + "Inputs: input (4) features, tokens (6) ids\nOutputs: enc (8), head (6, 10)\n");
    }

    /** One output, the last field, and an input field: OUTPUT_SHAPE as ever, and no figures alone. */
    @Test
    void oneOutputHasOutputShape() throws ReflectiveOperationException {
        NetworkSource src = NetworkSource.example("Net", """
                @Network
                class Net {
                    @Input(shape = 6, kind = InputKind.IDS) Layer tokens;
                    @Embedding(vocab = 10, dim = 8) Layer embed;
                    @Linear(out = 10) Layer head;
                }
                """);
        Compilation compiled = compile(src);
        assertThat(compiled).succeededWithoutWarnings();
        Class<?> net = GeneratedClasses.load(compiled, "com.example.NetCost");
        assertEquals(Shape.of(6, 10), net.getField("OUTPUT_SHAPE").get(null));
        assertThat(Compilations.companion(compiled)).doesNotContain("_ONLY_");
        assertThat((String) net.getMethod("summary").invoke(null)).startsWith("Net: batch 1, float32\n"
                + "Inputs: tokens (6) ids\nOutputs: head (6, 10)\n");
    }

    @Test
    void theJsonReportListsTheInputsAndOutputs() throws IOException {
        JsonElement parsed = JsonParser.parseString(resource(compilation, "com.example.Net.json"));
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject report = parsed.getAsJsonObject();
        assertEquals(null, report.get("input"));
        assertEquals(null, report.get("output"));
        assertEquals("[{\"name\":\"image\",\"shape\":[3,8,8],\"kind\":\"features\",\"bytes\":768},"
                + "{\"name\":\"extra\",\"shape\":[4],\"kind\":\"features\",\"bytes\":16}]",
                report.get("inputs").toString());
        assertEquals("[{\"name\":\"logits\",\"shape\":[2],\"onlyParams\":10,\"onlyMacs\":8,\"onlyFlops\":20},"
                + "{\"name\":\"aux\",\"shape\":[3],\"onlyParams\":15,\"onlyMacs\":12,\"onlyFlops\":24}]",
                report.get("outputs").toString());
        assertEquals(137, report.getAsJsonObject("totals").get("params").getAsLong());
    }

    @Test
    void theMarkdownReportHasTheirTables() throws IOException {
        String md = resource(compilation, "com.example.Net.md");
        assertThat(md).startsWith("# Net\n\nBatch 1, float32.\n\n");
        assertThat(md).contains("| `image` | (3, 8, 8) | features | 768 B |\n| `extra` | (4) | features | 16 B |\n");
        assertThat(md).contains("| `logits` | (2) | 10 | 8 | 20 |\n| `aux` | (3) | 15 | 12 | 24 |\n");
    }

    @Test
    void theDotDrawingHasANodePerInputAndMarksTheOutputs() throws IOException {
        String dot = resource(compilation, "com.example.Net.dot");
        assertThat(dot).contains("  \"image\" [shape=oval, label=\"image\\n(3, 8, 8)\\nfeatures\"];\n"
                + "  \"extra\" [shape=oval, label=\"extra\\n(4)\\nfeatures\"];\n");
        assertThat(dot).doesNotContain("\"input\"");
        assertThat(dot).contains("  \"image\" -> \"conv\" [label=\"(3, 8, 8)\"];\n");
        assertThat(dot).contains("  \"flat\" -> \"sum\" [label=\"(4)\"];\n  \"extra\" -> \"sum\" [label=\"(4)\"];\n");
        assertThat(dot).contains("  \"flat\" -> \"aux\" [label=\"(4)\"];\n");
        assertThat(dot).endsWith("  \"output logits\" [shape=oval, peripheries=2, label=\"logits\\n(2)\"];\n"
                + "  \"logits\" -> \"output logits\" [label=\"(2)\"];\n"
                + "  \"output aux\" [shape=oval, peripheries=2, label=\"aux\\n(3)\"];\n"
                + "  \"aux\" -> \"output aux\" [label=\"(3)\"];\n}\n");
        assertEquals(dot, resource(compile(TWO_BY_TWO), "com.example.Net.dot"));
    }

    /**
     * Two inputs whose constants would share a stem, TEXT_TOKENS_INPUT_SHAPE: one error, on the
     * later field's {@code @Input}, and no companion.
     */
    @Test
    void twoInputsOfOneStemClashOnTheLaterField() {
        NetworkSource src = NetworkSource.example("Net", """
                @Network
                class Net {
                    @Input(shape = 4) Layer textTokens;
                    @Input(shape = 4) Layer text_tokens;
                    @Add({"textTokens", "text_tokens"}) Layer sum;
                }
                """);
        Compilation compiled = compile(src);
        assertOnlyError(compiled, src, "[netcost:constant-clash] text_tokens: its constants would be named"
                + " TEXT_TOKENS_*, as those of textTokens are; rename one of the two fields",
                src.at("@Input(shape = 4) Layer text_tokens", "@Input"));
        // javac gives no generated file of a failed compilation: the Filer is asked, as ConstantClashTest does.
        List<OriginatingElementTest.Created> created = new ArrayList<>();
        javac().withProcessors(new OriginatingElementTest.RecordingProcessor(new NetworkProcessor(), created))
                .compile(src.file());
        assertEquals(List.of(), created.stream().filter(c -> c.name().equals("com.example.NetCost")).toList());
    }

    /** An output's figures alone, AUX_ONLY_MACS, and those of a field named auxOnly. */
    @Test
    void anOutputsFiguresAloneClashWithAFieldNamedAfterThem() {
        NetworkSource src = NetworkSource.example("Net", """
                @Network(input = {4})
                class Net {
                    @Linear(out = 4) Layer auxOnly;
                    @Linear(out = 2) @Output Layer logits;
                    @Linear(out = 3) @From("auxOnly") @Output Layer aux;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:constant-clash] aux: its constants would be named AUX_*, as those"
                + " of auxOnly are; rename one of the two fields", src.at("@Linear(out = 3)", "@Linear"));
    }

    private boolean declares(String field) {
        try {
            cost.getField(field);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static String resource(Compilation compilation, String name) throws IOException {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/netcost/" + name)
                .orElseThrow();
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
