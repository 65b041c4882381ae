package dev.netcost.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.netcost.processor.Compilations.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Random networks, valid and invalid, through javac and netcost in one JVM. Seeded and so
 * reproducible: {@code -Dnetcost.random.seed=N}; {@code -Dnetcost.random.networks=20000} runs
 * longer than the normal few seconds.
 *
 * <p>Each network is also worked out here by brute force, independently of the processor:
 * convolution and pooling outputs by counting the window positions that fit, MACs and FLOPs by
 * looping over output positions and kernel taps, peak memory by listing the tensors alive at each
 * layer. The processor must agree on validity, and for every valid network on the figures; it
 * must never throw.
 */
class RandomNetworksTest {
    private static final long SEED = Long.getLong("netcost.random.seed", 20_261_123L);
    private static final int NETWORKS = Integer.getInteger("netcost.random.networks", 400);
    private static final int PER_COMPILATION = 100;

    /** One generated layer: its Java declaration, and how to work it out by hand. */
    private record Spec(String name, String kind, int[] a, List<String> inputs) {
        String declaration() {
            String from = inputs.isEmpty() || kind.equals("Add") || kind.equals("Concat") ? ""
                    : " @From(\"" + inputs.get(0) + "\")";
            return switch (kind) {
                case "Conv" -> "@Conv(out = " + a[0] + ", kernel = " + a[1] + ", stride = " + a[2] + ", padding = "
                        + a[3] + ", dilation = " + a[4] + ", groups = " + a[5] + ", bias = " + (a[6] == 1) + ")"
                        + from + " Layer " + name + ";";
                case "MaxPool" -> "@MaxPool(kernel = " + a[0] + ", stride = " + a[1] + ", padding = " + a[2]
                        + ", dilation = " + a[3] + ")" + from + " Layer " + name + ";";
                case "AvgPool" -> "@AvgPool(kernel = " + a[0] + ", stride = " + a[1] + ", padding = " + a[2] + ")"
                        + from + " Layer " + name + ";";
                case "Linear" -> "@Linear(out = " + a[0] + ", bias = " + (a[1] == 1) + ")" + from + " Layer " + name
                        + ";";
                case "Unit" -> "@Unit(out = " + a[0] + ", stride = " + a[1] + ") @Repeat(" + a[2] + ")" + from
                        + " Layer " + name + ";";
                case "Add", "Concat" -> "@" + kind + "({\"" + String.join("\", \"", inputs) + "\"}) Layer " + name + ";";
                default -> "@" + kind + from + " Layer " + name + ";";
            };
        }
    }

    /** A network: its input, batch and layers. */
    private record Net(String name, long[] input, int batch, List<Spec> layers) {
        NetworkSource source() {
            StringBuilder dims = new StringBuilder();
            for (long d : input) {
                dims.append(dims.length() > 0 ? ", " : "").append(d);
            }
            StringBuilder text = new StringBuilder("package fuzz;\n\nimport dev.netcost.*;\n\n")
                    .append("@SuppressWarnings({\"netcost:bias-before-norm\", \"netcost:unread-input\","
                            + " \"netcost:padding-only\", \"netcost:dead-branch\", \"netcost:heavy-classifier\"})\n")
                    .append("@Roofline(Hardware.RASPBERRY_PI_5)\n")
                    .append("@Network(input = {").append(dims).append("}, batch = ").append(batch).append(")\n")
                    .append("class ").append(name).append(" {\n");
            for (Spec layer : layers) {
                text.append("    ").append(layer.declaration()).append('\n');
            }
            return NetworkSource.of("fuzz." + name, text.append("}\n").toString());
        }
    }

    /**
     * The block every network may use: a 3 x 3 convolution to {@code out} (strided in the first
     * repeat only), a ReLU, and the input added back when the shape allows.
     */
    private static final NetworkSource UNIT = NetworkSource.of("fuzz.Unit", """
            package fuzz;

            import dev.netcost.*;

            @Block
            @interface Unit {
                int out();
                @FirstOnly int stride() default 1;

                class Layers {
                    @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out", stride = "stride") Layer conv;
                    @ReLU Layer relu;
                    @Add({"relu", "input"}) @If("stride == 1 && in == out") Layer add;
                }
            }
            """);

    /** The brute-force figures of a valid network, for the whole batch. */
    private record Figures(long params, long buffers, long macs, long flops, long peakActivationBytes) {}

    @Test
    void randomNetworksAgreeWithBruteForce() throws IOException {
        Random random = new Random(SEED);
        List<Net> valid = new ArrayList<>();
        List<Net> invalid = new ArrayList<>();
        List<Figures> figures = new ArrayList<>();
        for (int n = 0; n < NETWORKS; n++) {
            Net net = generate("N" + n, random);
            Optional<Figures> worked = bruteForce(net);
            if (worked.isPresent()) {
                valid.add(net);
                figures.add(worked.get());
            } else {
                invalid.add(net);
            }
        }
        // Both kinds are well represented, or the test would prove little.
        assertWithMessage("valid networks").that(valid.size()).isAtLeast(NETWORKS / 5);
        assertWithMessage("invalid networks").that(invalid.size()).isAtLeast(NETWORKS / 5);

        for (int from = 0; from < valid.size(); from += PER_COMPILATION) {
            List<Net> batch = valid.subList(from, Math.min(valid.size(), from + PER_COMPILATION));
            Compilation compilation = compile(batch);
            assertWithMessage("networks the brute force finds valid: %s", compilation.diagnostics())
                    .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
            for (int i = 0; i < batch.size(); i++) {
                Net net = batch.get(i);
                Figures expected = figures.get(from + i);
                JsonObject totals = report(compilation, net).getAsJsonObject("totals");
                String what = net.source().text();
                assertEquals(expected.params(), totals.get("params").getAsLong(), what);
                assertEquals(expected.buffers(), totals.get("buffers").getAsLong(), what);
                assertEquals(expected.macs(), totals.get("macs").getAsLong(), what);
                assertEquals(expected.flops(), totals.get("flops").getAsLong(), what);
                assertEquals(expected.peakActivationBytes(), totals.get("peakActivationBytes").getAsLong(), what);
                assertRoofline(report(compilation, net), what);
            }
        }
        for (int from = 0; from < invalid.size(); from += PER_COMPILATION) {
            List<Net> batch = invalid.subList(from, Math.min(invalid.size(), from + PER_COMPILATION));
            Compilation compilation = compile(batch);
            Set<String> withErrors = new HashSet<>();
            for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
                assertWithMessage("never a bug report").that(error.getMessage(null)).doesNotContain("[netcost:internal]");
                assertWithMessage("only netcost's errors").that(error.getMessage(null)).contains("[netcost:");
                withErrors.add(error.getSource().getName());
            }
            for (Net net : batch) {
                assertWithMessage("an error in %s", net.source().text())
                        .that(withErrors).contains(net.source().file().getName());
            }
        }
    }

    /**
     * The roofline on the Raspberry Pi 5 (153.6e9 FLOP/s in float32, 17.068e9 B/s), by the cost model's
     * "Roofline", from each layer's FLOPs and memory access in the report: the network's time is the sum
     * of {@code max(F / P, M / W)}, the compute-bound part the sum over the layers whose F / P is the
     * larger, and each layer's row says its time and bound.
     */
    private static void assertRoofline(JsonObject report, String what) {
        double peak = 2 * 4 * 2 * 4 * 2.4e9;
        double bandwidth = 4_267e6 * 4;
        double nanos = 0;
        double computeBound = 0;
        for (var element : report.getAsJsonArray("layers")) {
            JsonObject layer = element.getAsJsonObject();
            double compute = layer.get("flops").getAsLong() * 1e9 / peak;
            double memory = layer.get("memoryAccessBytes").getAsLong() * 1e9 / bandwidth;
            double time = Math.max(compute, memory);
            JsonObject onPi = layer.getAsJsonArray("roofline").get(0).getAsJsonObject();
            assertEquals(time, onPi.get("nanos").getAsDouble(), time * 1e-12, what);
            assertEquals(compute > memory ? "compute" : "memory", onPi.get("bound").getAsString(), what);
            nanos += time;
            computeBound += compute > memory ? time : 0;
        }
        JsonObject pi = report.getAsJsonArray("roofline").get(0).getAsJsonObject();
        assertEquals(nanos, pi.get("nanos").getAsDouble(), nanos * 1e-12, what);
        assertEquals(computeBound, pi.get("computeBoundNanos").getAsDouble(), nanos * 1e-12, what);
    }

    private static Compilation compile(List<Net> nets) {
        // javac prints at most 100 errors unless told otherwise.
        List<NetworkSource> sources = new ArrayList<>(List.of(UNIT));
        nets.forEach(n -> sources.add(n.source()));
        return compileWith(List.of("-Anetcost.reports=json", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000"),
                sources.toArray(NetworkSource[]::new));
    }

    private static JsonObject report(Compilation compilation, Net net) throws IOException {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/netcost/fuzz." + net.name() + ".json").orElseThrow();
        try (InputStream in = file.openInputStream()) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    // Generation: mostly sensible values, with a chance of one out of range.

    private static Net generate(String name, Random r) {
        long[] input = r.nextInt(4) == 0
                ? new long[] {1 + r.nextInt(6), 1 + r.nextInt(16)}
                : new long[] {1 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(12)};
        int count = 1 + r.nextInt(6);
        List<Spec> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String layer = "l" + i;
            List<String> earlier = new ArrayList<>(List.of("input"));
            layers.forEach(s -> earlier.add(s.name()));
            List<String> inputs = r.nextInt(5) == 0 ? List.of(earlier.get(r.nextInt(earlier.size()))) : List.of();
            int pick = r.nextInt(13);
            Spec spec = switch (pick) {
                case 0, 1, 2 -> new Spec(layer, "Conv", new int[] {value(r, 1, 8), value(r, 1, 4), value(r, 1, 3),
                    value(r, 0, 2), value(r, 1, 2), r.nextInt(3) == 0 ? value(r, 1, 3) : 1, r.nextInt(2)}, inputs);
                case 3 -> new Spec(layer, "MaxPool", new int[] {value(r, 1, 3), value(r, 1, 3), value(r, 0, 1),
                    value(r, 1, 2)}, inputs);
                case 4 -> new Spec(layer, "AvgPool", new int[] {value(r, 1, 3), value(r, 1, 3), value(r, 0, 1)},
                        inputs);
                case 5 -> new Spec(layer, "ReLU", new int[0], inputs);
                case 6 -> new Spec(layer, "BatchNorm", new int[0], inputs);
                case 7 -> new Spec(layer, "Flatten", new int[0], inputs);
                case 8 -> new Spec(layer, "Linear", new int[] {value(r, 1, 6), r.nextInt(2)}, inputs);
                case 9 -> new Spec(layer, "GlobalAvgPool", new int[0], inputs);
                case 12 -> new Spec(layer, "Unit", new int[] {value(r, 1, 6), value(r, 1, 2), value(r, 1, 3)}, inputs);
                default -> new Spec(layer, pick == 10 ? "Add" : "Concat", new int[0],
                        List.of(earlier.get(earlier.size() - 1), earlier.get(r.nextInt(earlier.size()))));
            };
            layers.add(spec);
        }
        return new Net(name, input, 1 + r.nextInt(3), layers);
    }

    /** A value in [min, max], or one in ten times one below min: out of range. */
    private static int value(Random r, int min, int max) {
        return r.nextInt(10) == 0 ? min - 1 - r.nextInt(2) : min + r.nextInt(max - min + 1);
    }

    // Brute force: empty when the network is invalid.

    private static Optional<Figures> bruteForce(Net net) {
        List<long[]> shapes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        shapes.add(net.input());
        names.add("input");
        List<List<Integer>> reads = new ArrayList<>(); // per layer, the tensors it reads (0 = input)
        long params = 0;
        long buffers = 0;
        long macs = 0;
        long flops = 0;
        int previous = 0;
        for (Spec layer : net.layers()) {
            List<Integer> in = new ArrayList<>();
            if (layer.inputs().isEmpty()) {
                in.add(previous);
            } else {
                layer.inputs().forEach(n -> in.add(names.indexOf(n)));
            }
            long[] x = shapes.get(in.get(0));
            long[] y;
            int[] a = layer.a();
            if (layer.kind().equals("Unit")) {
                int out = a[0];
                if (out < 1 || a[1] < 1 || a[2] < 1 || x.length < 2) {
                    return Optional.empty();
                }
                int current = in.get(0);
                for (int rep = 0; rep < a[2]; rep++) {
                    int stride = rep == 0 ? a[1] : 1;
                    long[] blockIn = shapes.get(current);
                    long[] conv = slide(blockIn, out, 3, stride, 1, 1);
                    if (conv == null) {
                        return Optional.empty();
                    }
                    long weights = blockIn[0] * countTaps(3, blockIn.length - 1);
                    params += out * weights;
                    for (long o = 0; o < numel(conv); o++) {
                        macs += weights * net.batch();
                        flops += (2 * weights - 1) * net.batch();
                    }
                    shapes.add(conv);
                    reads.add(List.of(current));
                    shapes.add(conv);
                    reads.add(List.of(shapes.size() - 2));
                    flops += numel(conv) * net.batch();
                    int made = shapes.size() - 1;
                    if (stride == 1 && blockIn[0] == out) {
                        shapes.add(conv);
                        reads.add(List.of(made, current));
                        flops += numel(conv) * net.batch();
                        made = shapes.size() - 1;
                    }
                    current = made;
                }
                // The use's name stands for its last tensor; pad names so indices stay aligned.
                while (names.size() < shapes.size() - 1) {
                    names.add("");
                }
                names.add(layer.name());
                previous = shapes.size() - 1;
                continue;
            }
            switch (layer.kind()) {
                case "Conv" -> {
                    int out = a[0], k = a[1], s = a[2], p = a[3], d = a[4], g = a[5];
                    if (out < 1 || k < 1 || s < 1 || p < 0 || d < 1 || g < 1 || x.length < 2 || x[0] % g != 0
                            || out % g != 0) {
                        return Optional.empty();
                    }
                    y = slide(x, out, k, s, p, d);
                    if (y == null) {
                        return Optional.empty();
                    }
                    long taps = countTaps(k, x.length - 1);
                    long weightsPerOutput = (x[0] / g) * taps;
                    params += out * weightsPerOutput + (a[6] == 1 ? out : 0);
                    long outputs = numel(y);
                    for (long o = 0; o < outputs; o++) {
                        macs += weightsPerOutput * net.batch();
                        flops += (2 * weightsPerOutput - 1 + (a[6] == 1 ? 1 : 0)) * net.batch();
                    }
                }
                case "MaxPool", "AvgPool" -> {
                    boolean max = layer.kind().equals("MaxPool");
                    int k = a[0], s = a[1], p = a[2], d = max ? a[3] : 1;
                    if (k < 1 || s < 1 || p < 0 || d < 1 || x.length < 2 || 2 * p > d * (k - 1) + 1) {
                        return Optional.empty();
                    }
                    y = slide(x, x[0], k, s, p, d);
                    if (y == null) {
                        return Optional.empty();
                    }
                    long taps = countTaps(k, x.length - 1);
                    for (long o = 0; o < numel(y); o++) {
                        flops += (max ? taps - 1 : taps) * net.batch();
                    }
                }
                case "ReLU" -> {
                    y = x;
                    flops += numel(y) * net.batch();
                }
                case "BatchNorm" -> {
                    y = x;
                    params += 2 * x[0];
                    buffers += 2 * x[0];
                    flops += 2 * numel(y) * net.batch();
                }
                case "Flatten" -> y = new long[] {numel(x)};
                case "Linear" -> {
                    if (a[0] < 1 || x.length != 1) {
                        return Optional.empty();
                    }
                    y = new long[] {a[0]};
                    params += x[0] * a[0] + (a[1] == 1 ? a[0] : 0);
                    for (long o = 0; o < a[0]; o++) {
                        macs += x[0] * net.batch();
                        flops += (2 * x[0] - 1 + a[1]) * net.batch();
                    }
                }
                case "GlobalAvgPool" -> {
                    if (x.length < 2) {
                        return Optional.empty();
                    }
                    y = new long[x.length];
                    java.util.Arrays.fill(y, 1);
                    y[0] = x[0];
                    flops += numel(x) * net.batch(); // every input cell summed into its channel, one divide each
                }
                case "Add" -> {
                    // Broadcast tensors of one rank (one sample's shapes: PyTorch's batch in front would
                    // misalign a tensor of fewer dimensions), dimension by dimension: equal, or one of them 1.
                    int rank = shapes.get(in.get(0)).length;
                    for (int t : in) {
                        if (shapes.get(t).length != rank) {
                            return Optional.empty();
                        }
                    }
                    y = new long[rank];
                    for (int back = 1; back <= rank; back++) {
                        long size = 1;
                        for (int t : in) {
                            long[] s = shapes.get(t);
                            long d = back <= s.length ? s[s.length - back] : 1;
                            if (d != 1 && size != 1 && d != size) {
                                return Optional.empty();
                            }
                            size = d == 1 ? size : d;
                        }
                        y[rank - back] = size;
                    }
                    flops += (in.size() - 1) * numel(y) * net.batch();
                }
                default -> { // Concat
                    long channels = 0;
                    for (int t : in) {
                        long[] other = shapes.get(t);
                        if (other.length != x.length) {
                            return Optional.empty();
                        }
                        for (int i = 1; i < x.length; i++) {
                            if (other[i] != x[i]) {
                                return Optional.empty();
                            }
                        }
                        channels += other[0];
                    }
                    y = x.clone();
                    y[0] = channels;
                }
            }
            shapes.add(y);
            names.add(layer.name());
            reads.add(in);
            previous = shapes.size() - 1;
        }
        return Optional.of(new Figures(params, buffers, macs, flops, peak(shapes, reads, previous, net.batch())));
    }

    /**
     * The output of a window op by counting, per spatial dimension, the window starts
     * {@code 0, s, 2s, ...} whose last tap still falls inside the padded input; null when none does.
     */
    private static long[] slide(long[] x, long channels, int k, int s, int p, int d) {
        long[] y = new long[x.length];
        y[0] = channels;
        for (int i = 1; i < x.length; i++) {
            long padded = x[i] + 2L * p;
            long count = 0;
            for (long start = 0; start + (long) d * (k - 1) < padded; start += s) {
                count++;
            }
            if (count == 0) {
                return null;
            }
            y[i] = count;
        }
        return y;
    }

    /** Kernel cells, counted one by one. */
    private static long countTaps(int k, int spatial) {
        long taps = 0;
        int[] index = new int[spatial];
        while (true) {
            taps++;
            int i = 0;
            while (i < spatial && ++index[i] == k) {
                index[i++] = 0;
            }
            if (i == spatial) {
                return taps;
            }
        }
    }

    /**
     * The most activation bytes alive at once, in float32 for the batch: at each layer, every tensor
     * made at or before it (the input counts from the first layer) that it or a later layer reads,
     * or that is the network's output.
     */
    private static long peak(List<long[]> shapes, List<List<Integer>> reads, int output, int batch) {
        long peak = 0;
        for (int layer = 0; layer < reads.size(); layer++) {
            long alive = 0;
            for (int t = 0; t < shapes.size(); t++) {
                int made = t == 0 ? 0 : t - 1; // tensor t > 0 is made by layer t - 1
                if (made > layer) {
                    continue;
                }
                boolean needed = t == output || made == layer;
                for (int later = layer; later < reads.size() && !needed; later++) {
                    needed = reads.get(later).contains(t);
                }
                if (needed) {
                    alive += numel(shapes.get(t)) * 4 * batch;
                }
            }
            peak = Math.max(peak, alive);
        }
        return peak;
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
