package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.EclipseCompilations.ecj;
import static dev.netcost.processor.EclipseCompilations.ecjPosition;
import static dev.netcost.processor.EclipseCompilations.onDisk;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DiagnosticsCatalogueTest}'s catalogue of mistakes on ECJ: each case gives the same one
 * error, with the same message, in the same file and on the same line as on javac. The column
 * differs where the error is on an attribute's value: ECJ underlines the attribute's name
 * ({@code groups} of {@code groups = 2}), javac the value. The one case ECJ cannot give, the
 * network in a local class, is in {@link EclipseDifferencesTest}.
 */
class EclipseDiagnosticsCatalogueTest {
    static final String LOCAL_NETWORK = "a local network";

    /**
     * Mistakes on a value inside an op's nested {@code @CustomOp.Check} or one item of its
     * {@code shape}: ECJ places them on the element that holds them ({@code UserOpEclipseTest}).
     */
    static final java.util.Set<String> NESTED_VALUES = java.util.Set.of("a user op's check on an attribute it lacks",
            "a user op's check on an attribute when it has none", "a user op reading the output in its shape",
            "a user op reading dim without one index");

    /**
     * Mistakes about one device of {@code @Roofline} or {@code @Budget(device, customDevice)}: javac
     * places them on the item that names it ({@code .APPLE_M2} of {@code Hardware.APPLE_M2}); ECJ,
     * which cannot place an array's item, on the element that holds it: its name, or the start of
     * the value where no name is written ({@code @Roofline(Hardware.APPLE_M2)}). Each with the
     * context and target of ECJ's place ({@link ArrayItemEclipseTest}).
     */
    static final java.util.Map<String, List<String>> ARRAY_ITEMS = java.util.Map.of(
            "a roofline device that declares none", List.of("custom = Plain.class", "custom"),
            "a roofline device that is no class", List.of("custom = int.class", "custom"),
            "a device without the network's peak", List.of("(Hardware.APPLE_M2)", "Hardware"),
            "a device of yours without the network's peak", List.of("custom = Bench.class", "custom"),
            "a device named twice", List.of("({Hardware.L4,", "{"),
            "a budgeted device the roofline does not list", List.of("device = Hardware.H100_SXM", "device"),
            "budgeted devices without a time limit", List.of("device = Hardware.L4", "device"),
            "two devices of one constant stem", List.of("custom = JetsonOrinNano.class", "custom"),
            "a device too slow for a long of nanoseconds", List.of("custom = Slow.class", "custom"));

    static Stream<DiagnosticsCatalogueTest.Case> cases() {
        return DiagnosticsCatalogueTest.cases().stream().filter(c -> !c.name().equals(LOCAL_NETWORK))
                .filter(c -> !NESTED_VALUES.contains(c.name())).filter(c -> !ARRAY_ITEMS.containsKey(c.name()));
    }

    static Compilation compile(Path dir, List<NetworkSource> sources) {
        return ecj().withProcessors(new NetworkProcessor()).withOptions("--release", "17", "-Anetcost.reports=none")
                .compile(onDisk(dir, sources));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMistakeIsOneErrorOnTheSameLine(DiagnosticsCatalogueTest.Case c, @TempDir Path dir) {
        Compilation compilation = compile(dir, c.sources());
        NetworkSource file = c.sources().get(c.sources().size() - 1);
        NetworkSource.Position at = ecjPosition(file, c.context(), c.target());
        assertThat(at.line()).isEqualTo(file.at(c.context(), c.target()).line());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(c.message()).inFile(EclipseCompilations.file(
                dir.resolve(file.qualifiedName().replace('.', '/') + ".java"))).onLine(at.line()).atColumn(at.column());
    }

    /**
     * The difference, counted by hand on the catalogue's case: {@code groups} starts after four
     * spaces and the 27 characters of {@code @Conv(out = 8, kernel = 3, }, so at column 32; its
     * value {@code 2} nine characters later, at 41. ECJ's diagnostic spans the name, its last
     * character included.
     */
    @Test
    void ecjUnderlinesTheAttributeNameWhereJavacUnderlinesTheValue(@TempDir Path dir) {
        DiagnosticsCatalogueTest.Case groups = named("conv groups not dividing the input channels");
        NetworkSource net = groups.sources().get(0);
        assertThat(net.text()).contains("\n    @Conv(out = 8, kernel = 3, groups = 2) Layer conv;\n");
        Compilation onJavac = Compilations.compile(net);
        assertThat(onJavac).hadErrorContaining(groups.message()).inFile(net.file()).onLine(7).atColumn(41);

        Compilation onEcj = compile(dir, List.of(net));
        assertThat(onEcj).hadErrorCount(1);
        Diagnostic<? extends JavaFileObject> error = onEcj.errors().get(0);
        assertThat(error.getMessage(null)).isEqualTo(groups.message());
        assertThat(error.getLineNumber()).isEqualTo(7);
        assertThat(error.getColumnNumber()).isEqualTo(32);
        assertThat(net.text().substring((int) error.getStartPosition(), (int) error.getEndPosition() + 1))
                .isEqualTo("groups");
        assertThat(ecjPosition(net, "groups = 2", "2")).isEqualTo(new NetworkSource.Position(7, 32));
    }

    static DiagnosticsCatalogueTest.Case named(String name) {
        return DiagnosticsCatalogueTest.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
