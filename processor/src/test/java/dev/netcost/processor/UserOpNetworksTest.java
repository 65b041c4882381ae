package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ops users declare, used as built-in ones are: their figures in the companion, under their own name. */
class UserOpNetworksTest {
    /** torchvision's {@code SqueezeExcitation(C, S)} followed by MobileNetV3's hard sigmoid, as one op. */
    static final NetworkSource SE = NetworkSource.of("com.example.SqueezeExcitation", """
            package com.example;

            import dev.netcost.CustomOp;

            @CustomOp(layouts = CustomOp.Layout.FEATURES,
                    shape = {"C", "H", "W"},
                    params = "2 * C * squeeze + squeeze + C", buffers = "0",
                    macs = "2 * C * squeeze",
                    flops = "2 * numel + 4 * C * squeeze + squeeze + 3 * C",
                    checks = @CustomOp.Check(require = "squeeze <= C", attribute = "squeeze",
                            message = "squeeze must be at most the input's channels"))
            public @interface SqueezeExcitation {
                int squeeze();
            }
            """);

    static String companion(Compilation compilation, String name) {
        try {
            return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aUserOpHasTheFiguresItStates() {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {72, 28, 28})
                class Net {
                    @SqueezeExcitation(squeeze = 24) Layer se;
                }
                """);
        Compilation compilation = compileWith(List.of("-Anetcost.reports=none"), SE, net);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation, "com.example.NetCost");
        // torchvision SqueezeExcitation(72, 24): fc1 72 * 24 + 24 = 1,752, fc2 24 * 72 + 72 = 1,800.
        assertThat(source).contains("public static final long PARAMS = 3_552L;");
        // 2 * 72 * 24 = 3,456 MACs: the two 1 x 1 convolutions on the pooled (72, 1, 1).
        assertThat(source).contains("public static final long MACS = 3_456L;");
        // 2 * 56,448 + 4 * 72 * 24 + 24 + 3 * 72 = 112,896 + 6,912 + 24 + 216 = 120,048.
        assertThat(source).contains("public static final long FLOPS = 120_048L;");
        assertThat(source).contains("SqueezeExcitation");
    }
}
