package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Windows far larger than any network has, yet valid: the lints and the figures are worked out
 * in closed form, so javac answers at once, with the same warning and figures as for a small one.
 * The timeouts only keep a regression from hanging the build; the assertions are on the answers.
 */
class HugeWindowsTest {
    private static NetworkSource network(String layer) {
        return NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {1, 1})
                class Net {
                """ + "    " + layer + "\n}\n");
    }

    private static JsonObject totals(Compilation compilation) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/netcost/com.example.Net.json").orElseThrow();
        try (InputStream in = file.openInputStream()) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("totals");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * One cell, kernel 100,000, padding 1,000,000,000 each side: (1 + 2,000,000,000 - 99,999 - 1) + 1
     * = 1,999,900,002 outputs. Window o covers [o, o + 99,999] of the padded row and the cell is at
     * 1,000,000,000, so 100,000 windows (o = 999,900,001 to 1,000,000,000) read it and
     * 1,999,800,002 read only padding. No row is left unread: the last window ends at
     * 1,999,900,001 + 99,999 = 2,000,000,000, the end of the padded row. Figures: 100,000 weights
     * and a bias, 100,001 parameters; 1,999,900,002 outputs of 100,000 MACs each,
     * 199,990,000,200,000 MACs; and of 100,000 multiplies, 99,999 adds and the bias,
     * 2 * 100,000 = 200,000 FLOPs each, 399,980,000,400,000 FLOPs.
     */
    @Test
    @Timeout(60)
    void aHugelyPaddedConvolution() {
        NetworkSource src = network("@Conv(out = 1, kernel = 100000, padding = 1000000000) Layer conv;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:padding-only] conv on input (1, 1): 1999800002 of the"
                + " 1999900002 output positions along the length (kernel 100000, dilation 1, padding 1000000000)"
                + " read only padding: the convolution window never reaches the input from there; lower the padding")
                .inFile(src.file()).onLine(src.at("1000000000").line()).atColumn(src.at("1000000000").column());
        JsonObject totals = totals(compilation);
        assertEquals(100_001L, totals.get("params").getAsLong());
        assertEquals(199_990_000_200_000L, totals.get("macs").getAsLong());
        assertEquals(399_980_000_400_000L, totals.get("flops").getAsLong());
    }

    /** Suppressing the lint gives a quiet compilation, as fast. */
    @Test
    @Timeout(60)
    void aHugelyPaddedConvolutionWithTheLintSuppressed() {
        NetworkSource src = network("@SuppressWarnings(\"netcost:padding-only\")"
                + " @Conv(out = 1, kernel = 100000, padding = 1000000000) Layer conv;");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    /**
     * Two taps 1,000,000,000 apart (kernel 2, dilation 1,000,000,000) over one cell padded by
     * 999,999,999: (1 + 1,999,999,998 - 1,000,000,000 - 1) + 1 = 999,999,999 outputs. Window o
     * taps o and o + 1,000,000,000 and the cell is at 999,999,999: o = 999,999,999 or o = -1,
     * neither an output (they run 0 to 999,999,998), so every window steps over the input.
     * Figures: 2 weights, no bias; 2 MACs and 2 * 2 - 1 = 3 FLOPs per output: 1,999,999,998 MACs,
     * 2,999,999,997 FLOPs.
     */
    @Test
    @Timeout(60)
    void aHugelyDilatedConvolution() {
        NetworkSource src = network("@Conv(out = 1, kernel = 2, dilation = 1000000000, padding = 999999999,"
                + " bias = false) Layer conv;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:padding-only] conv on input (1, 1): 999999999 of the"
                + " 999999999 output positions along the length (kernel 2, dilation 1000000000, padding 999999999)"
                + " read only padding")
                .inFile(src.file()).onLine(src.at("999999999").line()).atColumn(src.at("999999999").column());
        JsonObject totals = totals(compilation);
        assertEquals(2L, totals.get("params").getAsLong());
        assertEquals(1_999_999_998L, totals.get("macs").getAsLong());
        assertEquals(2_999_999_997L, totals.get("flops").getAsLong());
    }

    /**
     * Average pooling with a window of 1,000,000,000 at stride 1, padded by 500,000,000, the most
     * PyTorch allows: (1 + 1,000,000,000 - 999,999,999 - 1) + 1 = 2 outputs, both reaching the
     * cell at 500,000,000, and the last window ends at 1 + 999,999,999 = 1,000,000,000, the end of
     * the padded row: no warning. Each output sums 1,000,000,000 cells (padding included, as
     * PyTorch counts it by default): 2,000,000,000 FLOPs.
     */
    @Test
    @Timeout(60)
    void aHugeAveragePool() {
        NetworkSource src = network("@AvgPool(kernel = 1000000000, stride = 1, padding = 500000000) Layer pool;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(2_000_000_000L, totals(compilation).get("flops").getAsLong());
    }
}
