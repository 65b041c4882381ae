package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;
import static dev.netcost.processor.Compilations.constant;
import static dev.netcost.processor.Compilations.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import dev.netcost.Device;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.StandardLocation;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The write stage of a network with {@code @Roofline}, end to end: GoldenFileTest's TinyNet, whose
 * FLOPs and memory access bytes are worked by hand there, on a device of round figures and on the
 * A100. Compiled under every lint and doclint check, warnings as errors.
 *
 * <p>On {@code Round}, 1e12 FLOP/s in float32 and 1e11 B/s (ridge point 10 FLOP/B), a layer takes
 * {@code max(F * 1e9 / 1e12, M * 1e9 / 1e11)} ns = {@code max(F / 1,000, M / 100)}:
 * <ul>
 * <li>conv: F 705,600, M 32,928: max(705.6, 329.28) = 705.6 ns, compute bound (21.43 FLOP/B &gt; 10);
 * <li>relu: F 4,704, M 37,632: max(4.704, 376.32) = 376.32 ns, memory bound;
 * <li>pool: F 3,528, M 23,520: max(3.528, 235.2) = 235.2 ns, memory bound;
 * <li>flatten: F 0, M 9,408: 94.08 ns, memory bound (no FLOPs: not on the plot);
 * <li>fc: F 23,520, M 51,824: max(23.52, 518.24) = 518.24 ns, memory bound.
 * </ul>
 * The network: 705.6 + 376.32 + 235.2 + 94.08 + 518.24 = 1,929.44 ns, {@code ROUND_NANOS} 1,929;
 * 705.6 of it compute bound (36.57 %, 37%), 1,223.84 memory bound.
 *
 * <p>On the A100 80GB (19.5e12 FLOP/s float32, 2.039e12 B/s): conv max(705,600 / 19,500,
 * 32,928 / 2,039) = max(36.185, 16.149) = 36.185 ns; relu 37,632 / 2,039 = 18.456; pool 23,520 / 2,039
 * = 11.535; flatten 9,408 / 2,039 = 4.614; fc 51,824 / 2,039 = 25.416: 96.206 ns, {@code A100_80GB_NANOS} 96.
 */
class RooflineWriteTest {
    private static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Xdoclint:all/protected", "-Werror");
    private static final String JSON = "META-INF/netcost/com.example.TinyNet.json";
    private static final String MARKDOWN = "META-INF/netcost/com.example.TinyNet.md";
    private static final String SVG = "META-INF/netcost/com.example.TinyNet.roofline.svg";

    /** A name with what HTML, XML and Javadoc would each read as more than text. */
    private static final String NAME = "Round <&> @board";

    private static final NetworkSource ROUND = NetworkSource.of("com.example.Round", """
            package com.example;

            import dev.netcost.*;

            @CustomDevice(name = "Round <&> @board", float32FlopsPerSecond = 1e12, memoryBytesPerSecond = 1e11)
            final class Round {}
            """);

    private static final NetworkSource TINY_NET = NetworkSource.of("com.example.TinyNet", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 32, 32})
            @Roofline(value = Hardware.A100_80GB, custom = Round.class)
            @SuppressWarnings("netcost:heavy-classifier") // fc holds 96 % of the parameters
            class TinyNet {
                @Conv(out = 6, kernel = 5) Layer conv;
                @ReLU Layer relu;
                @MaxPool(kernel = 2) Layer pool;
                @Flatten Layer flatten;
                @Linear(out = 10) Layer fc;
            }
            """);

    private static Compilation compiled() {
        Compilation compilation = compileWith(STRICT, ROUND, TINY_NET);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    @Test
    void eachDeviceHasItsConstantAndTimeNanosTakesAnyDevice() throws Exception {
        Compilation compilation = compiled();
        assertEquals(1_929, constant(compilation, "com.example.TinyNetCost", "ROUND_NANOS"));
        assertEquals(96, constant(compilation, "com.example.TinyNetCost", "A100_80GB_NANOS"));
        String source = Compilations.companion(compilation, "com.example.TinyNetCost");
        assertThat(source).contains("on Round &lt;&amp;&gt; &#64;board (float32 at 1 TFLOP/s, 100 GB/s)");
        assertThat(source).doesNotContain("DECODE_NANOS");
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.TinyNetCost");
        double round = (double) cost.getMethod("timeNanos", Device.class).invoke(null,
                new Device("Round", 1e12, 0, 0, 1e11, 0));
        assertEquals(1_929.44, round, 1e-9);
        // Twice the bandwidth: conv 705.6 still; the others' memory halves: (1,929.44 - 705.6) / 2.
        double faster = (double) cost.getMethod("timeNanos", Device.class).invoke(null,
                new Device("Faster", 1e12, 0, 0, 2e11, 0));
        assertEquals(705.6 + 611.92, faster, 1e-9);
    }

    @Test
    void theSummaryHasAColumnPerDeviceAtCompileTimeAndAtRunTime() throws Exception {
        Compilation compilation = compiled();
        String summary = (String) GeneratedClasses.load(compilation, "com.example.TinyNetCost").getMethod("summary")
                .invoke(null);
        assertThat(summary).containsMatch("FLOP/B +NVIDIA A100 80GB SXM +Round <&> @board\n");
        assertThat(summary).containsMatch("\nconv .* 36\\.2 ns C +706 ns C\n");
        assertThat(summary).containsMatch("\nflatten .* 4\\.61 ns M +94\\.1 ns M\n");
        assertThat(summary).containsMatch("\nTotal .* 96\\.2 ns +1\\.93 \u00b5s\n");
        assertThat(summary).endsWith("Roofline:     NVIDIA A100 80GB SXM, float32 at 19.5 TFLOP/s, 2.04 TB/s: 96.2 ns"
                + " per inference (38% in compute-bound layers)\n" // 36.185 / 96.206
                + "Roofline:     Round <&> @board, float32 at 1 TFLOP/s, 100 GB/s: 1.93 \u00b5s per inference (37% in"
                + " compute-bound layers)\n");
        // The class Javadoc holds the compile-time table, escaped.
        String source = Compilations.companion(compilation, "com.example.TinyNetCost");
        assertThat(source).contains(" * Roofline:     Round &lt;&amp;&gt; &#64;board, float32 at 1 TFLOP/s, 100 GB/s:"
                + " 1.93 &#181;s per inference");
    }

    @Test
    void theJsonReportHasEachDevicesFiguresAndEachLayersTimes() throws Exception {
        JsonElement parsed = JsonParser.parseString(resource(compiled(), JSON));
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject report = parsed.getAsJsonObject();
        assertEquals("netcost-report/7", report.get("schema").getAsString());
        JsonArray devices = report.getAsJsonArray("roofline");
        assertEquals(2, devices.size());
        JsonObject round = devices.get(1).getAsJsonObject();
        assertEquals(NAME, round.get("name").getAsString());
        assertEquals("com.example.Round", round.get("javaName").getAsString()); // qualified: the class it names
        assertTrue(round.get("custom").getAsBoolean());
        JsonObject figures = round.getAsJsonObject("figures");
        assertEquals(1e12, figures.get("peakFlopsPerSecond").getAsDouble());
        assertEquals(1e11, figures.get("memoryBytesPerSecond").getAsDouble());
        assertEquals(10, figures.get("ridgePoint").getAsDouble(), 1e-12); // 1e12 / 1e11
        assertEquals(1_929.44, round.get("nanos").getAsDouble(), 1e-9);
        assertEquals(705.6, round.get("computeBoundNanos").getAsDouble(), 1e-9);
        assertEquals(1_223.84, round.get("memoryBoundNanos").getAsDouble(), 1e-9);
        assertFalse(round.has("decode"));
        assertEquals("A100_80GB", devices.get(0).getAsJsonObject().get("javaName").getAsString());

        double[] nanos = {705.6, 376.32, 235.2, 94.08, 518.24};
        String[] bounds = {"compute", "memory", "memory", "memory", "memory"};
        JsonArray layers = report.getAsJsonArray("layers");
        for (int i = 0; i < nanos.length; i++) {
            JsonArray times = layers.get(i).getAsJsonObject().getAsJsonArray("roofline");
            JsonObject onRound = times.get(1).getAsJsonObject();
            assertEquals("com.example.Round", onRound.get("device").getAsString());
            assertEquals(nanos[i], onRound.get("nanos").getAsDouble(), 1e-9);
            assertEquals(bounds[i], onRound.get("bound").getAsString());
        }
    }

    @Test
    void theMarkdownReportListsTheSlowestLayers() {
        String md = resource(compiled(), MARKDOWN);
        assertThat(md).contains("\n## Roofline\n");
        // The name as written, "Round <&> @board", with what Markdown and its HTML would read escaped.
        assertThat(md).contains("\n### Round \\<&amp;\\> @board\n\nfloat32 at 1 TFLOP/s, 100 GB/s: ridge point 10.0"
                + " FLOP/B.\n");
        assertThat(md).contains("| Inference | 1.93 \u00b5s |\n| Compute bound | 706 ns (37%) |\n"
                + "| Memory bound | 1.22 \u00b5s (63%) |\n");
        // Slowest first: conv 705.6, fc 518.24, relu 376.32, pool 235.2, flatten 94.08.
        int conv = md.indexOf("| `conv` | Conv2d | 705,600 | 32.93 kB | 21.4 | 706 ns | compute |", md.indexOf("### Round"));
        int fc = md.indexOf("| `fc` | Linear | 23,520 | 51.82 kB | 0.454 | 518 ns | memory |", conv);
        int relu = md.indexOf("| `relu` |", fc);
        int pool = md.indexOf("| `pool` |", relu);
        int flatten = md.indexOf("| `flatten` | Flatten | 0 | 9.41 kB | 0.00 | 94.1 ns | memory |", pool);
        assertTrue(conv > 0 && fc > conv && relu > fc && pool > relu && flatten > pool, md);
    }

    @Test
    void thePlotIsValidXmlWithEachLayerOnItsDevicesRoof() throws Exception {
        String svg = resource(compiled(), SVG);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getTagName());
        NodeList panels = document.getElementsByTagName("g");
        assertEquals(2, panels.getLength());
        // Panel 2, Round: the name escaped and read back; conv, relu, pool and fc, not flatten.
        Element round = (Element) panels.item(1);
        assertThat(round.getTextContent()).contains(NAME + ", float32 at 1 TFLOP/s, 100 GB/s: 1.93 \u00b5s per"
                + " inference");
        List<Element> points = circles(round, "layer");
        assertEquals(4, points.size());
        assertEquals("conv (Conv2d): 705,600 FLOPs, 32.93 kB, 21.4 FLOP/B; 706 ns, compute bound",
                points.get(0).getTextContent());
        assertThat(points.get(3).getTextContent()).startsWith("fc (Linear): 23,520 FLOPs");
        assertEquals("#d62728", points.get(0).getAttribute("fill")); // compute bound
        assertEquals("#1f77b4", points.get(1).getAttribute("fill"));
        for (int p = 0; p < panels.getLength(); p++) {
            Element panel = (Element) panels.item(p);
            double[][] roof = roof(panel);
            for (Element point : circles(panel, "layer")) {
                double x = Double.parseDouble(point.getAttribute("cx"));
                double y = Double.parseDouble(point.getAttribute("cy"));
                assertTrue(onRoof(roof, x, y), "(" + x + ", " + y + ") off the roof " + java.util.Arrays.deepToString(roof));
            }
        }
        // Larger by share of time: conv (706 of 1,929 ns) over pool (235).
        assertTrue(Double.parseDouble(points.get(0).getAttribute("r"))
                > Double.parseDouble(points.get(2).getAttribute("r")));
        assertThat(svg).contains("1 layer without FLOPs not shown.");
        assertThat(svg).contains("Times are lower bounds, not measurements");
        // Ticks at powers of ten: Round's roof runs from 1e11 B/s at 1 FLOP/B... to the decade above 1e12.
        assertThat(round.getTextContent()).contains("1012");
        assertEquals(svg, resource(compiled(), SVG)); // the same bytes every time
    }

    @Test
    void aNetworkWithoutDevicesHasNoRooflineButTimeNanos() throws Exception {
        Compilation compilation = compileWith(STRICT, GoldenFileTest.TINY_NET);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SVG).isEmpty());
        JsonObject report = JsonParser.parseString(resource(compilation, JSON)).getAsJsonObject();
        assertFalse(report.has("roofline"));
        assertFalse(report.getAsJsonArray("layers").get(0).getAsJsonObject().has("roofline"));
        assertThat(resource(compilation, MARKDOWN)).doesNotContain("Roofline");
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.TinyNetCost");
        assertThat((String) cost.getMethod("summary").invoke(null)).doesNotContain("Roofline");
        double nanos = (double) cost.getMethod("timeNanos", Device.class).invoke(null,
                new Device("Round", 1e12, 0, 0, 1e11, 0));
        assertEquals(1_929.44, nanos, 1e-9);
    }

    private static List<Element> circles(Element panel, String type) {
        List<Element> out = new ArrayList<>();
        NodeList all = panel.getElementsByTagName("circle");
        for (int i = 0; i < all.getLength(); i++) {
            Element circle = (Element) all.item(i);
            if (type.equals(circle.getAttribute("class"))) {
                out.add(circle);
            }
        }
        return out;
    }

    /** The roof's three points, in pixels. */
    private static double[][] roof(Element panel) {
        NodeList lines = panel.getElementsByTagName("polyline");
        assertEquals(1, lines.getLength());
        String[] points = ((Element) lines.item(0)).getAttribute("points").split(" ");
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            String[] xy = points[i].split(",");
            out[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        return out;
    }

    /** Whether (x, y) lies on one of the roof's segments, to the pixels' two decimals. */
    private static boolean onRoof(double[][] roof, double x, double y) {
        for (int i = 0; i + 1 < roof.length; i++) {
            double[] a = roof[i];
            double[] b = roof[i + 1];
            if (x < a[0] - 0.01 || x > b[0] + 0.01) {
                continue;
            }
            double expected = b[0] == a[0] ? a[1] : a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
            if (Math.abs(expected - y) <= 0.02) {
                return true;
            }
        }
        return false;
    }
}
