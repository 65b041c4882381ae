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
 * Issue #13's wrong axes, each now a located error on the annotation that names the fix, and the
 * fixes at work with their figures by hand. Before, {@code @LayerNorm} on {@code (96, 56, 56)}
 * normalised the width (112 parameters, where ConvNeXt's channel norm has 192), a 1 x 1
 * {@code @Conv} on tokens {@code (1024, 144)} was a {@code Conv1d} over 1,024 channels (98,304
 * parameters), and {@code @BatchNorm}, pooling, {@code @ChannelSplit} and {@code @ChannelShuffle}
 * read the tokens T as channels. Those figures are PyTorch's for the modules the old reading
 * meant ({@code LayerNorm(56)}: 112, {@code LayerNorm(96)}: 192, {@code Conv1d(1024, 96, 1,
 * bias=False)}: 98,304, counted with torch 1.13's {@code sum(p.numel())}).
 */
class LayoutDiagnosticsTest {
    /** ViT-style patches of a 512 x 512 image: (144, 32, 32), then 1,024 tokens of 144. */
    private static final String[] TOKENS_1024_BY_144 = {
        "@Conv(out = 144, kernel = 16, stride = 16) Layer patch;", "@ToTokens Layer tokens;"};

    private static String[] withTokens(String... more) {
        String[] fields = java.util.Arrays.copyOf(TOKENS_1024_BY_144, TOKENS_1024_BY_144.length + more.length);
        System.arraycopy(more, 0, fields, TOKENS_1024_BY_144.length, more.length);
        return fields;
    }

    @Test
    void aLayerNormOnAChannelsFirstMapNamesTheChannelNorm() {
        // ConvNeXt-T's stem: (3, 224, 224) in patches of 4 to (96, 56, 56).
        NetworkSource src = network("{3, 224, 224}", "@Conv(out = 96, kernel = 4, stride = 4) Layer stem;",
                "@LayerNorm Layer norm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] norm on input (96, 56, 56): @LayerNorm normalises"
                + " the last axis, and its input (96, 56, 56) is a map with its channels first, whose last axis is its"
                + " width 56; a norm over each position's 96 channels, as ConvNeXt's LayerNorm2d, is @LayerNorm2d, or"
                + " put @ChannelsLast before it", src.at("@LayerNorm"));
    }

    @Test
    void aOneByOneConvolutionOnTokensNamesLinear() {
        NetworkSource src = network("{3, 512, 512}", withTokens("@Conv(out = 96, kernel = 1, bias = false) Layer proj;"));
        assertOnlyError(compile(src), src, "[netcost:input-shape] proj on input (1024, 144): @Conv works on a map with"
                + " its channels first, such as (C, H, W), but its input (1024, 144) is 1024 tokens of width 144; a 1 x"
                + " 1 convolution on each token is @Linear(out = 96), or put @ToMap(size = {H, W}) before it, with H *"
                + " W = 1024, to make them a map (144, H, W)", src.at("@Conv(out = 96"));
    }

    @Test
    void aBatchNormOnTokens() {
        NetworkSource src = network("{3, 512, 512}", withTokens("@BatchNorm Layer bn;"));
        assertOnlyError(compile(src), src, "[netcost:input-shape] bn on input (1024, 144): @BatchNorm normalises each"
                + " channel of a map with its channels first, but its input (1024, 144) is 1024 tokens of width 144; a"
                + " norm over each token's features is @LayerNorm, or put @ToMap(size = {H, W}) before it, with H * W ="
                + " 1024, to make them a map (144, H, W)", src.at("@BatchNorm"));
    }

    @Test
    void aPoolOnTokens() {
        NetworkSource src = network("{3, 512, 512}", withTokens("@GlobalAvgPool Layer pool;"));
        assertOnlyError(compile(src), src, "[netcost:input-shape] pool on input (1024, 144): @GlobalAvgPool works on a"
                + " map with its channels first, such as (C, H, W), but its input (1024, 144) is 1024 tokens of width"
                + " 144; put @ToMap(size = {H, W}) before it, with H * W = 1024, to make them a map (144, H, W)",
                src.at("@GlobalAvgPool"));
    }

    @Test
    void aChannelSplitOfTokensNamesChunk() {
        NetworkSource src = network("{3, 512, 512}", withTokens("@ChannelSplit Layer half;"));
        assertOnlyError(compile(src), src, "[netcost:input-shape] half on input (1024, 144): @ChannelSplit splits the"
                + " channels of a map with its channels first, but its input (1024, 144) is tokens, whose features are"
                + " the last axis; to split them use @Chunk(parts = 2, index = 0)", src.at("@ChannelSplit"));
    }

    @Test
    void aChannelShuffleOfTokens() {
        NetworkSource src = network("{3, 512, 512}", withTokens("@ChannelShuffle(groups = 4) Layer shuffle;"));
        assertOnlyError(compile(src), src, "[netcost:input-shape] shuffle on input (1024, 144): @ChannelShuffle works"
                + " on a map with its channels first, such as (C, H, W), but its input (1024, 144) is 1024 tokens of"
                + " width 144; put @ToMap(size = {H, W}) before it, with H * W = 1024, to make them a map (144, H, W)",
                src.at("@ChannelShuffle"));
    }

    @Test
    void aConvolutionOnAChannelsLastMap() {
        NetworkSource src = network("{8, 4, 6}", "@ChannelsLast Layer perm;", "@Conv(out = 8, kernel = 3) Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] conv on input (4, 6, 8): @Conv works on a map with"
                + " its channels first, but its input (4, 6, 8) has its channels last; put @ChannelsFirst before it,"
                + " which gives (8, 4, 6)", src.at("@Conv"));
    }

    @Test
    void tensorsOfOneShapeInTwoLayoutsDoNotAdd() {
        // (8, 8, 8) channels first and (8, 8, 8) channels last: one shape, but position (h, w) of channel c
        // in one is element (c, h, w) of the other.
        NetworkSource src = network("{8, 8, 8}", "@ChannelsLast Layer perm;", "@Add({\"input\", \"perm\"}) Layer add;");
        assertOnlyError(compile(src), src, "[netcost:merge] add: the tensors of a merge must be in one layout, but"
                + " input gives (8, 8, 8) channels first and perm gives (8, 8, 8) channels last; put @ChannelsFirst"
                + " after the branch whose channels are last, or @ChannelsLast after the other",
                src.at("{\"input\", \"perm\"}"));
    }

    @Test
    void tokensBackToAMapForAConvolution() throws Exception {
        // PVT's way: patches as tokens, a norm per token, the tokens made a map again for a 3 x 3 convolution.
        NetworkSource src = network("{3, 8, 8}", "@Conv(out = 16, kernel = 2, stride = 2) Layer patch;",
                "@ToTokens Layer tokens;", "@LayerNorm Layer norm;", "@ToMap(size = {4, 4}) Layer map;",
                "@Conv(out = 8, kernel = 3, padding = 1) Layer conv;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // patch 16 x 3 x 4 + 16 = 208; norm over 16 features: 32; conv 8 x 16 x 9 + 8 = 1,160. Total 1,400.
        assertThat(source).contains("public static final long PARAMS = 1_400L;");
        // patch 16 x 16 positions x 12 = 3,072; conv 8 x 16 positions x 144 = 18,432. Total 21,504.
        assertThat(source).contains("public static final long MACS = 21_504L;");
        assertThat(source).contains("LayerTable.shapes(\"16,4,4\\n\"\n            + \"16,16\\n\"\n"
                + "            + \"16,16\\n\"\n            + \"16,4,4\\n\"\n            + \"8,4,4\\n\"");
    }

    @Test
    void aGatedMlpChunksTheLastAxis() throws Exception {
        // GEGLU: one linear layer to 2 x 16, its halves a value and a gate: value * gelu(gate).
        NetworkSource src = network("{16}", "@Embedding(vocab = 100, dim = 8) Layer wte;",
                "@Linear(out = 32) Layer proj;", "@Chunk(parts = 2, index = 0) Layer value;",
                "@Chunk(parts = 2, index = 1) @From(\"proj\") Layer gate;", "@GELU Layer act;",
                "@Mul({\"value\", \"act\"}) Layer gated;", "@Linear(out = 8) Layer out;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // wte 100 x 8 = 800; proj 8 x 32 + 32 = 288; out 16 x 8 + 8 = 136. Total 1,224.
        assertThat(source).contains("public static final long PARAMS = 1_224L;");
        // proj 16 tokens x 8 x 32 = 4,096; out 16 x 16 x 8 = 2,048. Total 6,144.
        assertThat(source).contains("public static final long MACS = 6_144L;");
        // The halves are 16 wide: wte, proj, value, gate, act, gated, out.
        assertThat(source).contains("LayerTable.shapes(\"16,8\\n\"\n            + \"16,32\\n\"\n"
                + "            + \"16,16\\n\"\n            + \"16,16\\n\"\n            + \"16,16\\n\"\n"
                + "            + \"16,16\\n\"\n            + \"16,8\\n\"");
    }

    @Test
    void inIsTheLastAxisOfAChannelsLastMap() throws Exception {
        NetworkSource block = NetworkSource.of("com.example.Mlp", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Mlp {
                    class Layers {
                        @Linear @With(out = "in * 4") Layer fc1;
                        @GELU Layer act;
                        @Linear @With(out = "in") Layer fc2;
                    }
                }
                """);
        // ConvNeXt's order: a depthwise convolution, then the MLP on each position's channels.
        NetworkSource net = network("{8, 4, 6}", "@Conv(out = 8, kernel = 3, padding = 1, groups = 8) Layer dwconv;",
                "@ChannelsLast Layer perm;", "@Mlp Layer mlp;");
        Compilation compilation = compile(block, net);
        assertThat(compilation).succeededWithoutWarnings();
        // dwconv 8 x 9 + 8 = 80; in = 8, the channels, last in (4, 6, 8): fc1 8 x 32 + 32 = 288, fc2 32 x 8 + 8 =
        // 264. Total 632. Were in the first axis, 4, fc1 would be 8 x 16 + 16 and fc2 16 x 4 + 4.
        assertThat(companion(compilation)).contains("public static final long PARAMS = 632L;");
    }

    @Test
    void mobileVitAttendsWithinEachUnfoldedSequence() throws Exception {
        // (16, 8, 8) in patches of 2 x 2: P = 4 sequences of N = 16 patches, 16 wide; attention within each.
        NetworkSource src = network("{16, 8, 8}", "@Unfold(patch = 2) Layer unfold;", "@LayerNorm Layer norm;",
                "@MultiHeadAttention(heads = 2) Layer attn;", "@Fold(patch = 2, size = {8, 8}) Layer fold;",
                "@Conv(out = 16, kernel = 1) Layer proj;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // LayerNorm(16) 32; MultiheadAttention(16, 2) 4 x 16 x 16 + 4 x 16 = 1,088; Conv2d(16, 16, 1) 272: torch
        // 1.13's sum(p.numel()) gives the same. Total 1,392.
        assertThat(source).contains("public static final long PARAMS = 1_392L;");
        // Attention: projections 4 x (4 x 16 tokens) x 16 x 16 = 65,536, products 4 sequences x 2 x 16^2 x 16 =
        // 32,768: 98,304, what torch 1.13's profiler (with_flops) counts for MultiheadAttention on (4, 16, 16)
        // (mm 98,304 + bmm 65,536 + addmm 32,768 FLOPs, halved). One sequence of 64 would have had 131,072 in its
        // products alone. proj 16 x 64 positions x 16 = 16,384. Total 114,688.
        assertThat(source).contains("public static final long MACS = 114_688L;");
        // unfold, norm, attn: (P, N, C) = (4, 16, 16); fold and proj: (16, 8, 8).
        assertThat(source).contains("LayerTable.shapes(\"4,16,16\\n\"\n            + \"4,16,16\\n\"\n"
                + "            + \"4,16,16\\n\"\n            + \"16,8,8\\n\"\n            + \"16,8,8\\n\"");
    }
}
