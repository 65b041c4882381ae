package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The reports in META-INF/netcost/, read back, and the options that choose them. */
class ReportsTest {
    /** GoldenFileTest's network, whose every figure is worked by hand there. */
    private static final NetworkSource TINY = GoldenFileTest.TINY_NET;
    private static final String JSON = "META-INF/netcost/com.example.TinyNet.json";
    private static final String MARKDOWN = "META-INF/netcost/com.example.TinyNet.md";
    private static final String DOT = "META-INF/netcost/com.example.TinyNet.dot";

    private static Optional<String> resource(Compilation compilation, String path) {
        Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = file.get().openInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theJsonReportFollowsItsSchemaAndHoldsTheFigures() throws IOException {
        Compilation compilation = compileWith(List.of(), TINY);
        assertThat(compilation).succeededWithoutWarnings();
        JsonElement parsed = JsonParser.parseString(resource(compilation, JSON).orElseThrow());
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));

        JsonObject report = parsed.getAsJsonObject();
        assertEquals("com.example.TinyNet", report.get("network").getAsString());
        JsonObject totals = report.getAsJsonObject("totals");
        // The hand figures of GoldenFileTest.goldenFileFiguresAreTheHandCalculation.
        assertEquals(12_226, totals.get("params").getAsLong());
        assertEquals(364_560, totals.get("macs").getAsLong());
        assertEquals(737_352, totals.get("flops").getAsLong());
        assertEquals(48_904, totals.get("paramBytes").getAsLong());
        assertEquals(37_632, totals.get("peakActivationBytes").getAsLong());
        assertEquals(155_312, totals.get("memoryAccessBytes").getAsLong());
        JsonArray layers = report.getAsJsonArray("layers");
        assertEquals(5, layers.size());
        JsonObject conv = layers.get(0).getAsJsonObject();
        assertEquals("conv", conv.get("path").getAsString());
        assertEquals(32_928, conv.get("memoryAccessBytes").getAsLong());
        assertEquals(705_600 / 32_928.0, conv.get("arithmeticIntensity").getAsDouble());
        assertEquals("[\"input\"]", conv.get("reads").toString());
        // One input, @Network(input): 3 x 32 x 32 floats, 12,288 bytes. One output, fc, which
        // alone needs every layer: the totals.
        assertEquals("[3,32,32]", report.get("input").toString());
        assertEquals("[10]", report.get("output").toString());
        assertEquals("[{\"name\":\"input\",\"shape\":[3,32,32],\"kind\":\"features\",\"bytes\":12288}]",
                report.get("inputs").toString());
        assertEquals("[{\"name\":\"fc\",\"shape\":[10],\"onlyParams\":12226,\"onlyMacs\":364560,"
                + "\"onlyFlops\":737352}]", report.get("outputs").toString());
        long params = 0;
        for (JsonElement layer : layers) {
            params += layer.getAsJsonObject().get("params").getAsLong();
        }
        assertEquals(12_226, params);
    }

    /**
     * The dtype sets the bytes per element: in bfloat16 TinyNet's 12,226 parameters take 24,452
     * bytes, and its activation peak (9,408 elements, see GoldenFileTest) 18,816.
     */
    @Test
    void theDtypeSetsTheBytes() {
        NetworkSource half = NetworkSource.of("com.example.TinyNet", TINY.text().replace(
                "@Network(input = {3, 32, 32})", "@Network(input = {3, 32, 32}, dtype = DType.BFLOAT16)"));
        JsonObject report = JsonParser.parseString(resource(compileWith(List.of(), half), JSON).orElseThrow())
                .getAsJsonObject();
        assertEquals("bfloat16", report.get("dtype").getAsString());
        assertEquals(2, report.get("bytesPerElement").getAsLong());
        assertEquals(24_452, report.getAsJsonObject("totals").get("paramBytes").getAsLong());
        assertEquals(18_816, report.getAsJsonObject("totals").get("peakActivationBytes").getAsLong());
    }

    /** The schema check itself finds what a broken report would get wrong. */
    @Test
    void theSchemaCheckCatchesMistakes() throws IOException {
        JsonObject report = JsonParser.parseString(resource(compileWith(List.of(), TINY), JSON).orElseThrow())
                .getAsJsonObject();
        report.getAsJsonObject("totals").remove("macs");
        report.getAsJsonObject("totals").addProperty("mac", 1);
        report.getAsJsonArray("layers").get(0).getAsJsonObject().addProperty("params", -1);
        report.addProperty("dtype", "float64");
        assertEquals(List.of("$.dtype: \"float64\" is not one of [\"float32\",\"float16\",\"bfloat16\",\"int8\"]",
                "$.totals: missing macs", "$.totals: unexpected mac", "$.layers[0].params: -1 is below 0"),
                SchemaCheck.load().violations(report));
    }

    /** A residual block: its instance in "blocks", the add reading two tensors. */
    @Test
    void blocksAndBranchesAreInTheJson() throws IOException {
        Compilation compilation = compileWith(List.of(), BlockDiagnosticsTest.RES,
                NetworkSource.of("com.example.Net", """
                        package com.example;

                        import dev.netcost.*;

                        @Network(input = {8, 4, 4})
                        class Net {
                            @Res(out = 8) @Repeat(2) Layer stage;
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        JsonElement parsed = JsonParser.parseString(resource(compilation, "META-INF/netcost/com.example.Net.json")
                .orElseThrow());
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject report = parsed.getAsJsonObject();
        assertEquals(List.of("stage", "stage[0]", "stage[1]"), report.getAsJsonArray("blocks").asList().stream()
                .map(b -> b.getAsJsonObject().get("path").getAsString()).toList());
        JsonObject add = report.getAsJsonArray("layers").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(l -> l.get("path").getAsString().equals("stage[1].add")).findFirst().orElseThrow();
        assertEquals("[\"stage[1].bn\",\"stage[0].add\"]", add.get("reads").toString());
    }

    @Test
    void theMarkdownReportIsTheSummaryAsTables() {
        String md = resource(compileWith(List.of(), TINY), MARKDOWN).orElseThrow();
        assertThat(md).startsWith("# TinyNet\n\nInput (3, 32, 32), batch 1, float32. Output (10).\n");
        assertThat(md).contains("| Params | 12,226 |\n");
        assertThat(md).contains("| Peak memory | 86.54 kB (activations 37.63 kB at `relu`) |\n");
        assertThat(md).contains("| `conv` | Conv2d | (6, 28, 28) | 456 | 352,800 | 705,600 | 18.82 kB | 32.93 kB |\n");
        assertEquals(5, md.lines().filter(l -> l.startsWith("| `")).count());
    }

    /** Every edge joins two declared nodes and carries the tensor's shape. */
    @Test
    void theDotDrawingIsAGraphOfTheLayers() {
        String dot = resource(compileWith(List.of(), TINY), DOT).orElseThrow();
        assertThat(dot).startsWith("digraph \"TinyNet\" {\n");
        assertEquals(dot.chars().filter(c -> c == '{').count(), dot.chars().filter(c -> c == '}').count());
        Set<String> nodes = new HashSet<>();
        Matcher node = Pattern.compile("^\\s*\"([^\"]+)\" \\[", Pattern.MULTILINE).matcher(dot);
        while (node.find()) {
            nodes.add(node.group(1));
        }
        assertEquals(Set.of("input", "conv", "relu", "pool", "flatten", "fc"), nodes);
        Matcher edge = Pattern.compile("\"([^\"]+)\" -> \"([^\"]+)\" \\[label=\"([^\"]+)\"]").matcher(dot);
        List<String> edges = new java.util.ArrayList<>();
        while (edge.find()) {
            edges.add(edge.group(1) + " -> " + edge.group(2) + " " + edge.group(3));
        }
        assertEquals(List.of("input -> conv (3, 32, 32)", "conv -> relu (6, 28, 28)", "relu -> pool (6, 28, 28)",
                "pool -> flatten (6, 14, 14)", "flatten -> fc (1176)"), edges);
    }

    /** No timestamps and no hash order: two builds write the same bytes, so a CI job can diff them. */
    @Test
    void reportsAreTheSameEveryTime() {
        for (String path : List.of(JSON, MARKDOWN, DOT)) {
            assertEquals(resource(compileWith(List.of(), TINY), path), resource(compileWith(List.of(), TINY), path));
        }
    }

    @Test
    void theOptionChoosesTheReports() {
        Compilation jsonOnly = compileWith(List.of("-Anetcost.reports=json"), TINY);
        assertThat(jsonOnly).succeededWithoutWarnings();
        assertEquals(true, resource(jsonOnly, JSON).isPresent());
        assertEquals(Optional.empty(), resource(jsonOnly, MARKDOWN));
        assertEquals(Optional.empty(), resource(jsonOnly, DOT));

        Compilation none = compileWith(List.of("-Anetcost.reports=none"), TINY);
        assertEquals(Optional.empty(), resource(none, JSON));
        assertThat(none).generatedSourceFile("com.example.TinyNetCost");
    }

    @Test
    void anUnknownReportIsAWarning() {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=json,xml"), TINY);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:option] -Anetcost.reports: unknown report `xml`; use"
                + " json, md, dot, svg or none, separated by commas");
        assertEquals(true, resource(compilation, JSON).isPresent());
    }

    @Test
    void printShowsTheSummaryAsANote() {
        Compilation compilation = compileWith(List.of("-Anetcost.print=true"), TINY);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining("TinyNet: input (3, 32, 32), batch 1, float32\n")
                .inFile(TINY.file()).onLine(TINY.at("class TinyNet").line());
        assertThat(compilation).hadNoteContaining("Params:       12,226\n");
    }

    /** Gradle reads this file to treat netcost as an isolating processor. */
    @Test
    void theProcessorDeclaresItselfIsolatingForGradle() throws IOException {
        try (InputStream in = NetworkProcessor.class.getClassLoader()
                .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
            assertEquals("dev.netcost.processor.NetworkProcessor,isolating\n",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
