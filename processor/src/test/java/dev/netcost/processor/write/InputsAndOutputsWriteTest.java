package dev.netcost.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static dev.netcost.processor.write.StrictCompanions.compiled;
import static dev.netcost.processor.write.StrictCompanions.declares;
import static dev.netcost.processor.write.StrictCompanions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netcost.InputKind;
import dev.netcost.Shape;
import dev.netcost.processor.SchemaCheck;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.NetworkInference;
import dev.netcost.processor.infer.OutputAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The write stage of a network of several inputs and outputs, from an analysis put together by
 * hand (the walk of {@code @Input} fields is the infer stage's): its companion's constants,
 * compiled as strictly as a user may build, its summary, and its three reports.
 *
 * <p>The network, {@code com.example.Net}, float32, batch 1:
 *
 * <pre>
 * &#64;Network(input = 8)
 * class Net {
 *     &#64;Input(shape = 6, kind = InputKind.IDS) Layer tokens;
 *     &#64;Linear(out = 4) &#64;From("input") &#64;Output Layer a;
 *     &#64;Linear(out = 2) &#64;From("input") &#64;Output Layer b;
 * }
 * </pre>
 *
 * <p>By hand: {@code a}, 8 to 4 with a bias, 8 x 4 + 4 = 36 parameters, 32 MACs, 64 FLOPs (a
 * multiply and an add per MAC, the bias's add in place of the first); {@code b}, 8 to 2, 18
 * parameters, 16 MACs, 32 FLOPs. Neither reads the other, so each output alone needs its own
 * layer. The input {@code input} is 8 floats, 32 bytes; {@code tokens} 6 elements, 24 bytes.
 */
class InputsAndOutputsWriteTest {
    private static final Cost A = new Cost(36, 0, 32, 64);
    private static final Cost B = new Cost(18, 0, 16, 32);

    /** {@code a} and {@code b} as the walker sees them, reading {@code input}. */
    private static NetworkAnalysis walked(List<Integer> input) {
        List<LayerDecl> layers = List.of(linear(0, "a", 4), linear(1, "b", 2));
        NetworkAnalysis walked = NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"),
                input.isEmpty() ? List.of(8) : input, 1, layers));
        assertTrue(walked.ok(), walked.problems().toString());
        assertEquals(A, walked.layers().get(0).cost());
        assertEquals(B, walked.layers().get(1).cost());
        return walked;
    }

    private static LayerDecl linear(int index, String name, int out) {
        return new LayerDecl(index, name, new OpTemplate.Fixed(new Linear(out, true)), List.of(NodeDecl.INPUT),
                Optional.empty());
    }

    /**
     * The walk with {@code inputs} declared as {@code @Input} fields above {@code a} and {@code b}
     * (whose positions move down by as many), and {@code outputs} its outputs.
     *
     * @param networkInput {@code @Network(input)}: {@code List.of(8)}, or empty for none
     */
    private static NetworkAnalysis analysis(List<Integer> networkInput, List<InputDecl> inputs, List<String> outputs,
            Optional<DecoderFigures> decoder) {
        NetworkAnalysis walked = walked(networkInput);
        int shift = inputs.size();
        List<NodeDecl> nodes = new ArrayList<>(inputs);
        List<FieldAnalysis> fields = new ArrayList<>();
        List<InputAnalysis> inputAnalyses = new ArrayList<>();
        if (!networkInput.isEmpty()) {
            inputAnalyses.add(new InputAnalysis("input", -1, Shape.of(8), InputKind.FEATURES, 32));
        }
        for (InputDecl in : inputs) {
            Shape shape = Shape.of(in.shape().stream().mapToLong(Integer::longValue).toArray());
            fields.add(new FieldAnalysis(in, "Input", shape, shape, Cost.ZERO, Traffic.ZERO));
            inputAnalyses.add(new InputAnalysis(in.name(), in.index(), shape, in.kind(), 4 * shape.numel()));
        }
        for (FieldAnalysis field : walked.fields()) {
            LayerDecl layer = (LayerDecl) field.decl();
            LayerDecl moved = new LayerDecl(layer.index() + shift, layer.name(), layer.op(), layer.inputs(),
                    layer.condition());
            nodes.add(moved);
            fields.add(new FieldAnalysis(moved, field.op(), field.input(), field.output(), field.cost(),
                    field.traffic()));
        }
        List<LayerAnalysis> layers = new ArrayList<>();
        for (LayerAnalysis l : walked.layers()) {
            layers.add(new LayerAnalysis(l.path(), l.op(), l.input(), l.output(), l.cost(), l.traffic(),
                    l.computation(), l.topNode() + shift, l.topLevel(), l.reads(), l.trainingOnly(), l.side()));
        }
        List<OutputAnalysis> outputAnalyses = new ArrayList<>();
        for (String name : outputs) {
            FieldAnalysis field = fields.stream().filter(f -> f.decl().name().equals(name)).findFirst().orElseThrow();
            outputAnalyses.add(new OutputAnalysis(name, field.decl().index(), field.output(),
                    name.equals("a") ? A : B, name));
        }
        NetworkDecl network = new NetworkDecl("com.example", List.of("Net"), networkInput, 1,
                dev.netcost.DType.FLOAT32, nodes, java.util.Map.of(), Optional.empty(), decoder.isPresent(),
                outputs.size() == 1 && outputs.get(0).equals("b") ? List.of() : outputs, "");
        return new NetworkAnalysis(network, walked.input(), layers, walked.blocks(), fields, walked.total(),
                walked.memory(), List.of(), decoder, Cost.ZERO, inputAnalyses, outputAnalyses);
    }

    private static final InputDecl TOKENS = new InputDecl(0, "tokens", List.of(6), InputKind.IDS);

    /** Two inputs, two outputs. */
    private static NetworkAnalysis twoByTwo() {
        return analysis(List.of(8), List.of(TOKENS), List.of("a", "b"), Optional.empty());
    }

    @Test
    void eachInputFieldHasItsShapeAndBytesAndEachOutputWhatOnlyItNeeds() throws ReflectiveOperationException {
        Class<?> cost = compiled(twoByTwo());
        assertEquals(Shape.of(8), cost.getField("INPUT_SHAPE").get(null));
        assertEquals(Shape.of(6), cost.getField("TOKENS_INPUT_SHAPE").get(null));
        assertEquals(24L, cost.getField("TOKENS_INPUT_BYTES").getLong(null)); // 6 x 4 bytes
        assertEquals(36L, cost.getField("A_ONLY_PARAMS").getLong(null));
        assertEquals(32L, cost.getField("A_ONLY_MACS").getLong(null));
        assertEquals(64L, cost.getField("A_ONLY_FLOPS").getLong(null));
        assertEquals(18L, cost.getField("B_ONLY_PARAMS").getLong(null));
        assertEquals(16L, cost.getField("B_ONLY_MACS").getLong(null));
        assertEquals(32L, cost.getField("B_ONLY_FLOPS").getLong(null));
        assertEquals(54L, cost.getField("PARAMS").getLong(null)); // 36 + 18
        // Two outputs: no one OUTPUT_SHAPE; each output's shape is its field's.
        assertEquals(false, declares(cost, "OUTPUT_SHAPE"));
        assertEquals(Shape.of(4), cost.getField("A_OUTPUT_SHAPE").get(null));
        assertEquals(Shape.of(2), cost.getField("B_OUTPUT_SHAPE").get(null));
        // An input computes nothing: no PARAMS or MACS of its own.
        assertEquals(false, declares(cost, "TOKENS_PARAMS"));
        assertEquals(false, declares(cost, "TOKENS_MACS"));
        assertEquals(false, declares(cost, "TOKENS_OUTPUT_SHAPE"));
    }

    @Test
    void theConstantsSayWhatTheyHold() {
        String source = source(twoByTwo());
        assertThat(source).contains("""
                    /**
                     * One sample of the input {@code tokens} ({@code @Input}, ids): {@code (6)}.
                     */
                    public static final Shape TOKENS_INPUT_SHAPE = Shape.of(6);
                """);
        assertThat(source).contains("""
                    /**
                     * Multiply-accumulates of the layers that only the output {@code b} needs, and no other
                     * output, for the batch: what dropping it would save.
                     */
                    public static final long B_ONLY_MACS = 16L;
                """);
    }

    @Test
    void theSummaryNamesTheInputsAndOutputs() throws ReflectiveOperationException {
        String expected = "Net: batch 1, float32\nInputs: input (8) features, tokens (6) ids\nOutputs: a (4), b (2)\n";
        assertThat(SummaryText.of(twoByTwo())).startsWith(expected);
        // Two outputs: the totals row shows no one shape.
        assertThat(SummaryText.of(twoByTwo())).containsMatch("\nTotal +54 +48 ");
        Object summary = compiled(twoByTwo()).getMethod("summary").invoke(null);
        assertEquals(SummaryText.of(twoByTwo()), summary);
    }

    /** Without {@code @Network(input)}: no INPUT_SHAPE, and the heading's input is the first field's. */
    @Test
    void aNetworkOfInputFieldsOnlyHasNoInputShape() throws ReflectiveOperationException {
        InputDecl mel = new InputDecl(0, "mel", List.of(8), InputKind.FEATURES);
        NetworkAnalysis analysis = analysis(List.of(), List.of(mel, new InputDecl(1, "tokens", List.of(6),
                InputKind.IDS)), List.of("a", "b"), Optional.empty());
        Class<?> cost = compiled(analysis);
        assertEquals(false, declares(cost, "INPUT_SHAPE"));
        assertEquals(Shape.of(8), cost.getField("MEL_INPUT_SHAPE").get(null));
        assertEquals(32L, cost.getField("MEL_INPUT_BYTES").getLong(null)); // 8 x 4
        assertThat(source(analysis)).contains("""
                    private static final Summary.Header HEADER = new Summary.Header("Net", MEL_INPUT_SHAPE, BATCH, DTYPE, PARAM_BYTES, PEAK_ACTIVATION_BYTES,
                            Optional.empty(),
                            List.of(new Summary.Tensor("mel", MEL_INPUT_SHAPE, "features"), new Summary.Tensor("tokens", TOKENS_INPUT_SHAPE, "ids")),
                            List.of(new Summary.Tensor("a", Shape.of(4), ""), new Summary.Tensor("b", Shape.of(2), "")));
                """);
        assertThat((String) cost.getMethod("summary").invoke(null))
                .startsWith("Net: batch 1, float32\nInputs: mel (8) features, tokens (6) ids\nOutputs: a (4), b (2)\n");
    }

    /** One output, with an input field: OUTPUT_SHAPE as ever, no figures of the output alone. */
    @Test
    void oneOutputKeepsOutputShape() throws ReflectiveOperationException {
        NetworkAnalysis analysis = analysis(List.of(8), List.of(TOKENS), List.of("b"), Optional.empty());
        Class<?> cost = compiled(analysis);
        assertEquals(Shape.of(2), cost.getField("OUTPUT_SHAPE").get(null));
        assertEquals(false, declares(cost, "B_ONLY_MACS"));
        // Named all the same: tokens is a field.
        assertThat(SummaryText.of(analysis)).startsWith("Net: batch 1, float32\nInputs: input (8) features, tokens"
                + " (6) ids\nOutputs: b (2)\n");
        assertThat(SummaryText.of(analysis)).containsMatch("\nTotal +\\(2\\) +54 +48 ");
    }

    /**
     * Two inputs whose constants would share a stem: one error, on the later field, as for any
     * two fields; an output's figures alone and a field named after them.
     */
    @Test
    void constantNamesOfInputsAndOutputsClashOnTheLaterField() {
        NetworkAnalysis analysis = analysis(List.of(8), List.of(new InputDecl(0, "textTokens", List.of(6),
                InputKind.IDS), new InputDecl(1, "text_tokens", List.of(6), InputKind.IDS)), List.of("a", "b"),
                Optional.empty());
        List<Problem> clashes = CompanionNames.of(analysis).clashes();
        assertEquals(1, clashes.size(), clashes.toString());
        assertEquals(1, clashes.get(0).node().getAsInt());
        assertEquals("text_tokens: its constants would be named TEXT_TOKENS_*, as those of textTokens are; rename one"
                + " of the two fields", clashes.get(0).fault().message());
    }

    /** A field named {@code aOnly} would declare A_ONLY_PARAMS, the output a's. */
    @Test
    void aFieldNamedAfterAnOutputsFiguresAloneClashes() {
        NetworkAnalysis two = twoByTwo();
        List<FieldAnalysis> fields = new ArrayList<>(two.fields());
        FieldAnalysis b = fields.get(2);
        LayerDecl renamed = new LayerDecl(2, "aOnly", ((LayerDecl) b.decl()).op(), List.of("input"), Optional.empty());
        fields.set(2, new FieldAnalysis(renamed, b.op(), b.input(), b.output(), b.cost(), b.traffic()));
        NetworkAnalysis analysis = new NetworkAnalysis(two.network(), two.input(), two.layers(), two.blocks(), fields,
                two.total(), two.memory(), List.of(), Optional.empty(), Cost.ZERO, two.inputs(),
                List.of(two.outputs().get(0)));
        // With one output, a has no figures alone: nothing clashes.
        assertEquals(List.of(), CompanionNames.of(analysis).clashes());
        analysis = new NetworkAnalysis(two.network(), two.input(), two.layers(), two.blocks(), fields, two.total(),
                two.memory(), List.of(), Optional.empty(), Cost.ZERO, two.inputs(), List.of(two.outputs().get(0),
                        new OutputAnalysis("aOnly", 2, Shape.of(2), B, "aOnly")));
        List<Problem> clashes = CompanionNames.of(analysis).clashes();
        assertEquals(1, clashes.size(), clashes.toString());
        assertEquals(2, clashes.get(0).node().getAsInt());
        assertEquals("aOnly: its constants would be named A_ONLY_*, as those of a are; rename one of the two fields",
                clashes.get(0).fault().message());
    }

    /**
     * A decoder whose cross-attention caches 1,000 bytes of an encoder's output, and 64 bytes per
     * token of its own: the cache at T tokens is 1,000 + 64T, exactly.
     */
    @Test
    void aDecodersCrossAttentionCacheIsCountedOnceWhateverTheTokens() throws Throwable {
        DecoderFigures figures = new DecoderFigures(6, 2, 1_000 + 6 * 64, 64, 48, 432, 16, 336, 1_000);
        NetworkAnalysis analysis = analysis(List.of(8), List.of(TOKENS), List.of("a", "b"), Optional.of(figures));
        Class<?> cost = compiled(analysis);
        assertEquals(1_000L, cost.getField("CROSS_KV_CACHE_BYTES").getLong(null));
        assertEquals(1_384L, cost.getField("KV_CACHE_BYTES").getLong(null));
        assertEquals(1_000L, call(cost, "kvCacheBytes", 0));
        assertEquals(1_640L, call(cost, "kvCacheBytes", 10)); // 1,000 + 10 x 64
        assertEquals(1_384L, call(cost, "kvCacheBytes", 6));
        assertThrows(IllegalArgumentException.class, () -> call(cost, "kvCacheBytes", -1));
        long most = (Long.MAX_VALUE - 1_000) / 64;
        assertEquals(1_000 + 64 * most, call(cost, "kvCacheBytes", most));
        assertThrows(ArithmeticException.class, () -> call(cost, "kvCacheBytes", most + 1));
        assertThat(SummaryText.of(analysis)).contains("KV cache:     1.38 kB at 6 tokens, 1.00 kB of it"
                + " cross-attention\n");
    }

    /** Without cross-attention, no CROSS_KV_CACHE_BYTES, and the cache is 64T. */
    @Test
    void aDecoderWithoutCrossAttentionHasNoCrossCache() throws Throwable {
        DecoderFigures figures = new DecoderFigures(6, 2, 6 * 64, 64, 48, 432, 16, 336);
        Class<?> cost = compiled(analysis(List.of(8), List.of(TOKENS), List.of("a", "b"), Optional.of(figures)));
        assertEquals(false, declares(cost, "CROSS_KV_CACHE_BYTES"));
        assertEquals(640L, call(cost, "kvCacheBytes", 10));
    }

    private static long call(Class<?> cost, String name, long argument) throws Throwable {
        try {
            return (long) cost.getMethod(name, long.class).invoke(null, argument);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String report(Report report, NetworkAnalysis analysis) throws IOException {
        StringWriter out = new StringWriter();
        report.write(analysis, out);
        return out.toString();
    }

    @Test
    void theJsonReportListsEveryInputAndOutput() throws IOException {
        String text = report(Report.JSON, twoByTwo());
        assertEquals(List.of(), SchemaCheck.load().violations(JsonParser.parseString(text)));
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("netcost-report/7", json.get("schema").getAsString());
        assertEquals("[8]", json.get("input").toString());
        assertEquals(null, json.get("output")); // two outputs: "outputs" has them
        assertEquals("[{\"name\":\"input\",\"shape\":[8],\"kind\":\"features\",\"bytes\":32},"
                + "{\"name\":\"tokens\",\"shape\":[6],\"kind\":\"ids\",\"bytes\":24}]", json.get("inputs").toString());
        assertEquals("[{\"name\":\"a\",\"shape\":[4],\"onlyParams\":36,\"onlyMacs\":32,\"onlyFlops\":64},"
                + "{\"name\":\"b\",\"shape\":[2],\"onlyParams\":18,\"onlyMacs\":16,\"onlyFlops\":32}]",
                json.get("outputs").toString());
    }

    @Test
    void theJsonReportOfADecoderHasItsCrossCache() throws IOException {
        DecoderFigures figures = new DecoderFigures(6, 2, 1_384, 64, 48, 432, 16, 336, 1_000);
        String text = report(Report.JSON, analysis(List.of(8), List.of(TOKENS), List.of("a", "b"),
                Optional.of(figures)));
        assertEquals(List.of(), SchemaCheck.load().violations(JsonParser.parseString(text)));
        JsonObject decoder = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("decoder");
        assertEquals(1_000, decoder.get("crossKvCacheBytes").getAsLong());
        assertEquals(1_384, decoder.get("kvCacheBytes").getAsLong());
    }

    /** Without @Network(input) there is no "input"; with one output, "output" is there. */
    @Test
    void theJsonReportsInputAndOutputFollowTheCompanion() throws IOException {
        NetworkAnalysis analysis = analysis(List.of(), List.of(new InputDecl(0, "mel", List.of(8),
                InputKind.FEATURES)), List.of("b"), Optional.empty());
        String text = report(Report.JSON, analysis);
        assertEquals(List.of(), SchemaCheck.load().violations(JsonParser.parseString(text)));
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(null, json.get("input"));
        assertEquals("[2]", json.get("output").toString());
        assertEquals(1, json.getAsJsonArray("inputs").size());
    }

    @Test
    void theMarkdownReportHasATableOfInputsAndOneOfOutputs() throws IOException {
        String md = report(Report.MARKDOWN, twoByTwo());
        assertThat(md).startsWith("# Net\n\nBatch 1, float32.\n\n");
        assertThat(md).contains("""

                ## Inputs

                | Input | Shape | Kind | Bytes |
                | --- | --- | --- | ---: |
                | `input` | (8) | features | 32 B |
                | `tokens` | (6) | ids | 24 B |

                ## Outputs

                | Output | Shape | Params only it needs | MACs only it needs | FLOPs only it needs |
                | --- | --- | ---: | ---: | ---: |
                | `a` | (4) | 36 | 32 | 64 |
                | `b` | (2) | 18 | 16 | 32 |

                ## Layers
                """);
    }

    @Test
    void theDotDrawingHasANodePerInputAndMarksEachOutput() throws IOException {
        String dot = report(Report.DOT, twoByTwo());
        assertThat(dot).contains("  \"input\" [shape=oval, label=\"input\\n(8)\\nfeatures\"];\n"
                + "  \"tokens\" [shape=oval, label=\"tokens\\n(6)\\nids\"];\n");
        assertThat(dot).contains("  \"input\" -> \"a\" [label=\"(8)\"];\n  \"input\" -> \"b\" [label=\"(8)\"];\n");
        assertThat(dot).endsWith("  \"output a\" [shape=oval, peripheries=2, label=\"a\\n(4)\"];\n"
                + "  \"a\" -> \"output a\" [label=\"(4)\"];\n"
                + "  \"output b\" [shape=oval, peripheries=2, label=\"b\\n(2)\"];\n"
                + "  \"b\" -> \"output b\" [label=\"(2)\"];\n}\n");
        assertEquals(dot, report(Report.DOT, twoByTwo()));
    }
}
