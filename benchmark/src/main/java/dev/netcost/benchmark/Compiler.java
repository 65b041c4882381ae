package dev.netcost.benchmark;

import dev.netcost.processor.NetworkProcessor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a {@link Case} in-process with javac, three ways. */
final class Compiler {
    /** How a compile runs. */
    enum Mode {
        /** {@code -proc:none}: javac alone. */
        PLAIN,
        /** A processor that writes one empty class per network: javac's cost of any generating processor. */
        EMPTY_CLASS,
        /** netcost, with its default options (companion class and the JSON, Markdown and DOT reports). */
        NETCOST
    }

    /**
     * One compile's figures.
     *
     * @param processorNanos  time inside the processor's {@code init} and {@code process}
     * @param processorBytes  bytes the processor allocated there
     * @param companions      the generated classes, for loading
     */
    record Result(long nanos, long processorNanos, long processorBytes, List<MemoryFileManager.MemoryFile> classes) {}

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null);
    private final String classPath = System.getProperty("java.class.path");

    /** The case's sources, as javac reads them. */
    static List<JavaFileObject> units(Case c) {
        List<JavaFileObject> units = new ArrayList<>();
        for (Case.Source source : c.sources()) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + source.path()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source.text();
                }
            });
        }
        return units;
    }

    Result compile(Case c, Mode mode) {
        List<JavaFileObject> units = units(c);
        List<String> options = new ArrayList<>(List.of("-classpath", classPath, "-nowarn", "-Xlint:none"));
        if (mode == Mode.PLAIN) {
            options.add("-proc:none");
        }
        MemoryFileManager memory = new MemoryFileManager(files);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task = javac.getTask(null, memory, diagnostics, options, null, units);
        TimedProcessor timed = null;
        if (mode != Mode.PLAIN) {
            Processor processor = mode == Mode.NETCOST ? new NetworkProcessor() : new OneEmptyClassProcessor();
            timed = new TimedProcessor(processor);
            task.setProcessors(List.of(timed));
        }
        long start = System.nanoTime();
        boolean ok = task.call();
        long nanos = System.nanoTime() - start;
        if (!ok) {
            throw new IllegalStateException(c.name() + " does not compile: " + diagnostics.getDiagnostics());
        }
        return new Result(nanos, timed == null ? 0 : timed.nanos(), timed == null ? 0 : timed.allocatedBytes(),
                memory.classes());
    }
}
