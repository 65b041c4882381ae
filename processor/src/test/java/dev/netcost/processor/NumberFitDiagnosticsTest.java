package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.companion;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.NetworkSource.network;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Values that do not fit their type: an expression's value past {@code int}, where an attribute
 * takes one, and a network whose every layer fits a {@code long} but whose memory does not; a
 * dimension past {@code int} in the companion.
 */
class NumberFitDiagnosticsTest {
    /** 64 * 100,000,000 = 6,400,000,000, over Integer.MAX_VALUE = 2,147,483,647. */
    @Test
    void anExpressionBeyondInt() {
        NetworkSource src = network("{64, 8, 8}", "@Conv(kernel = 1) @With(out = \"in * 100000000\") Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] conv on input (64, 8, 8): out = \"in * 100000000\""
                + " gives 6400000000, which does not fit an int", src.at("\"in * 100000000\""));
    }

    /**
     * The input has 2^20 * 2^20 * 2^19 = 2^59 elements. A ReLU reads them and writes as many:
     * 2^60 elements of 4 bytes, 2^62 bytes, which fits a long (at most 2^63 - 1); its FLOPs
     * (2^59) and activation bytes (2^61) fit too. Two of them move 2^63 bytes, which does not.
     */
    @Test
    void memoryBeyondLongOfLayersThatFit() {
        NetworkSource src = network("{1048576, 1048576, 524288}", "@ReLU Layer a;", "@ReLU Layer b;");
        assertOnlyError(compile(src), src, "[netcost:overflow] Net: its memory in bytes does not fit a long; netcost"
                + " never wraps a number", src.at("@Network"));
    }

    /**
     * A dimension past {@code int} that fits a {@code long}: 10 + 2 * 2,147,483,647 =
     * 4,294,967,304. The companion must write it as a {@code long} literal, or javac would refuse
     * the generated class ("integer number too large").
     */
    @Test
    void aDimensionBeyondIntInTheCompanion() throws IOException {
        NetworkSource src = network("{1, 10}", "@ZeroPad(padding = 2147483647) Layer pad;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(companion(compilation)).contains("OUTPUT_SHAPE = Shape.of(1, 4294967304L);");
    }
}
