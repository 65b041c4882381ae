package dev.netcost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Layer;
import dev.netcost.processor.NetworkProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the README says {@code -Xlint:all,-processing}: a block is an annotation type of the user's
 * own, which netcost cannot list among the annotations it supports, so javac's "processing" lint
 * warns that no processor claimed it, and -Werror makes that an error. The consumer's sources,
 * compiled by javac with netcost, with and without that lint.
 */
class ProcessingLintTest {
    private static final Path SOURCES = Path.of("src", "it", "readme-consumer", "src", "main", "java");

    @TempDir
    Path out;

    @Test
    void xlintAllWarnsThatNoProcessorClaimedTheBlock() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compile("-Xlint:all", "-Werror");

        List<String> messages = diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT)).toList();
        // javac 9 and later name the module first: "/" for a class in the unnamed module.
        assertEquals(List.of("WARNING: No processor claimed any of these annotations: /com.example.Residual",
                "ERROR: warnings found and -Werror specified"), messages);
    }

    @Test
    void xlintAllButProcessingIsClean() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compile("-Xlint:all,-processing", "-Werror");

        assertEquals(List.of(), diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList());
        assertTrue(Files.isRegularFile(out.resolve("com/example/TinyNetCost.class")), "no companion was compiled");
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String... lint) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            sources = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
        Path dsl = Path.of(Layer.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = Stream.concat(Stream.of("--release", "17", "-classpath", dsl.toString(),
                    "-d", out.toString(), "-s", out.toString()), Stream.of(lint)).toList();
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new NetworkProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics();
    }
}
