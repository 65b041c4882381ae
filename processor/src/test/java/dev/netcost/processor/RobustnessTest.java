package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.netcost.processor.infer.NetworkInference;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor never takes javac down, and never writes a companion for a broken network. */
class RobustnessTest {
    private static final NetworkSource BROKEN = NetworkSource.of("com.example.Broken", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 32, 32})
            class Broken {
                @ReLU Layer relu;
            }
            """);
    private static final NetworkSource FINE = NetworkSource.of("com.example.Fine", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 32, 32})
            class Fine {
                @ReLU Layer relu;
            }
            """);

    /** A bug in a stage is an error on the network with the trace, as AutoValue reports one; other networks go on. */
    @Test
    void anUnexpectedExceptionBecomesAnErrorOnTheNetwork() {
        NetworkProcessor failingOnBroken = new NetworkProcessor(decl -> {
            if (decl.name().equals("Broken")) {
                throw new IllegalStateException("a bug planted by the test");
            }
            return NetworkInference.analyze(decl);
        });
        Compilation compilation = javac().withProcessors(failingOnBroken).compile(BROKEN.file(), FINE.file());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[netcost:internal] netcost failed on Broken. This is a bug in netcost; please"
                        + " report it with this trace:\n  java.lang.IllegalStateException: a bug planted by the test")
                .inFile(BROKEN.file())
                .onLine(BROKEN.at("class Broken").line());
        assertThat(compilation).hadErrorContaining("at dev.netcost.processor.NetworkProcessor");
    }

    /**
     * With javac's real output directories (compile-testing hides generated files of a failed
     * compilation): the valid network's companion is written, the broken one's is not.
     */
    @Test
    void nothingIsGeneratedForANetworkWithErrors(@TempDir Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("generated"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        NetworkSource broken = NetworkSource.of("com.example.Broken",
                BROKEN.text().replace("@ReLU Layer relu;", "@Conv(out = 8, kernel = 3, groups = 3) Layer conv;"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter output = new StringWriter();
        JavaCompiler.CompilationTask task = compiler.getTask(output, null, null,
                List.of("-proc:only", "-s", sources.toString(), "-d", classes.toString(),
                        "-classpath", System.getProperty("java.class.path")),
                null, List.of(broken.file(), FINE.file()));
        task.setProcessors(List.of(new NetworkProcessor()));
        boolean succeeded = task.call();

        assertThat(succeeded).isFalse();
        assertThat(output.toString()).contains("[netcost:channels] conv on input (3, 32, 32): groups = 3");
        assertThat(Files.exists(sources.resolve("com/example/FineCost.java"))).isTrue();
        assertThat(Files.exists(sources.resolve("com/example/BrokenCost.java"))).isFalse();
    }

    /** netcost claims its annotations, so javac's processing lint has nothing to say about them. */
    @Test
    void claimsItsAnnotations() {
        Compilation compilation = javac().withOptions("-Xlint:processing").withProcessors(new NetworkProcessor())
                .compile(FINE.file());
        assertThat(compilation).succeeded();
        for (var warning : compilation.warnings()) {
            assertThat(warning.getMessage(null)).doesNotContain("dev.netcost");
        }
    }

    /** Generating twice gives the same bytes: no time, no hash order. */
    @Test
    void outputIsTheSameEveryTime() {
        String first = generated(FINE);
        String second = generated(FINE);
        assertThat(first).isEqualTo(second);
        assertThat(first).doesNotContain("date");
        assertThat(first).contains("@Generated(\"dev.netcost.processor.NetworkProcessor\")");
    }

    /**
     * Blocks, branches and all three reports: two builds write the same bytes in every file,
     * sources and resources alike.
     */
    @Test
    void everyFileIsTheSameEveryTime() throws IOException {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {8, 8, 8})
                class Net {
                    @Res(out = 8) @Repeat(3) Layer stage;
                    @Conv(out = 16, kernel = 1, bias = false) @From("stage") Layer side;
                    @Concat({"stage", "side"}) Layer cat;
                }
                """);
        java.util.Map<String, String> first = files(Compilations.compile(BlockDiagnosticsTest.RES, net));
        java.util.Map<String, String> second = files(Compilations.compile(BlockDiagnosticsTest.RES, net));
        assertThat(first.keySet()).containsAtLeast("/SOURCE_OUTPUT/com/example/NetCost.java",
                "/CLASS_OUTPUT/META-INF/netcost/com.example.Net.json", "/CLASS_OUTPUT/META-INF/netcost/com.example.Net.md",
                "/CLASS_OUTPUT/META-INF/netcost/com.example.Net.dot");
        assertThat(second).isEqualTo(first);
    }

    /** Every generated file but class files, by path. */
    private static java.util.Map<String, String> files(Compilation compilation) throws IOException {
        assertThat(compilation).succeededWithoutWarnings();
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (javax.tools.JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != javax.tools.JavaFileObject.Kind.CLASS) {
                files.put(file.toUri().getPath(), file.getCharContent(false).toString());
            }
        }
        return files;
    }

    private static String generated(NetworkSource source) {
        Compilation compilation = javac().withProcessors(new NetworkProcessor()).compile(source.file());
        assertThat(compilation).succeededWithoutWarnings();
        try {
            return compilation.generatedSourceFile("com.example.FineCost").orElseThrow()
                    .getCharContent(false).toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
