package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Expressions in a block's {@code @With} and {@code @If} far longer or deeper than anyone
 * writes: long ones give the right figures, too deep ones a located {@code expression} error;
 * none ends in a stack overflow reported as an internal error.
 *
 * <p>The figures, by hand. The block is a 1 x 1 convolution with a bias from 8 to C channels on
 * 4 x 4, then a ReLU kept by its {@code @If}. The convolution has 8C + C = 9C parameters and
 * (2 * 8 - 1 + 1) = 16 FLOPs for each of its 16C outputs, 256C; the ReLU, when kept, one per
 * element, 16C.
 */
class LongExpressionsTest {
    private static NetworkSource block(String with, String condition) {
        return NetworkSource.of("com.example.Wide", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Wide {
                    int out();

                    class Layers {
                        @Conv(kernel = 1) @With(out = "%s") Layer conv;
                        @ReLU @If("%s") Layer relu;
                    }
                }
                """.formatted(with, condition));
    }

    private static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {8, 4, 4})
            class Net {
                @Wide(out = 16) Layer wide;
            }
            """);

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

    private static String tooDeep(String what, String text, int column) {
        return "[netcost:expression] " + what + " = \"" + text + "\": the expression nests deeper than 100 levels at"
                + " column " + column + " of \"" + text + "\"; nest parentheses, calls, `? :` and unary operators at"
                + " most 100 deep";
    }

    /**
     * out is a sum of 5,000 ones, C = 5,000; the condition, the same sum != 5,000, is false, so
     * the ReLU is dropped. PARAMS 9 * 5,000 = 45,000; FLOPS 256 * 5,000 = 1,280,000.
     */
    @Test
    void sumsOfFiveThousandTerms() {
        String sum = String.join(" + ", Collections.nCopies(5_000, "1"));
        Compilation compilation = compile(block(sum, sum + " != 5000"), NET);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(45_000L, totals(compilation).get("params").getAsLong());
        assertEquals(1_280_000L, totals(compilation).get("flops").getAsLong());
    }

    /**
     * out is 20,000 minus signs before out, which is out, 16; the condition is 20,001 `!` before
     * out > 16 (false), so true and the ReLU is kept. PARAMS 9 * 16 = 144; FLOPS 256 * 16 + 16 * 16
     * = 4,352.
     */
    @Test
    void twentyThousandUnarySigns() {
        Compilation compilation = compile(block("-".repeat(20_000) + "out", "!".repeat(20_001) + "(out > 16)"), NET);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(144L, totals(compilation).get("params").getAsLong());
        assertEquals(4_352L, totals(compilation).get("flops").getAsLong());
    }

    /** The 101st of 1,000 parentheses, at column 101, is where the error says it stops. */
    @Test
    void aThousandNestedParenthesesInWith() {
        String deep = "(".repeat(1_000) + "out" + ")".repeat(1_000);
        NetworkSource block = block(deep, "out > 0");
        assertOnlyError(compile(block, NET), block, tooDeep("conv: out", deep, 101),
                block.at("\"" + deep + "\""));
    }

    @Test
    void aThousandNestedParenthesesInIf() {
        String deep = "(".repeat(1_000) + "out > 0" + ")".repeat(1_000);
        NetworkSource block = block("out", deep);
        assertOnlyError(compile(block, NET), block, tooDeep("relu: @If", deep, 101),
                block.at("\"" + deep + "\""));
    }
}
