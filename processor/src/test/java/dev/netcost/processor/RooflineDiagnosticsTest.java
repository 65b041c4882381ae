package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader says of {@code @Roofline}, {@code @CustomDevice} and {@code @Budget}'s devices beyond
 * the catalogue's one case per message: where a figure's mistake goes when the device comes from a
 * class file, NaN and infinities, several mistakes at once, a device two networks share, a class
 * javac cannot resolve, a misplaced {@code @Roofline}.
 */
class RooflineDiagnosticsTest {
    private static NetworkSource net(String annotations) {
        return NetworkSource.example("Net", annotations + "\n@Network(input = {8})\nclass Net {\n"
                + "    @Linear(out = 4) Layer fc;\n}\n");
    }

    @Test
    void notANumberAndInfinitiesAreNoFigures() {
        NetworkSource src = NetworkSource.example("Net", "@CustomDevice(name = \"Bench\", float32FlopsPerSecond = 1e10,"
                + " float16FlopsPerSecond = Double.NaN, memoryBytesPerSecond = Double.POSITIVE_INFINITY)\n"
                + "class Bench {}\n\n@Roofline(custom = Bench.class)\n@Network(input = {8})\nclass Net {\n"
                + "    @Linear(out = 4) Layer fc;\n}\n");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, src, "[netcost:roofline] Bench: @CustomDevice(float16FlopsPerSecond = NaN) is no"
                + " peak", src.at("Double.NaN", ".NaN"));
        assertError(compilation, src, "[netcost:roofline] Bench: @CustomDevice(memoryBytesPerSecond = Infinity):",
                src.at("Double.POSITIVE_INFINITY", ".POSITIVE_INFINITY"));
    }

    /** A device used by two networks is one declaration: its mistake is said once. */
    @Test
    void aDeviceTwoNetworksNameIsCheckedOnce() {
        NetworkSource bench = NetworkSource.example("Bench", "@CustomDevice(name = \"Bench\","
                + " float32FlopsPerSecond = 1e10, memoryBytesPerSecond = 0)\nclass Bench {}\n");
        NetworkSource a = NetworkSource.example("A", "@Roofline(custom = Bench.class)\n@Network(input = {8})\n"
                + "class A {\n    @Linear(out = 4) Layer fc;\n}\n");
        NetworkSource b = NetworkSource.example("B", "@Roofline(custom = Bench.class)\n@Network(input = {8})\n"
                + "class B {\n    @ReLU Layer relu;\n}\n");
        Compilation compilation = compile(a, b, bench);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, bench, "[netcost:roofline] Bench: @CustomDevice(memoryBytesPerSecond = 0.0)",
                bench.at("= 0)", "0"));
    }

    /**
     * A device from a class file, a library's, has no source to point at: its mistake goes on the
     * {@code @Roofline(custom)} item that names it. Compiled alone, no network names it: no error.
     */
    @Test
    void aDeviceFromAClassFileIsBlamedWhereTheNetworkNamesIt(@TempDir Path classes) throws IOException {
        NetworkSource device = NetworkSource.of("com.example.devices.Board", """
                package com.example.devices;

                import dev.netcost.CustomDevice;

                @CustomDevice(name = "Board", float32FlopsPerSecond = -5, memoryBytesPerSecond = 1e9)
                public class Board {}
                """);
        Compilation library = javac().withProcessors(new NetworkProcessor()).compile(device.file());
        assertThat(library).succeededWithoutWarnings();
        List<File> classpath = GeneratedClasses.classPathWith(library, classes);
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import com.example.devices.Board;
                import dev.netcost.*;

                @Roofline(custom = Board.class)
                @Network(input = {8})
                class Net {
                    @Linear(out = 4) Layer fc;
                }
                """);
        Compilation compilation = javac().withProcessors(new NetworkProcessor()).withClasspath(classpath)
                .withOptions("-Anetcost.reports=none").compile(src.file());
        assertOnlyError(compilation, src, "[netcost:roofline] Board: @CustomDevice(float32FlopsPerSecond = -5.0) is"
                + " no peak", src.at("Board.class", ".class"));
    }

    @Test
    void everyMistakeOfADeviceIsSaid() {
        NetworkSource src = NetworkSource.example("Net", "@CustomDevice(name = \"\", int8OpsPerSecond = -1,"
                + " memoryBytesPerSecond = -2, onChipBytes = -3)\nclass Bench {}\n\n"
                + "@Roofline(custom = Bench.class)\n@Network(input = {8})\nclass Net {\n    @Linear(out = 4) Layer fc;\n}\n");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(4);
        assertError(compilation, src, "Bench: @CustomDevice(name) is blank or holds", src.at("\"\""));
        assertError(compilation, src, "Bench: @CustomDevice(int8OpsPerSecond = -1.0) is no peak", src.at("-1"));
        assertError(compilation, src, "Bench: @CustomDevice(memoryBytesPerSecond = -2.0):", src.at("-2"));
        assertError(compilation, src, "Bench: @CustomDevice(onChipBytes = -3) is below 0", src.at("-3"));
    }

    /**
     * A name with a line break ({@code \n}, U+0085, U+2028), a NUL or another control character, written
     * as an escape in the source: it would break the summary's table, the SVG's XML or the companion.
     */
    @Test
    void aNameOfControlCharactersIsRefused() {
        String figures = ", float32FlopsPerSecond = 1e10, memoryBytesPerSecond = 1e10)\n";
        NetworkSource src = NetworkSource.example("Net", "@CustomDevice(name = \"Bench\\nboard\"" + figures
                + "class A {}\n\n@CustomDevice(name = \"Bench\\u0000\"" + figures + "class B {}\n\n"
                + "@CustomDevice(name = \"Bench\\u2028board\"" + figures + "class C {}\n\n"
                + "@CustomDevice(name = \"Bench\\u0085board\"" + figures + "class D {}\n\n"
                + "@Roofline(custom = {A.class, B.class, C.class, D.class})\n@Network(input = {8})\nclass Net {\n"
                + "    @Linear(out = 4) Layer fc;\n}\n");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(4);
        String message = ": @CustomDevice(name) is blank or holds a line break or another control character; give"
                + " what summaries and reports call the device, on one line, such as \"Jetson Orin NX 16GB\"";
        assertError(compilation, src, "[netcost:roofline] A" + message, src.at("\"Bench\\nboard\""));
        assertError(compilation, src, "[netcost:roofline] B" + message, src.at("\"Bench\\u0000\""));
        assertError(compilation, src, "[netcost:roofline] C" + message, src.at("\"Bench\\u2028board\""));
        assertError(compilation, src, "[netcost:roofline] D" + message, src.at("\"Bench\\u0085board\""));
    }

    /**
     * {@code Roofline}'s Javadoc example, with {@code CustomDevice}'s {@code OrinNx} (a float16 peak
     * only) and a layer in the class: it compiles as the Javadoc writes it, in float16, and its
     * float32 twin is refused for the peak {@code OrinNx} lacks.
     */
    @Test
    void theJavadocExampleCompiles() {
        String example = """
                @CustomDevice(name = "Jetson Orin NX 16GB", float16FlopsPerSecond = 25e12,
                        memoryBytesPerSecond = 102.4e9)
                final class OrinNx {}

                @Roofline(value = Hardware.JETSON_ORIN_NANO, custom = OrinNx.class)
                @Budget(maxInferenceNanos = 33_333_333L) // 30 frames a second, on each of them
                @Network(input = {3, 224, 224}, dtype = DType.FLOAT16) // OrinNx has a float16 peak only
                class EdgeNet {
                    @Conv(out = 8, kernel = 3) Layer conv;
                }
                """;
        assertThat(compile(NetworkSource.example("EdgeNet", example))).succeededWithoutWarnings();
        NetworkSource float32 = NetworkSource.example("EdgeNet", example.replace(", dtype = DType.FLOAT16", ""));
        assertOnlyError(compile(float32), float32, "[netcost:roofline] OrinNx (Jetson Orin NX 16GB) has no peak for"
                + " float32", float32.at("OrinNx.class", ".class"));
    }

    /** A class the budget names that declares no device is said so, rather than missing from @Roofline. */
    @Test
    void aBudgetedClassWithoutCustomDevice() {
        NetworkSource src = net("class Plain {}\n\n@Roofline(Hardware.L4)\n"
                + "@Budget(maxInferenceNanos = 1000L, customDevice = Plain.class)");
        assertOnlyError(compile(src), src, "[netcost:roofline] Plain: @Budget(customDevice) takes classes that"
                + " declare a device, and Plain has no @CustomDevice", src.at("Plain.class", ".class"));
    }

    /** A budgeted device that @Roofline lists once is fine, and one it lists twice is one mistake, in @Roofline. */
    @Test
    void aBudgetOnTheListedDevicesIsQuiet() {
        assertThat(compile(net("@Roofline({Hardware.L4, Hardware.H100_SXM})\n"
                + "@Budget(maxInferenceNanos = 1_000_000L, device = Hardware.H100_SXM)"))).succeededWithoutWarnings();
    }

    /** Every device of the table has a float32 and a float16 peak; only the M2 lacks int8. */
    @Test
    void theTableHasEveryPeakButTheAppleGpusInt8() {
        assertThat(compile(net("@Roofline({Hardware.H100_SXM, Hardware.A100_80GB, Hardware.L4,"
                + " Hardware.JETSON_ORIN_NANO, Hardware.APPLE_M2, Hardware.RASPBERRY_PI_5})"))).succeededWithoutWarnings();
    }

    @Test
    void aRooflineOnAClassThatIsNoNetwork() {
        NetworkSource src = NetworkSource.example("Loose", "@Roofline(Hardware.L4)\nclass Loose {}\n");
        assertOnlyError(compile(src), src, "[netcost:misplaced] Loose: @Roofline applies to a network, and Loose is"
                + " none; annotate it with @Network(input = {...}), or remove @Roofline", src.at("@Roofline"));
    }

    /**
     * A primitive or an array is no class that could declare a device: a mistake on its item, and the
     * other checks of both annotations still run (here L4 named twice).
     */
    @Test
    void aPrimitiveOrAnArrayIsNoDevice() {
        NetworkSource src = net("@Roofline(value = {Hardware.L4, Hardware.L4}, custom = {int.class, String[].class})\n"
                + "@Budget(maxInferenceNanos = 1_000_000L, customDevice = void.class)");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(4);
        assertError(compilation, src, "[netcost:roofline] int: @Roofline(custom) takes classes that declare a device,"
                + " and int is no class; name a class annotated with @CustomDevice(name = \"...\","
                + " memoryBytesPerSecond = ...)", src.at("int.class", ".class"));
        assertError(compilation, src, "[netcost:roofline] String[]: @Roofline(custom) takes classes that declare a"
                + " device, and String[] is no class;", src.at("String[].class", ".class"));
        assertError(compilation, src, "[netcost:roofline] void: @Budget(customDevice) takes classes that declare a"
                + " device, and void is no class;", src.at("void.class", ".class"));
        assertError(compilation, src, "[netcost:roofline] Net: @Roofline names L4 twice", src.at("L4, Hardware.L4}",
                ".L4}"));
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertThat(error.getMessage(null)).doesNotContain("[netcost:unresolved]");
        }
    }

    /** A class javac cannot resolve waits a round, then is javac's error and netcost's unresolved, not a crash. */
    @Test
    void aClassJavacCannotResolve() {
        Compilation compilation = compile(net("@Roofline(custom = Missing.class)"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(compilation).hadErrorContaining("[netcost:unresolved] Net: javac could not resolve the value of"
                + " custom");
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertThat(error.getMessage(null)).doesNotContain("[netcost:internal]");
            assertThat(error.getMessage(null)).doesNotContain("[netcost:roofline]");
        }
    }

    /**
     * Two classes of one simple name are two devices, whose constants would both be {@code ORIN_*}: a
     * constant-clash on {@code @Roofline(custom)} naming both in full, not a companion javac refuses.
     */
    @Test
    void twoDevicesOfOneSimpleNameClash() {
        String figures = "float32FlopsPerSecond = 1e12, memoryBytesPerSecond = 1e11";
        NetworkSource src = NetworkSource.example("Net", "@CustomDevice(name = \"Orin A\", " + figures + ")\n"
                + "class Orin {}\n\nclass Dev {\n    @CustomDevice(name = \"Orin B\", " + figures + ")\n"
                + "    static class Orin {}\n}\n\n@Roofline(custom = {Orin.class, Dev.Orin.class})\n"
                + "@Network(input = {8})\nclass Net {\n    @Linear(out = 4) Layer fc;\n}\n");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, src, "[netcost:constant-clash] com.example.Dev.Orin: its constants would be named"
                + " ORIN_*, as those of the device com.example.Orin are; rename the class",
                src.at("{Orin.class", "{"));
    }

    /**
     * 1e-9 bytes a second: the linear layer's (8 + 36 + 4) * 4 = 192 bytes take 1.92e11 seconds, 1.92e20 ns, a
     * finite double beyond a long's 9.2e18: an error, never a constant clamped to Long.MAX_VALUE.
     */
    @Test
    void aTimeBeyondALongIsAnErrorNotAClampedConstant() {
        NetworkSource src = NetworkSource.example("Net", "@CustomDevice(name = \"Trickle\", float32FlopsPerSecond = 1e12,"
                + " memoryBytesPerSecond = 1e-9)\nclass Trickle {}\n\n@Roofline(custom = Trickle.class)\n"
                + "@Network(input = {8})\nclass Net {\n    @Linear(out = 4) Layer fc;\n}\n");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, src, "[netcost:overflow] Trickle (Trickle): a roofline time of Net on it, in"
                + " nanoseconds, does not fit a long", src.at("Trickle.class)", ".class"));
    }

    /**
     * A ridge point no device has, 1e308 FLOP/B (1e308 FLOP/s over 1 B/s) or 0 (1e-300 FLOP/s over 1e30
     * B/s, which a double rounds to 0), would make the plot's axes span every decade a double has: an
     * overflow error on the device, never a plot written without end.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aRidgePointNoDeviceHasIsAnError() {
        for (String figures : java.util.List.of("float32FlopsPerSecond = 1e308, memoryBytesPerSecond = 1",
                "float32FlopsPerSecond = 1e-300, memoryBytesPerSecond = 1e30")) {
            NetworkSource src = NetworkSource.example("Net", "@CustomDevice(name = \"Odd\", " + figures + ")\n"
                    + "class Odd {}\n\n@Roofline(custom = Odd.class)\n@Network(input = {8})\nclass Net {\n"
                    + "    @Linear(out = 4) Layer fc;\n}\n");
            Compilation compilation = compile(src);
            assertThat(compilation).hadErrorCount(1);
            assertError(compilation, src, "[netcost:overflow] Odd (Odd): a roofline time of Net on it, in nanoseconds,"
                    + " does not fit a long, or its ridge point (peak over bandwidth) is beyond any device's",
                    src.at("Odd.class)", ".class"));
        }
    }
}
