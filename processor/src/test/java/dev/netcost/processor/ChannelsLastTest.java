package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.companion;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.NetworkSource.network;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A map with its channels last, as ConvNeXt's block holds it between its two permutes: the
 * linear layers and the norm work on each position's channels, and the figures are those of
 * PyTorch's modules on the permuted tensor, by hand here. Also the enum attribute
 * ({@code StochasticDepth.Mode}), read as a constant and refused as an expression.
 */
class ChannelsLastTest {
    @Test
    void aConvNextBlockOnAChannelsLastMap() throws Exception {
        NetworkSource src = network("{8, 4, 4}",
                "@Conv(out = 8, kernel = 7, padding = 3, groups = 8) Layer dwconv;",
                "@ChannelsLast Layer permute;",
                "@LayerNorm Layer norm;",
                "@Linear(out = 32) Layer pwconv1;",
                "@GELU Layer act;",
                "@Linear(out = 8) Layer pwconv2;",
                "@ChannelsFirst Layer back;",
                "@StochasticDepth(p = 0.1, mode = StochasticDepth.Mode.ROW) Layer drop;",
                "@Add({\"drop\", \"input\"}) Layer residual;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // dwconv: 8 x 1 x 49 + 8 = 400; norm over the 8 channels: 16; pwconv1 8 x 32 + 32 = 288;
        // pwconv2 32 x 8 + 8 = 264. Total 968.
        assertThat(source).contains("public static final long PARAMS = 968L;");
        // dwconv 8 x 16 positions x 49 = 6,272; pwconv1 16 rows x 8 x 32 = 4,096; pwconv2 16 x 32 x 8
        // = 4,096. Total 14,464.
        assertThat(source).contains("public static final long MACS = 14_464L;");
        // Output shapes, field by field: the permute gives (H, W, C); the linear layers change C.
        assertThat(source).contains("LayerTable.shapes(\"8,4,4\\n\"\n            + \"4,4,8\\n\"\n            + \"4,4,8\\n\"\n"
                + "            + \"4,4,32\\n\"\n            + \"4,4,32\\n\"\n            + \"4,4,8\\n\"\n"
                + "            + \"8,4,4\\n\"");
    }

    @Test
    void channelsLastOnAOneDimensionalMapNamesToTokens() {
        NetworkSource src = network("{8, 10}", "@ChannelsLast Layer permute;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] permute on input (8, 10): @ChannelsLast moves the"
                + " channels of a map (C, H, W) last, but its input (8, 10) has one spatial axis; @ToTokens gives"
                + " (10, 8), the same tensor as a sequence", src.at("@ChannelsLast"));
    }

    @Test
    void channelsLastOnAVector() {
        NetworkSource src = network("{8}", "@ChannelsLast Layer permute;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] permute on input (8): @ChannelsLast moves the"
                + " channels of a map (C, H, W) last, but its input is the vector (8); remove it",
                src.at("@ChannelsLast"));
    }

    @Test
    void anEnumAttributeTakesNoExpression() {
        NetworkSource block = NetworkSource.of("com.example.B", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface B {
                    int m();

                    class Layers {
                        @StochasticDepth @With(args = "mode = m") Layer drop;
                    }
                }
                """);
        NetworkSource net = network("{8, 4, 4}", "@B(m = 1) Layer b;");
        Compilation compilation = compile(block, net);
        assertOnlyError(compilation, block, "[netcost:expression] drop: mode takes a constant, not an expression;"
                + " write it on @StochasticDepth", block.at("@With(args = \"mode = m\")", "\"mode = m\""));
    }
}
