package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import org.junit.jupiter.api.Test;

/**
 * Which characters an expression reads: numbers only in the ASCII digits 0-9, where
 * {@code Character.isDigit} would have read {@code "٣٢"} as 32 and {@code "４"} as 4; names as
 * Java identifiers, Unicode letters included, since they name block parameters.
 */
class ExpressionCharactersTest {
    private static NetworkSource network(String field) {
        return NetworkSource.example("Net", "@Network(input = {3, 8, 8})\nclass Net {\n    " + field + "\n}\n");
    }

    private static String notAscii(String what, String text, String digit, String code, int column) {
        return "[netcost:expression] " + what + " = \"" + text + "\": the digit `" + digit + "` (U+" + code
                + ") is not ASCII at column " + column + " of \"" + text + "\"; write numbers with the digits 0-9";
    }

    @Test
    void arabicIndicDigitsInWith() {
        String text = "\u0663\u0662";
        NetworkSource src = network("@Conv(kernel = 1) @With(out = \"" + text + "\") Layer conv;");
        assertOnlyError(compile(src), src, notAscii("conv: out", text, "\u0663", "0663 ARABIC-INDIC DIGIT THREE", 1),
                src.at("\"" + text + "\""));
    }

    @Test
    void fullwidthDigitsInIf() {
        String text = "in > \uFF14";
        NetworkSource src = network("@ReLU @If(\"" + text + "\") Layer relu;");
        assertOnlyError(compile(src), src, notAscii("relu: @If", text, "\uFF14", "FF14 FULLWIDTH DIGIT FOUR", 6),
                src.at("\"" + text + "\""));
    }

    /** A block whose parameter is named in German: {@code größe = 4} gives 4 * 2 = 8 channels, quietly. */
    @Test
    void unicodeNamesAreJavaNames() {
        NetworkSource block = NetworkSource.of("com.example.Breit", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Breit {
                    int gr\u00f6\u00dfe();

                    class Layers {
                        @Conv(kernel = 1) @With(out = "gr\u00f6\u00dfe * 2") Layer conv;
                    }
                }
                """);
        NetworkSource src = network("@Breit(gr\u00f6\u00dfe = 4) Layer breit;");
        assertThat(compile(block, src)).succeededWithoutWarnings();
        assertThat(compile(block, src)).generatedSourceFile("com.example.NetCost").contentsAsUtf8String()
                .contains("OUTPUT_SHAPE = Shape.of(8, 8, 8)");
    }

    /**
     * A Unicode parameter name given through {@code @With(args = ...)} inside another block (where
     * javac demands a default, which the argument overrides): {@code größe = in}, 3 channels,
     * gives 3 * 2 = 6 channels.
     */
    @Test
    void unicodeNamesInWithArgs() {
        NetworkSource inner = NetworkSource.of("com.example.Breit", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Breit {
                    int gr\u00f6\u00dfe() default 1;

                    class Layers {
                        @Conv(kernel = 1) @With(out = "gr\u00f6\u00dfe * 2") Layer conv;
                    }
                }
                """);
        NetworkSource outer = NetworkSource.of("com.example.Aussen", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Aussen {
                    class Layers {
                        @Breit @With(args = {"gr\u00f6\u00dfe = in"}) Layer breit;
                    }
                }
                """);
        NetworkSource src = network("@Aussen Layer aussen;");
        assertThat(compile(inner, outer, src)).succeededWithoutWarnings();
        assertThat(compile(inner, outer, src)).generatedSourceFile("com.example.NetCost").contentsAsUtf8String()
                .contains("OUTPUT_SHAPE = Shape.of(6, 8, 8)");
    }
}
