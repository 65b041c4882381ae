package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What netcost does not see on ECJ: two things it finds only in javac's source trees
 * ({@code com.sun.source}), which ECJ does not offer. The README's "Eclipse, VS Code and ECJ"
 * lists them; when a test here fails, ECJ or netcost changed, and the README must follow.
 */
class EclipseDifferencesTest {
    /**
     * Neither compiler shows a processor a class declared inside a method; on javac netcost finds
     * it in the source tree, on ECJ the local network compiles unchecked.
     */
    @Test
    void aLocalNetworkIsNotReported(@TempDir Path dir) {
        DiagnosticsCatalogueTest.Case local = EclipseDiagnosticsCatalogueTest.named(
                EclipseDiagnosticsCatalogueTest.LOCAL_NETWORK);
        assertThat(Compilations.compile(local.sources().toArray(NetworkSource[]::new)))
                .hadErrorContaining(local.message());
        assertThat(EclipseDiagnosticsCatalogueTest.compile(dir, local.sources())).succeededWithoutWarnings();
    }

    /**
     * Both compilers leave an annotation they cannot resolve out of the field's mirrors. On javac
     * netcost sees it in the source tree and analyses nothing; on ECJ only ECJ's own error says
     * so, and netcost analyses the network as if the field had no layer: its summary has
     * {@code conv1} and {@code relu}, and no {@code conv2}.
     */
    @Test
    void aMisspeltLayerAnnotationReadsAsAFieldWithoutALayer(@TempDir Path dir) {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(out = 8, kernel = 1) Layer conv1;
                    @Cnov(out = 6, kernel = 1) Layer conv2;
                    @ReLU Layer relu;
                }
                """);
        Compilation onJavac = Compilations.compileWith(List.of("-Anetcost.print=true"), net);
        assertThat(onJavac).hadErrorContaining("[netcost:unresolved]");
        assertThat(onJavac.notes()).isEmpty();

        Compilation onEcj = EclipseCompilations.ecj().withProcessors(new NetworkProcessor())
                .withOptions("--release", "17", "-Anetcost.print=true")
                .compile(EclipseCompilations.onDisk(dir, List.of(net)));
        assertThat(onEcj).hadErrorCount(1);
        assertThat(onEcj).hadErrorContaining("Cnov cannot be resolved to a type").inFile(EclipseCompilations.file(
                dir.resolve("com/example/Net.java"))).onLine(8).atColumn(6);
        assertThat(onEcj.notes()).hasSize(1);
        String summary = onEcj.notes().get(0).getMessage(null);
        List<String> layers = summary.lines().filter(l -> l.matches("[a-z]+[0-9]* .*")).map(l -> l.split(" ")[0])
                .toList();
        assertThat(layers).containsExactly("conv1", "relu").inOrder();
    }
}
