package dev.netcost.benchmark;

import dev.netcost.processor.NetworkProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The smallest heap that compiles a case: javac run in a JVM of its own for each try, as a build
 * runs it (the JVM's default collector, the classes, generated sources and reports written to a
 * folder), with its {@code -Xmx} narrowed down by halves. What a compile needs at its peak, where
 * the in-process figures would be blurred by the benchmark's own heap.
 */
final class HeapProbe {
    /** No compile of the cases needs more; a case that does is reported as needing more. */
    private static final int MAX_MB = 2048;

    private HeapProbe() {}

    /**
     * In the JVM of one try: compiles the case named {@code args[1]} in mode {@code args[0]} and
     * exits with 0 if it compiled, 1 if not (an {@link OutOfMemoryError} included).
     */
    public static void main(String[] args) {
        Compiler.Mode mode = Compiler.Mode.valueOf(args[0]);
        Case c = CompileBenchmark.cases().stream().filter(k -> k.name().equals(args[1])).findFirst().orElseThrow();
        boolean ok;
        try {
            ok = compile(c, mode);
        } catch (Throwable e) {
            ok = false;
        }
        System.exit(ok ? 0 : 1);
    }

    /**
     * The smallest {@code -Xmx}, in MB and to within {@code stepMb}, with which javac compiles
     * {@code c} in {@code mode}; {@code -1} if {@value #MAX_MB} MB do not suffice.
     */
    static int smallestHeapMb(Case c, Compiler.Mode mode, int stepMb) throws IOException, InterruptedException {
        if (!compiles(c, mode, MAX_MB)) {
            return -1;
        }
        int fails = 0;
        int passes = MAX_MB;
        while (passes - fails > stepMb) {
            int mid = (fails + passes) / 2;
            if (compiles(c, mode, mid)) {
                passes = mid;
            } else {
                fails = mid;
            }
        }
        return passes;
    }

    private static boolean compiles(Case c, Compiler.Mode mode, int heapMb) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-classpath", System.getProperty("java.class.path"), HeapProbe.class.getName(),
                mode.name(), c.name())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor() == 0;
    }

    private static boolean compile(Case c, Compiler.Mode mode) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("netcost-heap-probe");
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", out.toString(), "-s", out.toString(), "-nowarn", "-Xlint:none"));
            if (mode == Compiler.Mode.PLAIN) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null, Compiler.units(c));
            if (mode == Compiler.Mode.NETCOST) {
                task.setProcessors(List.of(new NetworkProcessor()));
            } else if (mode == Compiler.Mode.EMPTY_CLASS) {
                task.setProcessors(List.of(new OneEmptyClassProcessor()));
            }
            return task.call();
        } finally {
            delete(out);
        }
    }

    /** Deletes {@code folder} and everything in it, if it is there. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
