package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.EclipseCompilations.ecj;
import static dev.netcost.processor.EclipseCompilations.onDisk;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @SuppressWarnings("netcost:...")} on ECJ. ECJ honours it as javac does: netcost reads
 * the annotation itself. But ECJ checks every {@code @SuppressWarnings} string against its own
 * list of tokens and warns "Unsupported @SuppressWarnings" for any other, whatever its form (no
 * prefix or spelling escapes it); javac stays silent. ECJ's setting for that warning,
 * {@code org.eclipse.jdt.core.compiler.problem.unhandledWarningToken}, silences it: {@code ignore}
 * in a properties file, or {@code -warn:-warningToken} on the command line. The README's
 * "Eclipse, VS Code and ECJ" says so.
 */
class EclipseSuppressionTest {
    private static final String UNHANDLED_TOKEN_IGNORED =
            "org.eclipse.jdt.core.compiler.problem.unhandledWarningToken=ignore\n";

    /** A bias before a norm, the lint suppressed on the field; and an unused import, which ECJ warns about. */
    private static final NetworkSource SUPPRESSED = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 8, 8})
            class Net {
                @SuppressWarnings("netcost:bias-before-norm")
                @Conv(out = 16, kernel = 3, bias = true) Layer conv;
                @BatchNorm Layer bn;
            }
            """);

    private static final NetworkSource UNSUPPRESSED = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;
            import java.util.List;

            @Network(input = {3, 8, 8})
            class Net {
                @Conv(out = 16, kernel = 3, bias = true) Layer conv;
                @BatchNorm Layer bn;
            }
            """);

    private static Compilation compile(Path dir, NetworkSource source, String... options) {
        List<String> all = new ArrayList<>(List.of("--release", "17", "-Anetcost.reports=none"));
        all.addAll(List.of(options));
        return ecj().withProcessors(new NetworkProcessor()).withOptions(all).compile(onDisk(dir.resolve("src"),
                List.of(source)));
    }

    /**
     * ECJ's one warning is on the string: line 7, after four spaces and the 18 characters of
     * {@code @SuppressWarnings(}, so at column 23. netcost's lint is silenced.
     */
    @Test
    void ecjHonoursTheSuppressionAndWarnsAboutItsToken(@TempDir Path dir) {
        Compilation compilation = compile(dir, SUPPRESSED);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        Diagnostic<? extends JavaFileObject> warning = compilation.warnings().get(0);
        assertThat(warning.getMessage(null)).isEqualTo("Unsupported @SuppressWarnings(\"netcost:bias-before-norm\")");
        assertThat(warning.getLineNumber()).isEqualTo(7);
        assertThat(warning.getColumnNumber()).isEqualTo(23);
    }

    @Test
    void warnOffWarningTokenSilencesIt(@TempDir Path dir) {
        assertThat(compile(dir, SUPPRESSED, "-warn:-warningToken")).succeededWithoutWarnings();
    }

    /** The key Eclipse keeps in a project's {@code .settings/org.eclipse.jdt.core.prefs}, read by ECJ's -properties. */
    @Test
    void unhandledWarningTokenIgnoreSilencesIt(@TempDir Path dir) throws IOException {
        Path prefs = dir.resolve("org.eclipse.jdt.core.prefs");
        Files.writeString(prefs, "eclipse.preferences.version=1\n" + UNHANDLED_TOKEN_IGNORED);
        assertThat(compile(dir, SUPPRESSED, "-properties", prefs.toString())).succeededWithoutWarnings();
    }

    /**
     * The setting silences only that warning, given either way: netcost's lint still fires (on
     * {@code bias}, line 8, column 33: four spaces and the 28 characters of
     * {@code @Conv(out = 16, kernel = 3, }), and so does ECJ's own warning about the unused import
     * on line 4, as without it.
     */
    @Test
    void theSettingLeavesEveryOtherWarning(@TempDir Path dir) throws IOException {
        Path prefs = dir.resolve("org.eclipse.jdt.core.prefs");
        Files.writeString(prefs, "eclipse.preferences.version=1\n" + UNHANDLED_TOKEN_IGNORED);
        List<List<String>> settings = List.of(List.of("-warn:-warningToken"), List.of("-properties",
                prefs.toString()), List.of());
        for (int i = 0; i < settings.size(); i++) {
            Path run = dir.resolve("run" + i);
            Compilation compilation = compile(run, UNSUPPRESSED, settings.get(i).toArray(String[]::new));
            assertThat(compilation).succeeded();
            assertThat(compilation).hadWarningCount(2);
            assertThat(compilation).hadWarningContaining("[netcost:bias-before-norm] conv: the bias is wasted")
                    .inFile(EclipseCompilations.file(run.resolve("src/com/example/Net.java"))).onLine(8).atColumn(33);
            assertThat(compilation).hadWarningContaining("The import java.util.List is never used")
                    .inFile(EclipseCompilations.file(run.resolve("src/com/example/Net.java"))).onLine(4);
        }
    }
}
