package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * netcost across javac's rounds: a network whose values javac cannot resolve yet is deferred to
 * the next round (a constant another processor generates), and reported on the last round if it
 * never resolves; a misspelt layer annotation stops the analysis instead of dropping the layer.
 */
class ProcessingRoundsTest {
    /** Writes {@code com.example.Widths} in the first round, as a processor that generates constants would. */
    private static FirstRoundGenerator widthsGenerator() {
        return new FirstRoundGenerator("com.example.Widths", "package com.example;\n\npublic final class Widths {\n"
                + "    public static final int OUT = 16;\n    private Widths() {}\n}\n");
    }

    private static final NetworkSource READS_A_GENERATED_CONSTANT = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 8, 8})
            class Net {
                @Conv(out = Widths.OUT, kernel = 3, groups = 5) Layer conv;
            }
            """);

    /**
     * In the first round {@code Widths.OUT} does not exist yet: the network is deferred, and
     * read in the second round, where its mistake is found on its value.
     */
    @Test
    void aNetworkIsReadOnceTheConstantItNeedsIsGenerated() {
        Compilation compilation = javac().withProcessors(widthsGenerator(), new NetworkProcessor())
                .compile(READS_A_GENERATED_CONSTANT.file());
        Compilations.assertOnlyError(compilation, READS_A_GENERATED_CONSTANT, "conv on input (3, 8, 8):"
                + " groups = 5 does not divide out = 16", READS_A_GENERATED_CONSTANT.at("groups = 5", "5"));
    }

    @Test
    void aDeferredNetworkGetsItsCompanion() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(out = Widths.OUT, kernel = 3) Layer conv;
                }
                """);
        Compilation compilation = javac().withProcessors(widthsGenerator(), new NetworkProcessor())
                .compile(src.file());
        assertThat(compilation).succeeded();
        // 16 filters of 3 x 3 x 3 and a bias each: 16 * 27 + 16 = 448.
        assertThat(compilation).generatedSourceFile("com.example.NetCost").contentsAsUtf8String()
                .contains("public static final long PARAMS = 448L;");
    }

    /** Nothing generates the constant: javac says so, and netcost says what it could not write. */
    @Test
    void whatNeverResolvesIsReportedOnTheLastRound() {
        Compilation compilation = compile(READS_A_GENERATED_CONSTANT);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("Widths").inFile(READS_A_GENERATED_CONSTANT.file())
                .onLine(READS_A_GENERATED_CONSTANT.at("Widths.OUT").line());
        NetworkSource.Position network = READS_A_GENERATED_CONSTANT.at("@Network");
        assertThat(compilation).hadErrorContaining("[netcost:unresolved] Net: javac could not resolve the value of out"
                + " on conv, so netcost analysed nothing and wrote no NetCost; fix javac's error there")
                .inFile(READS_A_GENERATED_CONSTANT.file()).onLine(network.line()).atColumn(network.column());
    }

    /** A mistake netcost finds by reading is still reported beside what javac could not resolve. */
    @Test
    void aNetworkThatNeverResolvesStillReportsItsOwnMistakes() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(out = WIDTH, kernel = 3) Layer conv;
                    @Conv(kernel = 3) Layer conv2;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[netcost:missing] conv2: @Conv needs out").inFile(src.file())
                .onLine(src.at("@Conv(kernel").line()).atColumn(src.at("@Conv(kernel").column());
        assertThat(compilation).hadErrorContaining("[netcost:unresolved] Net: javac could not resolve the value of out"
                + " on conv");
    }

    /**
     * {@code @Cnov} hides a layer that turns 8 channels into 6; read without it, {@code conv3}'s
     * {@code groups = 3} would be a false error on 8 channels. javac's error on the annotation and
     * netcost's one line about the network are all there is.
     */
    @Test
    void aMisspeltLayerAnnotationStopsTheAnalysis() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(out = 8, kernel = 3) Layer conv;
                    @Cnov(out = 6, kernel = 1) Layer conv2;
                    @Conv(out = 6, kernel = 1, groups = 3) Layer conv3;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("Cnov").inFile(src.file()).onLine(src.at("@Cnov").line());
        assertThat(compilation).hadErrorContaining("[netcost:unresolved] Net: javac could not resolve the annotation"
                + " @Cnov on conv2").inFile(src.file()).onLine(src.at("@Network").line());
        compilation.errors().forEach(e -> assertThat(e.getMessage(null)).doesNotContain("groups"));
        compilation.diagnostics().forEach(d -> assertThat(d.getKind()).isNotEqualTo(Diagnostic.Kind.WARNING));
    }

    /** An annotation javac cannot resolve on a field that is no layer is none of netcost's business. */
    @Test
    void aMisspeltAnnotationOnAnotherFieldIsJavacsAlone() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @Nulable static String label;
                    @Conv(out = 8, kernel = 3) Layer conv;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Nulable");
    }
}
