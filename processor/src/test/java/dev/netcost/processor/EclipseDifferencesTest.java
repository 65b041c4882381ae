package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What netcost sees differently on ECJ, which offers no source trees ({@code com.sun.source}):
 * a local network goes unseen; a misspelt layer annotation is seen all the same, through its
 * error type. The README's "Eclipse, VS Code and ECJ" says so; when a test here fails, ECJ or
 * netcost changed, and the README must follow.
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
     * javac 17 leaves an annotation it cannot resolve out of the field's mirrors, where netcost
     * finds it in the source tree; ECJ, like javac 25, keeps it among the mirrors as an error
     * type. On both netcost analyses nothing and says so beside the compiler's own error, rather
     * than read the network without {@code conv2}.
     */
    @Test
    void aMisspeltLayerAnnotationStopsTheAnalysisOnBoth(@TempDir Path dir) {
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
        String unresolved = "[netcost:unresolved] Net: javac could not resolve the annotation @Cnov on conv2, so"
                + " netcost analysed nothing and wrote no NetCost; fix javac's error there";
        Compilation onJavac = Compilations.compileWith(List.of("-Anetcost.print=true"), net);
        assertThat(onJavac).hadErrorContaining(unresolved);
        assertThat(onJavac.notes()).isEmpty();

        Compilation onEcj = EclipseCompilations.ecj().withProcessors(new NetworkProcessor())
                .withOptions("--release", "17", "-Anetcost.print=true")
                .compile(EclipseCompilations.onDisk(dir, List.of(net)));
        assertThat(onEcj).hadErrorCount(2);
        assertThat(onEcj).hadErrorContaining("Cnov cannot be resolved to a type").inFile(EclipseCompilations.file(
                dir.resolve("com/example/Net.java"))).onLine(8).atColumn(6);
        assertThat(onEcj).hadErrorContaining(unresolved).inFile(EclipseCompilations.file(
                dir.resolve("com/example/Net.java"))).onLine(5);
        assertThat(onEcj.notes()).isEmpty();
    }
}
