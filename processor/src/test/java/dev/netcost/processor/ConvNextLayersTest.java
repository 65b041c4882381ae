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
 * {@code @LayerNorm2d} and {@code @LayerScale} through javac and netcost: the figures of each in a
 * network, by hand, in each layout they take, and every error of {@code @LayerNorm2d} with its
 * message, file, line and column. An input in the wrong layout is the input's fault, not an
 * attribute's, so each error is on the annotation.
 */
class ConvNextLayersTest {
    @Test
    void layerNorm2dAndLayerScaleOnAChannelsFirstMap() throws Exception {
        // ConvNeXt's downsampling and a block's end, on (8, 4, 4): 128 elements.
        NetworkSource src = network("{8, 4, 4}",
                "@LayerNorm2d Layer norm;",
                "@LayerScale Layer scale;",
                "@LayerNorm2d(bias = false) Layer normWithoutShift;",
                "@LayerNorm2d(affine = false) Layer plainNorm;",
                "@ChannelsLast Layer last;",
                "@LayerNorm(affine = false) Layer plainLayerNorm;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // norm: weight and bias over the 8 channels, 16; scale: one per channel, 8; the norm
        // without shift: 8. Without a learned scale, neither norm has parameters (PyTorch 1.13:
        // LayerNorm(96, elementwise_affine=False) and torchvision's LayerNorm2d likewise hold 0). Total 32.
        assertThat(source).contains("public static final long NORM_PARAMS = 16L;");
        assertThat(source).contains("public static final long SCALE_PARAMS = 8L;");
        assertThat(source).contains("public static final long NORM_WITHOUT_SHIFT_PARAMS = 8L;");
        assertThat(source).contains("public static final long PLAIN_NORM_PARAMS = 0L;");
        assertThat(source).contains("public static final long PLAIN_LAYER_NORM_PARAMS = 0L;");
        assertThat(source).contains("public static final long PARAMS = 32L;");
        // FLOPs: 5 x 128 for each of the four norms, 128 multiplies for the scale: 4 x 640 + 128 = 2,688.
        // No MACs.
        assertThat(source).contains("public static final long SCALE_FLOPS = 128L;");
        assertThat(source).contains("public static final long FLOPS = 2_688L;");
        assertThat(source).contains("public static final long MACS = 0L;");
        // What PyTorch's modules are called, in the layer table: torchvision's LayerNorm2d, timm's LayerScale.
        assertThat(source).contains("\"norm\\tLayerNorm2d\\t");
        assertThat(source).contains("+ \"scale\\tLayerScale\\t");
    }

    @Test
    void layerScaleTakesTheLastAxisOfAChannelsLastMap() throws Exception {
        // (8, 4, 2) permuted to (4, 2, 8): the scale's C is the 8 channels, now last; the same
        // tensor channels first would give 8 too, so the map is not square in its channels: a
        // 1 x 1 conv to 3 channels first makes (3, 4, 2), channels last (4, 2, 3): C = 3, not 4.
        NetworkSource src = network("{8, 4, 2}",
                "@Conv(out = 3, kernel = 1, bias = false) Layer conv;",
                "@ChannelsLast Layer permute;",
                "@LayerScale Layer scale;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // conv: 3 x 8 = 24; scale: 3, one per channel, not 4 (the height, first axis here).
        assertThat(source).contains("public static final long SCALE_PARAMS = 3L;");
        assertThat(source).contains("public static final long PARAMS = 27L;");
        // 4 x 2 x 3 = 24 elements, one multiply each.
        assertThat(source).contains("public static final long SCALE_FLOPS = 24L;");
    }

    @Test
    void layerScaleTakesTheWidthOfTokens() throws Exception {
        // 16 token ids to (16, 64) tokens: CaiT's LayerScale holds E = 64 scales, 16 x 64 = 1,024
        // multiplies.
        NetworkSource src = network("{16}",
                "@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@LayerScale Layer scale;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        assertThat(source).contains("public static final long SCALE_PARAMS = 64L;");
        assertThat(source).contains("public static final long SCALE_FLOPS = 1_024L;");
    }

    @Test
    void layerNorm2dOnTokensNamesLayerNorm() {
        NetworkSource src = network("{16}",
                "@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@LayerNorm2d Layer norm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] norm on input (16, 64): @LayerNorm2d normalises"
                + " the channels of a map (C, H, W) at each position, but its input (16, 64) is tokens; use"
                + " @LayerNorm, which normalises each token's features", src.at("@LayerNorm2d"));
    }

    @Test
    void layerNorm2dOnAChannelsLastMapNamesLayerNormAndChannelsFirst() {
        NetworkSource src = network("{8, 4, 4}",
                "@ChannelsLast Layer permute;",
                "@LayerNorm2d Layer norm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] norm on input (4, 4, 8): @LayerNorm2d normalises"
                + " the channels of a map (C, H, W) at each position, but its input (4, 4, 8) has its channels last;"
                + " use @LayerNorm, which normalises the last axis, or put @ChannelsFirst before it",
                src.at("@LayerNorm2d"));
    }

    @Test
    void layerNorm2dOnAOneDimensionalMapSaysItTakesTwo() {
        NetworkSource src = network("{8, 10}", "@LayerNorm2d Layer norm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] norm on input (8, 10): @LayerNorm2d is torchvision's"
                + " norm of a 2-d map (C, H, W), whose permute takes exactly four axes with the batch, and its input"
                + " (8, 10) is no such map; for a norm over each position's channels of this one, put @ChannelsLast"
                + " before a @LayerNorm", src.at("@LayerNorm2d"));
    }

    @Test
    void layerNorm2dOnAVectorNamesLayerNorm() {
        NetworkSource src = network("{8, 4, 4}",
                "@Flatten Layer flatten;",
                "@LayerNorm2d(bias = false) Layer norm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] norm on input (128): @LayerNorm2d normalises the"
                + " channels of a map (C, H, W) at each position, but its input is the vector (128); use"
                + " @LayerNorm", src.at("@LayerNorm2d(bias = false)", "@LayerNorm2d"));
    }

    @Test
    void layerNorm2dInABlockUsedOnTokensIsReportedAtTheUse() {
        NetworkSource block = NetworkSource.of("com.example.Head", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Head {
                    class Layers {
                        @LayerNorm2d Layer norm;
                        @LayerScale Layer scale;
                    }
                }
                """);
        NetworkSource net = network("{16}",
                "@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@Head Layer head;");
        assertOnlyError(compile(block, net), net, "[netcost:input-shape] head.norm on input (16, 64): @LayerNorm2d"
                + " normalises the channels of a map (C, H, W) at each position, but its input (16, 64) is tokens;"
                + " use @LayerNorm, which normalises each token's features", net.at("@Head"));
    }
}
