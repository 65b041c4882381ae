package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The exact text of one generated class, as reviewed: users read it in their IDE, so its
 * layout is part of the product. The golden file is {@code src/test/resources/golden/TinyNetCost.java}.
 */
class GoldenFileTest {
    static final NetworkSource TINY_NET = NetworkSource.of("com.example.TinyNet", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 32, 32})
            @SuppressWarnings("netcost:heavy-classifier") // fc holds 96 % of the parameters
            class TinyNet {
                @Conv(out = 6, kernel = 5) Layer conv;
                @ReLU Layer relu;
                @MaxPool(kernel = 2) Layer pool;
                @Flatten Layer flatten;
                @Linear(out = 10) Layer fc;
            }
            """);

    @Test
    void generatedSourceMatchesTheGoldenFile() throws IOException {
        Compilation compilation = compile(TINY_NET);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.TinyNetCost").contentsAsUtf8String()
                .isEqualTo(golden("golden/TinyNetCost.java"));
    }

    /**
     * The golden file's numbers, by hand, so that the file cannot drift from the cost model:
     * conv 3 -> 6, 5 x 5, bias: 5*5*3*6 + 6 = 456 params; 28 x 28 outputs: 6*784*75 = 352,800 MACs,
     * 2*75*6*784 = 705,600 FLOPs (seed 004, with bias). ReLU: 6*28*28 = 4,704 FLOPs. Max pool 2 x 2:
     * 3 comparisons for each of 6*14*14 = 1,176 outputs, 3,528. Linear 1176 -> 10: 11,770 params,
     * 11,760 MACs, 2*1176*10 = 23,520 FLOPs.
     *
     * <p>Memory in float32: parameters 12,226 * 4 = 48,904 bytes. In a chain only a layer's input
     * and output are alive: conv 3,072 + 4,704, ReLU 4,704 + 4,704 (the most), pool 4,704 + 1,176,
     * flatten 1,176 + 1,176, fc 1,176 + 10 elements; the peak is 9,408 * 4 = 37,632 bytes.
     * Memory access, elements read and written times 4: conv 3,072 + 456 + 4,704 = 8,232, 32,928
     * bytes; ReLU 2 * 4,704, 37,632; pool 4,704 + 1,176, 23,520; flatten 2 * 1,176, 9,408; fc 1,176
     * + 11,770 + 10 = 12,956, 51,824; in all 155,312 bytes. conv: 705,600 / 32,928 = 21.43 FLOP/B.
     */
    @Test
    void goldenFileFiguresAreTheHandCalculation() throws IOException {
        String golden = golden("golden/TinyNetCost.java");
        assertThat(golden).contains("CONV_PARAMS = 456L;");
        assertThat(golden).contains("CONV_MACS = 352_800L;");
        assertThat(golden).contains("CONV_FLOPS = 705_600L;");
        assertThat(golden).contains("RELU_FLOPS = 4_704L;");
        assertThat(golden).contains("POOL_FLOPS = 3_528L;");
        assertThat(golden).contains("): {@code (6, 14, 14)}.\n     */\n    public static final Shape POOL_OUTPUT_SHAPE = ");
        assertThat(golden).contains("FC_PARAMS = 11_770L;");
        assertThat(golden).contains("FC_MACS = 11_760L;");
        assertThat(golden).contains("FC_FLOPS = 23_520L;");
        assertThat(golden).contains("PARAMS = " + "12_226L;"); // 456 + 11,770
        assertThat(golden).contains("MACS = " + "364_560L;"); // 352,800 + 11,760
        assertThat(golden).contains("FLOPS = " + "737_352L;"); // 705,600 + 4,704 + 3,528 + 23,520
        assertThat(golden).contains("PARAM_BYTES = 48_904L;");
        assertThat(golden).contains("PEAK_ACTIVATION_BYTES = 37_632L;");
        assertThat(golden).contains("PEAK_MEMORY_BYTES = 86_536L;"); // 48,904 + 37,632
        assertThat(golden).contains("CONV_ACTIVATION_BYTES = 18_816L;"); // 4,704 * 4
        assertThat(golden).contains("CONV_MEMORY_ACCESS_BYTES = 32_928L;");
        assertThat(golden).contains("RELU_MEMORY_ACCESS_BYTES = 37_632L;");
        assertThat(golden).contains("POOL_MEMORY_ACCESS_BYTES = 23_520L;");
        assertThat(golden).contains("FC_MEMORY_ACCESS_BYTES = 51_824L;");
        assertThat(golden).contains("MEMORY_ACCESS_BYTES = " + "155_312L;");
        assertThat(golden).contains("CONV_ARITHMETIC_INTENSITY = " + (705_600 / 32_928.0) + ";");
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = GoldenFileTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
