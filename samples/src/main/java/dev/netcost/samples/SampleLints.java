package dev.netcost.samples;

import dev.netcost.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * netcost's warnings on the samples' sources, as javac prints them. {@code mvn -q} hides the
 * build's own warnings, and an up-to-date build prints none, so javac runs again here, with
 * netcost and {@code -proc:only}: it checks, and its output goes to a scratch directory.
 */
final class SampleLints {
    private SampleLints() {}

    /** Each warning netcost gives on the sources under {@code sources}, as javac's three lines. */
    static List<String> of(Path sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no javac in this Java runtime: run the samples on a JDK");
        }
        List<Processor> processors = new ArrayList<>();
        ServiceLoader.load(Processor.class, SampleLints.class.getClassLoader()).forEach(processors::add);
        if (processors.isEmpty()) {
            throw new IllegalStateException("netcost's processor is not on the class path");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path scratch = null;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            scratch = Files.createTempDirectory("netcost-samples");
            List<String> options = List.of("-proc:only", "-Anetcost.reports=none", "-classpath", dslJar().toString(),
                    "-s", scratch.toString(), "-d", scratch.toString());
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles(sources)));
            task.setProcessors(processors);
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(scratch);
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(Locale.ROOT).startsWith("[netcost:"))
                .map(SampleLints::asJavacPrintsIt)
                .toList();
    }

    /** {@code file:line: warning: message}, the source line, and a caret under the column. */
    private static String asJavacPrintsIt(Diagnostic<? extends JavaFileObject> warning) {
        Path file = Path.of(warning.getSource().toUri());
        String line;
        try {
            line = Files.readAllLines(file).get((int) warning.getLineNumber() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.relative(file) + ":" + warning.getLineNumber() + ": warning: " + warning.getMessage(Locale.ROOT)
                + "\n" + line + "\n" + " ".repeat((int) warning.getColumnNumber() - 1) + "^";
    }

    private static Path dslJar() {
        try {
            return Path.of(Layer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> javaFiles(Path sources) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
