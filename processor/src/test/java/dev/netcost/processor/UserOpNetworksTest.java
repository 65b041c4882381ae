package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.companion;
import static dev.netcost.processor.Compilations.compileWith;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ops users declare, used as built-in ones are: their figures in the companion, under their own name. */
class UserOpNetworksTest {
    /** torchvision's {@code SqueezeExcitation(C, S)} followed by MobileNetV3's hard sigmoid, as one op. */
    static final NetworkSource SE = NetworkSource.of("com.example.SqueezeExcitation", """
            package com.example;

            import dev.netcost.CustomOp;
            import dev.netcost.Required;

            @CustomOp(layouts = CustomOp.Layout.FEATURES,
                    shape = {"C", "H", "W"},
                    params = "2 * C * squeeze + squeeze + C", buffers = "0",
                    macs = "2 * C * squeeze",
                    flops = "2 * numel + 4 * C * squeeze + squeeze + 3 * C",
                    checks = @CustomOp.Check(require = "squeeze <= C", attribute = "squeeze",
                            message = "squeeze must be at most the input's channels"))
            public @interface SqueezeExcitation {
                @Required int squeeze() default 0;
            }
            """);

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
        String source = companion(compilation);
        // torchvision SqueezeExcitation(72, 24): fc1 72 * 24 + 24 = 1,752, fc2 24 * 72 + 72 = 1,800.
        assertThat(source).contains("public static final long PARAMS = 3_552L;");
        // 2 * 72 * 24 = 3,456 MACs: the two 1 x 1 convolutions on the pooled (72, 1, 1).
        assertThat(source).contains("public static final long MACS = 3_456L;");
        // 2 * 56,448 + 4 * 72 * 24 + 24 + 3 * 72 = 112,896 + 6,912 + 24 + 216 = 120,048.
        assertThat(source).contains("public static final long FLOPS = 120_048L;");
        assertThat(source).contains("SqueezeExcitation");
    }

    /** Writes the op {@code com.example.Gate} in the first round, as a processor that generates code would. */
    private static FirstRoundGenerator opGenerator() {
        return new FirstRoundGenerator("com.example.Gate", "package com.example;\n\nimport dev.netcost.CustomOp;\n\n"
                + "@CustomOp(layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"C\", buffers = \"0\", macs = \"0\","
                + " flops = \"numel\")\npublic @interface Gate {}\n");
    }

    /** In the first round {@code @Gate} does not exist yet: the network waits a round, then has its companion. */
    @Test
    void aNetworkWaitsForAnOpAnotherProcessorGenerates() {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {8, 4, 4})
                class Net {
                    @Gate Layer gate;
                    @ReLU Layer relu;
                }
                """);
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(opGenerator(), new NetworkProcessor()).withOptions("-Anetcost.reports=none")
                .compile(net.file());
        assertThat(compilation).succeeded();
        // The gate's 8 parameters, as its declaration states (params = "C"); ReLU has none.
        assertThat(companion(compilation)).contains("public static final long PARAMS = 8L;");
        // The gate's numel (128) and ReLU's (128).
        assertThat(companion(compilation)).contains("public static final long FLOPS = 256L;");
    }

    /** In a block, its attribute from {@code @With}, each instance with its own value; and under an {@code @If}. */
    @Test
    void aUserOpInARepeatedBlockTakesEachInstancesValues() {
        NetworkSource block = NetworkSource.of("com.example.Stage", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Stage {
                    int out();
                    boolean se() default true;

                    class Layers {
                        @Conv(kernel = 1, bias = false) @With(out = "out") Layer conv;
                        @SqueezeExcitation @With(args = "squeeze = out / 4") @If("se") Layer se;
                    }
                }
                """);
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {16, 8, 8})
                class Net {
                    @Stage(out = 32) @Repeat(2) Layer stage;
                    @Stage(out = 64, se = false) Layer last;
                }
                """);
        Compilation compilation = compileWith(List.of("-Anetcost.reports=none"), SE, block, net);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // stage[0]: conv 32 * 16 = 512, SE(32, 8) 2 * 32 * 8 + 8 + 32 = 552; stage[1]: conv 32 * 32 = 1,024 and
        // the same SE, 552; last: conv 64 * 32 = 2,048 and no SE. 512 + 552 + 1,024 + 552 + 2,048 = 4,688.
        assertThat(source).contains("public static final long PARAMS = 4_688L;");
        assertThat(source).contains("public static final long STAGE_0_PARAMS = 1_064L;");
    }

    @Test
    void aRequiredAttributeGivenNeitherWayIsMissing() {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {72, 28, 28})
                class Net {
                    @SqueezeExcitation Layer se;
                }
                """);
        Compilations.assertOnlyError(compileWith(List.of("-Anetcost.reports=none"), SE, net), net,
                "[netcost:missing] se: @SqueezeExcitation needs squeeze; write it, as @SqueezeExcitation(squeeze = ...),"
                        + " or give it in a block by @With(squeeze = \"...\")", net.at("@SqueezeExcitation"));
    }
}
