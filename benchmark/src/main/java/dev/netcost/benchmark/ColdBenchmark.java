package dev.netcost.benchmark;

import com.palantir.javapoet.JavaFile;
import dev.netcost.Network;
import dev.netcost.processor.NetworkProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What netcost costs a cold build: javac run as a command, a JVM of its own for every compile, as
 * the command line and Maven's forked compiles run it (and as Maven runs even an in-process
 * compile as far as netcost is concerned: it loads the processor path into a fresh class loader
 * each time, so netcost's classes are loaded and interpreted anew). Plain ({@code -proc:none}),
 * with a processor that writes one empty class per network (the floor of any generating
 * processor), and with netcost from its jars, alternating, medians of CPU and wall time; then
 * where the time goes (classes loaded, classes spun at run time, the JIT's work), and {@code mvn
 * compile} of the samples module with netcost and without it.
 */
final class ColdBenchmark {
    /** A cold compile with netcost may take at most this many times the empty-class floor's CPU. */
    static final double MAX_RATIO = 1.25;

    /** How a cold compile runs. */
    enum Mode {
        /** {@code -proc:none}: javac alone. */
        PLAIN,
        /** A processor that writes one empty class per network: the floor of any generating processor. */
        EMPTY_CLASS,
        /** A processor that writes netcost's companions, as netcost wrote them, and works nothing out. */
        COMPANION_COPY,
        /** netcost from its jars, with its default options. */
        NETCOST
    }

    /** One cold compile's CPU time (every thread of the process) and wall time, in nanoseconds. */
    private record Run(long cpu, long wall) {}

    /** A case's medians per mode. */
    record Figures(Case c, Map<Mode, Long> cpu, Map<Mode, Long> wall) {
        /** {@code mode}'s CPU time over the empty-class floor's. */
        double cpuRatio(Mode mode) {
            return (double) cpu.get(mode) / cpu.get(Mode.EMPTY_CLASS);
        }

        /** {@code mode}'s wall time over the empty-class floor's. */
        double wallRatio(Mode mode) {
            return (double) wall.get(mode) / wall.get(Mode.EMPTY_CLASS);
        }
    }

    private final Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    private final String dsl = location(Network.class);
    private final String netcostPath = String.join(File.pathSeparator, location(NetworkProcessor.class), dsl,
            location(JavaFile.class));
    private final String emptyPath = location(OneEmptyClassProcessor.class);
    private final boolean hasCpu = ChildCpu.nanos().isPresent();
    /** The companions netcost wrote for the case being measured, which the copying processor writes again. */
    private Path companions;

    /** The cases the issue names: the least network, ResNet-50, the largest transformer, 1,000 layers. */
    static List<Case> cases() {
        return List.of(Case.oneLayer(), Case.sampleWithItsBlocks("ResNet50"), Case.sampleWithItsBlocks("Mixtral8x7B"),
                Case.chain(1_000, true));
    }

    /** Runs the cold cases, {@code runs} compiles per mode each, and returns their medians. */
    List<Figures> run(int runs, String only) throws IOException, InterruptedException {
        System.out.printf("%nCold compiles: javac %s as a command, a JVM of its own per compile, %d per mode"
                + " alternating, medians;%nCPU: every thread of the process (the JIT's and the collector's"
                + " included)%s.%n", Runtime.version(), runs, hasCpu ? "" : " (not available here: wall time only)");
        String format = "%-16s %-5s %6s %8s %11s %9s   %11s %9s%n";
        System.out.printf(format, "case", "", "javac", "+ empty", "+ companion", "+ netcost", "companion /",
                "netcost /");
        System.out.printf(format, "", "", "s", "class s", "copy s", "s", "empty", "empty");
        List<Figures> all = new ArrayList<>();
        for (Case c : cases()) {
            if (!c.name().contains(only)) {
                continue;
            }
            Figures f = measure(c, runs);
            all.add(f);
            for (boolean cpu : List.of(true, false)) {
                Map<Mode, Long> times = cpu ? f.cpu() : f.wall();
                System.out.printf(format, cpu ? c.name() : "", cpu ? "CPU" : "wall", seconds(times.get(Mode.PLAIN)),
                        seconds(times.get(Mode.EMPTY_CLASS)), seconds(times.get(Mode.COMPANION_COPY)),
                        seconds(times.get(Mode.NETCOST)),
                        String.format("%.2f", cpu ? f.cpuRatio(Mode.COMPANION_COPY) : f.wallRatio(Mode.COMPANION_COPY)),
                        String.format("%.2f", cpu ? f.cpuRatio(Mode.NETCOST) : f.wallRatio(Mode.NETCOST)));
            }
        }
        System.out.println("+ empty class: a processor that writes one empty class per network, the floor of any"
                + " processor that\ngenerates a file. + companion copy: one that writes netcost's companions as"
                + " netcost wrote them and\nworks nothing out, what javac asks to compile them. The ratios are over"
                + " the empty-class floor.");
        return all;
    }

    /** Prints whether each case met the goal: CPU (or wall, without CPU figures) at most 1.25 times the floor. */
    void goals(List<Figures> all) {
        System.out.println("Cold goals:");
        for (Figures f : all) {
            double ratio = hasCpu ? f.cpuRatio(Mode.NETCOST) : f.wallRatio(Mode.NETCOST);
            System.out.printf("  %-32s %s %.2f times the empty-class floor, goal <= %.2f: %s%n", f.c().name(),
                    hasCpu ? "CPU" : "wall", ratio, MAX_RATIO, ratio <= MAX_RATIO ? "met" : "MISSED");
        }
    }

    private Figures measure(Case c, int runs) throws IOException, InterruptedException {
        Path sources = Files.createTempDirectory("netcost-cold");
        try {
            List<String> files = write(c, sources);
            writeCompanions(files, sources); // a compile that also warms the page cache
            Map<Mode, long[]> cpu = new EnumMap<>(Mode.class);
            Map<Mode, long[]> wall = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                cpu.put(mode, new long[runs]);
                wall.put(mode, new long[runs]);
                compile(mode, files, List.of()); // once unmeasured: javac's own files into the page cache
            }
            for (int i = 0; i < runs; i++) {
                for (Mode mode : Mode.values()) {
                    Run run = compile(mode, files, List.of());
                    cpu.get(mode)[i] = run.cpu();
                    wall.get(mode)[i] = run.wall();
                }
            }
            Map<Mode, Long> cpuMedians = new EnumMap<>(Mode.class);
            Map<Mode, Long> wallMedians = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                cpuMedians.put(mode, CompileBenchmark.median(cpu.get(mode)));
                wallMedians.put(mode, CompileBenchmark.median(wall.get(mode)));
            }
            return new Figures(c, cpuMedians, wallMedians);
        } finally {
            HeapProbe.delete(sources);
        }
    }

    /**
     * Where the time goes, for each case: one more compile per processor with the JVM's class
     * loading logged and the JIT's time counted ({@code -XX:+CITime}): classes loaded, those read
     * from netcost's jars, those spun at run time (lambdas, method handles), and the JIT's seconds
     * and methods, with the empty-class processor, the companion-copying one and netcost.
     */
    void whereTheTimeGoes(String only) throws IOException, InterruptedException {
        System.out.printf("%nWhere a cold compile's time goes (one traced compile each):%n");
        String format = "%-16s %-10s %8s %9s %7s %9s %8s %8s%n";
        System.out.printf(format, "case", "processor", "classes", "netcost's", "spun", "JIT s", "C1", "C2");
        for (Case c : cases()) {
            if (!c.name().contains(only)) {
                continue;
            }
            Path sources = Files.createTempDirectory("netcost-cold");
            try {
                List<String> files = write(c, sources);
                writeCompanions(files, sources);
                for (Mode mode : List.of(Mode.EMPTY_CLASS, Mode.COMPANION_COPY, Mode.NETCOST)) {
                    Path log = sources.resolve("classes.log");
                    Path jit = sources.resolve("jit.log");
                    compile(mode, files, List.of("-J-Xlog:class+load:file=" + log, "-J-XX:+CITime"), jit);
                    List<String> loaded = Files.readAllLines(log);
                    long ours = loaded.stream().filter(ColdBenchmark.this::fromNetcostsPath).count();
                    long spun = loaded.stream().filter(l -> l.contains("__JVM_LookupDefineClass__")
                            || l.contains("__Lookup_defineClass__")).count();
                    String text = Files.readString(jit);
                    System.out.printf(format, c.name(), mode == Mode.NETCOST ? "netcost"
                            : mode == Mode.EMPTY_CLASS ? "empty" : "copy", loaded.size(),
                            mode == Mode.NETCOST ? ours : 0, spun, jitSeconds(text), jitMethods(text, "C1"),
                            jitMethods(text, "C2"));
                }
            } finally {
                HeapProbe.delete(sources);
            }
        }
        System.out.println("netcost's: classes read from netcost's processor path (netcost, its DSL, JavaPoet);"
                + " spun: classes made at run\ntime (lambdas, method handles); JIT: the compiler threads' time and"
                + " the methods C1 and C2 compiled.");
    }

    /** Whether a line of the class loading log is a class read from netcost's processor path. */
    private boolean fromNetcostsPath(String line) {
        for (String entry : netcostPath.split(File.pathSeparator)) {
            if (line.contains("source: file:" + Path.of(entry).toAbsolutePath())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern JIT_TOTAL = Pattern.compile("Total compilation time\\s*:\\s*([0-9.]+) s");

    private static String jitSeconds(String text) {
        Matcher m = JIT_TOTAL.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static String jitMethods(String text, String compiler) {
        Matcher m = Pattern.compile("  " + compiler + " \\{[^}]*?standard:\\s*[0-9.]+ s, \\d+ bytes, (\\d+) methods")
                .matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * {@code mvn compile} of the samples module, with netcost and without it (profile {@code
     * without-netcost}: {@code -proc:none}, and {@code Main}, which reads the companions, left out),
     * alternating, its compiled classes removed before each; medians of CPU and wall time.
     */
    void maven(int runs) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        if (home == null) {
            System.out.println("\nmvn compile: skipped, maven.home is not set (run the benchmark through Maven).");
            return;
        }
        Path mvn = Path.of(home, "bin", "mvn");
        List<String> with = List.of(mvn.toString(), "-B", "-ntp", "-o", "-q", "-pl", "dsl,processor,samples",
                "compile");
        List<String> without = new ArrayList<>(with);
        without.add("-Pwithout-netcost");
        long[][] cpu = new long[2][runs];
        long[][] wall = new long[2][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < 2; k++) {
                for (String generated : List.of("classes", "generated-sources", "maven-status")) {
                    HeapProbe.delete(Path.of("samples", "target", generated));
                }
                Run run = time(new ProcessBuilder(k == 0 ? without : with), null);
                cpu[k][i] = run.cpu();
                wall[k][i] = run.wall();
            }
        }
        long cpuWithout = CompileBenchmark.median(cpu[0]);
        long wallWithout = CompileBenchmark.median(wall[0]);
        long cpuWith = CompileBenchmark.median(cpu[1]);
        long wallWith = CompileBenchmark.median(wall[1]);
        System.out.printf("%nmvn compile of the samples module (44 networks), %d runs each alternating, medians:%n"
                + "  without netcost: CPU %s s, wall %s s%n  with netcost:    CPU %s s, wall %s s; ratio CPU %.2f,"
                + " wall %.2f%n", runs, seconds(cpuWithout), seconds(wallWithout), seconds(cpuWith), seconds(wallWith),
                (double) cpuWith / cpuWithout, (double) wallWith / wallWithout);
    }

    /** netcost's companions for the case, in a folder of {@code dir}, for the copying processor. */
    private void writeCompanions(List<String> files, Path dir) throws IOException, InterruptedException {
        companions = dir.resolve("companions");
        Files.createDirectories(companions);
        compile(Mode.NETCOST, files, List.of("-s", companions.toString()));
    }

    private Run compile(Mode mode, List<String> files, List<String> extra) throws IOException, InterruptedException {
        return compile(mode, files, extra, null);
    }

    private Run compile(Mode mode, List<String> files, List<String> extra, Path output)
            throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("netcost-cold-out");
        try {
            List<String> command = new ArrayList<>(List.of(javac.toString()));
            command.addAll(List.of("-cp", dsl, "-d", out.toString()));
            if (!extra.contains("-s")) {
                command.addAll(List.of("-s", out.toString()));
            }
            command.addAll(extra);
            switch (mode) {
                case PLAIN -> command.add("-proc:none");
                case EMPTY_CLASS -> command.addAll(List.of("-processorpath", emptyPath, "-processor",
                        OneEmptyClassProcessor.class.getName()));
                case COMPANION_COPY -> command.addAll(List.of("-processorpath", emptyPath, "-processor",
                        CompanionCopyProcessor.class.getName(),
                        "-A" + CompanionCopyProcessor.FOLDER + "=" + companions));
                case NETCOST -> command.addAll(List.of("-processorpath", netcostPath));
            }
            command.addAll(files);
            return time(new ProcessBuilder(command), output);
        } finally {
            HeapProbe.delete(out);
        }
    }

    /** Runs the process to its end, its output to {@code output} (or discarded), and times it. */
    private static Run time(ProcessBuilder builder, Path output) throws IOException, InterruptedException {
        builder.redirectErrorStream(true).redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.to(output.toFile()));
        OptionalLong cpuBefore = ChildCpu.nanos();
        long start = System.nanoTime();
        Process process = builder.start();
        int code = process.waitFor();
        long wall = System.nanoTime() - start;
        OptionalLong cpuAfter = ChildCpu.nanos();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited with " + code);
        }
        long cpu = cpuBefore.isPresent() && cpuAfter.isPresent() ? cpuAfter.getAsLong() - cpuBefore.getAsLong() : 0;
        return new Run(cpu, wall);
    }

    /** The case's sources as files: those read from the samples where they are, the others written to {@code dir}. */
    private static List<String> write(Case c, Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        for (Case.Source source : c.sources()) {
            Path path = Path.of(source.path());
            if (!Files.isRegularFile(path)) {
                path = dir.resolve(source.path());
                Files.createDirectories(path.getParent());
                Files.writeString(path, source.text());
            }
            files.add(path.toString());
        }
        return files;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }


    private static String seconds(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }
}
