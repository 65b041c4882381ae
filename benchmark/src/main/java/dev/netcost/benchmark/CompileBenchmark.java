package dev.netcost.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What netcost adds to a compile, measured: each case compiled by javac in-process, warm,
 * several times, plain ({@code -proc:none}), with a processor that writes one empty class per
 * network, and with netcost. Prints medians and checks them against the goals of the
 * performance issue. Run from the repository's root: {@code mvn -B -Pbenchmark -pl benchmark -am
 * -DskipTests verify} (see {@code benchmark/README.md}).
 */
public final class CompileBenchmark {
    /** Overhead the samples and the 1,000-layer chain may add, as a fraction of plain javac. */
    private static final double MAX_OVERHEAD = 0.10;
    /** 10,000 layers may cost at most this many times the overhead of 1,000: linear, with slack. */
    private static final double MAX_GROWTH = 12;

    private record Figures(Case c, int layers, Map<Compiler.Mode, Long> medians, long processorNanos,
            long processorBytes, long loadNanos) {
        long plain() {
            return medians.get(Compiler.Mode.PLAIN);
        }

        long overhead() {
            return medians.get(Compiler.Mode.NETCOST) - plain();
        }

        /** What netcost adds over the least a generating processor costs: over the empty-class run. */
        long share() {
            return medians.get(Compiler.Mode.NETCOST) - medians.get(Compiler.Mode.EMPTY_CLASS);
        }
    }

    private CompileBenchmark() {}

    public static void main(String[] args) throws Exception {
        // Maven passes -Dbenchmark.args="quick cold 1,000" as one argument: the mode, then which part
        // (warm, cold or both, when neither is named), then what every case kept must have in its name.
        List<String> words = new ArrayList<>(List.of(String.join(" ", args).trim().split("\\s+")));
        boolean quick = words.remove(0).equals("quick");
        boolean warmOnly = words.remove("warm");
        boolean coldOnly = words.remove("cold");
        String only = String.join(" ", words);
        System.out.printf("netcost compile benchmark: %s %s, %s %s, %d cores, heap %,d MB%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<Figures> all = List.of();
        if (!coldOnly) {
            all = warm(quick, only);
        }
        if (!warmOnly) {
            ColdBenchmark cold = new ColdBenchmark();
            List<ColdBenchmark.Figures> figures = cold.run(quick ? 3 : 7, only);
            cold.whereTheTimeGoes(only);
            if (!quick && only.isEmpty()) {
                cold.maven(3);
            }
            System.out.println();
            cold.goals(figures);
        }
        if (!coldOnly) {
            heaps(all, quick ? 32 : 8);
        }
    }

    /** The warm, in-process figures of every case kept, printed, and the goals they are held to. */
    private static List<Figures> warm(boolean quick, String only) throws Exception {
        int warmups = quick ? 1 : 3;
        int runs = quick ? 3 : 7;
        List<Case> cases = cases();
        Compiler compiler = new Compiler();
        System.out.printf("%nWarm compiles: javac in-process, in this JVM; %d warm-up and %d measured compiles per"
                + " mode, medians%n", warmups, runs);
        // Warms javac's and netcost's classes before the first case, so that it is not the slowest.
        for (int i = 0; i < warmups; i++) {
            for (Compiler.Mode mode : Compiler.Mode.values()) {
                compiler.compile(Case.many(10, 50), mode);
            }
        }
        List<Figures> all = new ArrayList<>();
        for (Case c : cases) {
            if (!c.name().contains(only)) {
                continue;
            }
            all.add(measure(compiler, c, warmups, runs));
            print(all.get(all.size() - 1), all.size() == 1);
        }
        System.out.println();
        goals(all);
        return all;
    }

    /**
     * The smallest heap that compiles each case that asks for it, with netcost and without; then
     * whether what netcost adds grows no faster than the layers, from the smallest case to the largest.
     */
    private static void heaps(List<Figures> all, int stepMb) throws Exception {
        List<Figures> probed = all.stream().filter(f -> f.c().heap()).toList();
        if (probed.isEmpty()) {
            return;
        }
        System.out.printf("Heap: the smallest -Xmx, to %d MB, with which javac compiles the case in a JVM of its own,"
                + " with the JVM's\n"
                + "default collector, writing to a folder as a build does:%n", stepMb);
        List<int[]> found = new ArrayList<>();
        for (Figures f : probed) {
            int plain = HeapProbe.smallestHeapMb(f.c(), Compiler.Mode.PLAIN, stepMb);
            int netcost = HeapProbe.smallestHeapMb(f.c(), Compiler.Mode.NETCOST, stepMb);
            found.add(new int[] {plain, netcost});
            System.out.printf("  %-32s %,9d layers: javac %s, + netcost %s%n", f.c().name(), f.layers(),
                    megabytes(plain), megabytes(netcost));
        }
        if (probed.size() < 2 || found.stream().anyMatch(h -> h[0] < 0 || h[1] < 0)) {
            return;
        }
        Figures small = probed.get(0);
        Figures large = probed.get(probed.size() - 1);
        // netcost's part of the heap, to within the probe's step: from the smallest case to the largest it
        // may grow as the layers do, not faster.
        double layers = (double) large.layers() / small.layers();
        int smallExtra = Math.max(stepMb, found.get(0)[1] - found.get(0)[0]);
        int largeExtra = found.get(found.size() - 1)[1] - found.get(found.size() - 1)[0];
        double growth = (double) largeExtra / smallExtra;
        System.out.printf("  netcost's part, %s against %s: x %.1f for x %.1f the layers: %s%n", large.c().name(),
                small.c().name(), growth, layers, verdict(growth <= layers));
    }

    private static String megabytes(int mb) {
        return mb < 0 ? "more than 2,048 MB" : String.format("%,d MB", mb);
    }

    /** Every case, in the order the table lists them. */
    static List<Case> cases() {
        return List.of(
                Case.chain(10, false), Case.chain(100, false), Case.chain(1_000, true),
                Case.chain(10_000, false).probingHeap(),
                Case.many(100, 50),
                Case.sample("ResNet152", "Bottleneck"), Case.sample("MobileNetV2", "InvertedResidual"),
                Case.repeated(100_000));
    }

    private static Figures measure(Compiler compiler, Case c, int warmups, int runs) throws Exception {
        Map<Compiler.Mode, long[]> times = new EnumMap<>(Compiler.Mode.class);
        long[] processorNanos = new long[runs];
        long[] processorBytes = new long[runs];
        Compiler.Result last = null;
        for (Compiler.Mode mode : Compiler.Mode.values()) {
            times.put(mode, new long[runs]);
        }
        for (int i = -warmups; i < runs; i++) {
            // Interleaved, so that drift (heat, GC state) touches every mode alike.
            for (Compiler.Mode mode : Compiler.Mode.values()) {
                System.gc();
                Compiler.Result result = compiler.compile(c, mode);
                if (i < 0) {
                    continue;
                }
                times.get(mode)[i] = result.nanos();
                if (mode == Compiler.Mode.NETCOST) {
                    processorNanos[i] = result.processorNanos();
                    processorBytes[i] = result.processorBytes();
                    last = result;
                }
            }
        }
        Map<Compiler.Mode, Long> medians = new EnumMap<>(Compiler.Mode.class);
        times.forEach((mode, t) -> medians.put(mode, median(t)));
        CompanionLoader.Loaded loaded = new CompanionLoader(last.classes()).loadCompanions();
        return new Figures(c, loaded.layers(), medians, median(processorNanos), median(processorBytes),
                loaded.nanos());
    }

    private static void print(Figures f, boolean heading) {
        String format = "%-20s %7s %8s %9s %9s %9s %9s %9s %8s %9s %7s%n";
        if (heading) {
            System.out.printf(format, "case", "layers", "javac", "+ empty", "+ netcost", "overhead", "netcost's",
                    "netcost's", "us per", "allocated", "load");
            System.out.printf(format, "", "", "ms", "class ms", "ms", "%", "share %", "own ms", "layer", "MB", "ms");
            // us per layer: the overhead, per layer. allocated: by netcost itself. load: the companions' class init.
        }
        System.out.printf(format, f.c().name(), String.format("%,d", f.layers()), ms(f.plain()),
                ms(f.medians().get(Compiler.Mode.EMPTY_CLASS)), ms(f.medians().get(Compiler.Mode.NETCOST)),
                percent(f.overhead(), f.plain()), percent(f.share(), f.plain()), ms(f.processorNanos()),
                String.format("%.1f", f.overhead() / 1e3 / f.layers()),
                String.format("%.1f", f.processorBytes() / 1e6), ms(f.loadNanos()));
    }

    private static void goals(List<Figures> all) {
        System.out.println("overhead: the median with netcost over plain javac's. netcost's share: the median with"
                + " netcost over the median\nwith a processor that writes one empty class, the price javac asks of"
                + " any processor that generates a file.");
        System.out.println("Goals:");
        Figures thousand = null;
        Figures tenThousand = null;
        for (Figures f : all) {
            if (f.c().name().equals("chain of 1,000")) {
                thousand = f;
            } else if (f.c().name().equals("chain of 10,000")) {
                tenThousand = f;
            }
            if (f.c().goal()) {
                System.out.printf("  %-32s overhead %s %% of javac, goal <= %.0f %%: %s; netcost's share %s %%: %s%n",
                        f.c().name(), percent(f.overhead(), f.plain()), 100 * MAX_OVERHEAD,
                        verdict(f.overhead() <= MAX_OVERHEAD * f.plain()), percent(f.share(), f.plain()),
                        verdict(f.share() <= MAX_OVERHEAD * f.plain()));
            }
        }
        if (thousand == null || tenThousand == null) {
            return;
        }
        double growth = (double) tenThousand.overhead() / Math.max(1, thousand.overhead());
        // At 10,000 layers netcost's share can be below zero: within the noise of javac's own round.
        double shareGrowth = (double) Math.max(0, tenThousand.share()) / Math.max(1, thousand.share());
        double ownGrowth = (double) tenThousand.processorNanos() / Math.max(1, thousand.processorNanos());
        System.out.printf("  %-32s overhead x %.1f, goal <= %.0f: %s; netcost's share x %.1f: %s;"
                + " netcost's own work x %.1f: %s%n", "10,000 layers against 1,000", growth, MAX_GROWTH,
                verdict(growth <= MAX_GROWTH), shareGrowth, verdict(shareGrowth <= MAX_GROWTH), ownGrowth,
                verdict(ownGrowth <= MAX_GROWTH));
    }

    private static String percent(long part, long whole) {
        return String.format("%.0f", 100.0 * part / whole);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String ms(long nanos) {
        return String.format("%,.1f", nanos / 1e6);
    }
}
