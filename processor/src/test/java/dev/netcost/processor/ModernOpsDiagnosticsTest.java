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
 * The ops of modern CNNs through javac: their enum attributes read from the source, their figures in
 * the companion, and every error they can give, with its message, file, line and column. Figures by
 * hand in each test; {@code model/ModernCnnOpsTest} has the ops' rules one by one, with PyTorch's counts.
 */
class ModernOpsDiagnosticsTest {
    /** Every new op in one network, each output (8, 5, 5) of 200 elements unless said. */
    @Test
    void everyOpCompilesWithItsFigures() throws Exception {
        NetworkSource src = network("{3, 5, 5}",
                "@Conv(out = 8, kernel = 4, autoPad = Padding.SAME) Layer conv;",
                "@GroupNorm(groups = 4) Layer gn;",
                "@PReLU(parameters = 8) Layer prelu;",
                "@InstanceNorm(affine = true, trackRunningStats = true) Layer inorm;",
                "@LeakyReLU(negativeSlope = 0.2) Layer leaky;",
                "@Mish Layer mish;",
                "@GELU(approximate = Approximate.TANH) Layer gelu;",
                "@Conv(out = 8, kernel = 1, autoPad = Padding.VALID) Layer proj;",
                "@GlobalAvgPool @From(\"gelu\") Layer pool;",
                "@Add({\"proj\", \"pool\"}) Layer add;");
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // Same padding keeps 5 x 5 with a kernel of 4 (1 cell before, 2 after): 8 * 3 * 16 + 8 = 392 parameters,
        // 8 * 25 * (3 * 16) = 9,600 MACs.
        assertThat(source).contains("public static final long CONV_PARAMS = 392L;");
        assertThat(source).contains("public static final long CONV_MACS = 9_600L;");
        // Group norm: a scale and shift per channel, 16; 5 per element, 1,000.
        assertThat(source).contains("public static final long GN_PARAMS = 16L;");
        assertThat(source).contains("public static final long GN_FLOPS = 1_000L;");
        // PReLU: 8 slopes; a compare and a multiply, 400.
        assertThat(source).contains("public static final long PRELU_PARAMS = 8L;");
        assertThat(source).contains("public static final long PRELU_FLOPS = 400L;");
        // Instance norm, affine and tracking: 16 parameters, 16 buffers, 2 per element with running stats.
        assertThat(source).contains("public static final long INORM_PARAMS = 16L;");
        assertThat(source).contains("public static final long INORM_BUFFERS = 16L;");
        assertThat(source).contains("public static final long INORM_FLOPS = 400L;");
        assertThat(source).contains("public static final long LEAKY_FLOPS = 400L;");
        assertThat(source).contains("public static final long MISH_FLOPS = 1_600L;"); // 8 per element
        assertThat(source).contains("public static final long GELU_FLOPS = 2_400L;"); // the tanh form, 12
        // Valid padding of a 1 x 1 kernel: 8 * 8 + 8 = 72 parameters on (8, 5, 5).
        assertThat(source).contains("public static final long PROJ_PARAMS = 72L;");
        // (8, 5, 5) + (8, 1, 1) broadcast: one add per element of (8, 5, 5).
        assertThat(source).contains("public static final long ADD_FLOPS = 200L;");
    }

    @Test
    void groupNormGroupsNotDividingTheChannels() {
        NetworkSource src = network("{6, 8, 8}", "@GroupNorm(groups = 4) Layer gn;");
        // The divisors of 6 nearest 4: 3 and 6 (1 and 2 away), 2 (2 away), 1 (3 away).
        assertOnlyError(compile(src), src, "[netcost:channels] gn on input (6, 8, 8): groups = 4 does not divide the 6"
                + " channels, which GroupNorm splits into groups of equal size; use one of 1, 2, 3 or 6",
                src.at("groups = 4", "4"));
    }

    @Test
    void groupNormGroupsZero() {
        NetworkSource src = network("{6, 8, 8}", "@GroupNorm(groups = 0) Layer gn;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] gn on input (6, 8, 8): groups = 0: the number of"
                + " groups must be at least 1", src.at("groups = 0", "0"));
    }

    @Test
    void groupNormWithoutGroups() {
        NetworkSource src = network("{6, 8, 8}", "@GroupNorm Layer gn;");
        assertOnlyError(compile(src), src, "[netcost:missing] gn: @GroupNorm needs groups; write it, as"
                + " @GroupNorm(groups = ...), or give it in a block by @With(groups = \"...\")", src.at("@GroupNorm"));
    }

    @Test
    void instanceNormOnAVector() {
        NetworkSource src = network("{64}", "@InstanceNorm Layer inorm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] inorm on input (64): @InstanceNorm normalizes each"
                + " channel over its positions, so it takes (C, L), (C, H, W) or (C, D, H, W), but its input (64) has"
                + " no positions; move it before the @Flatten, or normalize the vector with @LayerNorm",
                src.at("@InstanceNorm"));
    }

    /** PyTorch 1.13 refuses InstanceNorm2d(6) on (2, 6, 1, 1), in eval too: one position has no variance. */
    @Test
    void instanceNormOnOnePosition() {
        NetworkSource src = network("{6, 4, 4}", "@GlobalAvgPool Layer pool;", "@InstanceNorm Layer inorm;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] inorm on input (6, 1, 1): @InstanceNorm normalizes"
                + " each channel over its positions, but its input (6, 1, 1) has one position per channel, whose"
                + " variance PyTorch refuses to take (\"Expected more than 1 spatial element\"); move it before the"
                + " pooling, or set trackRunningStats = true to normalize with the running statistics at inference",
                src.at("@InstanceNorm"));
        // With running statistics, eval normalizes with them: PyTorch runs it, and so does netcost.
        NetworkSource tracked = network("{6, 4, 4}", "@GlobalAvgPool Layer pool;",
                "@InstanceNorm(trackRunningStats = true) Layer inorm;");
        assertThat(compile(tracked)).succeededWithoutWarnings();
    }

    /** PyTorch 1.13: channel_shuffle "expects input with > 2 dims", so never a vector (N, C). */
    @Test
    void channelShuffleOnAVector() {
        NetworkSource src = network("{8}", "@ChannelShuffle Layer shuffle;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] shuffle on input (8): @ChannelShuffle needs an input"
                + " (C, L), (C, H, W) or (C, D, H, W); this input has no spatial dimensions left; move the layer"
                + " before the @Flatten or the @Linear", src.at("@ChannelShuffle"));
    }

    @Test
    void preluSlopesNeitherOneNorTheChannels() {
        NetworkSource src = network("{8, 5, 5}", "@PReLU(parameters = 5) Layer prelu;");
        assertOnlyError(compile(src), src, "[netcost:channels] prelu on input (8, 5, 5): parameters = 5 is neither 1"
                + " (one slope shared) nor the 8 channels of the input (one slope each), as PyTorch's PReLU requires;"
                + " use parameters = 1 or 8", src.at("parameters = 5", "5"));
    }

    @Test
    void preluSlopesZero() {
        NetworkSource src = network("{8, 5, 5}", "@PReLU(parameters = 0) Layer prelu;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] prelu on input (8, 5, 5): parameters = 0: the number"
                + " of learned slopes must be at least 1", src.at("parameters = 0", "0"));
    }

    /** PyTorch's PReLU(16) on (N, 10, 16) learns along axis 1, the 10 tokens, and fails; netcost says why. */
    @Test
    void preluSlopesOnTokens() {
        NetworkSource src = network("{10}", "@Embedding(vocab = 100, dim = 16) Layer wte;",
                "@PReLU(parameters = 16) Layer prelu;");
        assertOnlyError(compile(src), src, "[netcost:input-shape] prelu on input (10, 16): parameters = 16 learns one"
                + " slope per channel, on axis 1 of PyTorch's (N, C, ...), but the input is tokens (T, E), whose axis"
                + " 1 is T: PyTorch's PReLU cannot learn a slope per feature E; use parameters = 1",
                src.at("parameters = 16", "16"));
    }

    @Test
    void onePreluSlopeOnTokensIsFine() {
        NetworkSource src = network("{10}", "@Embedding(vocab = 100, dim = 16) Layer wte;", "@PReLU Layer prelu;");
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void samePaddingWithAStride() {
        NetworkSource src = network("{3, 16, 16}", "@Conv(out = 8, kernel = 3, stride = 2, autoPad = Padding.SAME)"
                + " Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:padding] conv on input (3, 16, 16): autoPad = Padding.SAME keeps"
                + " the input's size, which PyTorch allows only with stride 1 (\"padding='same' is not supported for"
                + " strided convolutions\"), and stride = 2; use stride = 1, or padding as sizes without autoPad, such"
                + " as padding = 1", src.at("stride = 2", "2"));
    }

    @Test
    void samePaddingWithSizes() {
        NetworkSource src = network("{3, 16, 16}", "@Conv(out = 8, kernel = 3, padding = 1, autoPad = Padding.SAME)"
                + " Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:padding] conv on input (3, 16, 16): autoPad = Padding.SAME sets"
                + " the padding itself, but padding = 1 is written too; remove one of them", src.at("padding = 1", "1"));
    }

    @Test
    void validPaddingWithSizes() {
        NetworkSource src = network("{3, 16, 16}", "@Conv(out = 8, kernel = 3, padding = {1, 2}, autoPad ="
                + " Padding.VALID) Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:padding] conv on input (3, 16, 16): autoPad = Padding.VALID sets"
                + " the padding itself, but padding = {1, 2} is written too; remove one of them",
                src.at("padding = {1, 2}", "{1, 2}"));
    }

    /** A dsl enum is a constant: an expression cannot give it. */
    @Test
    void autoPadIsAConstant() {
        NetworkSource block = NetworkSource.of("com.example.B", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface B {
                    class Layers {
                        @Conv(kernel = 3) @With(out = "in", args = "autoPad = SAME") Layer conv;
                    }
                }
                """);
        NetworkSource src = network("{8, 8, 8}", "@B Layer b;");
        assertOnlyError(compile(block, src), block, "[netcost:expression] conv: autoPad takes a constant, not an"
                + " expression; write it on @Conv", block.at("\"autoPad = SAME\""));
    }

    /** Same padding in a block whose stride is an argument: checked for each use, on the argument that strides. */
    private static final NetworkSource SAME_BLOCK = NetworkSource.of("com.example.Same", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Same {
                int stride() default 1;

                class Layers {
                    @Conv(kernel = 4, autoPad = Padding.SAME) @With(out = "in", stride = "stride") Layer conv;
                }
            }
            """);

    @Test
    void samePaddingInABlockIsFineWithStrideOne() throws Exception {
        NetworkSource src = network("{8, 6, 6}", "@Same Layer b;");
        Compilation compilation = compile(SAME_BLOCK, src);
        assertThat(compilation).succeededWithoutWarnings();
        // (8, 6, 6) stays 6 x 6 with a kernel of 4: 8 * 8 * 16 + 8 = 1,032 parameters, 8 * 36 * 128 = 36,864 MACs.
        assertThat(companion(compilation)).contains("public static final long B_PARAMS = 1_032L;");
        assertThat(companion(compilation)).contains("public static final long B_MACS = 36_864L;");
    }

    @Test
    void samePaddingInABlockWithAStrideArgument() {
        NetworkSource src = network("{8, 6, 6}", "@Same Layer a;", "@Same(stride = 2) Layer b;");
        assertOnlyError(compile(SAME_BLOCK, src), src, "[netcost:padding] b.conv on input (8, 6, 6): autoPad ="
                + " Padding.SAME keeps the input's size, which PyTorch allows only with stride 1 (\"padding='same' is"
                + " not supported for strided convolutions\"), and stride = 2; use stride = 1, or padding as sizes"
                + " without autoPad, such as padding = 1", src.at("stride = 2", "2"));
    }

    /** A constant stride in the block is the block's own mistake: said once, in the block. */
    @Test
    void samePaddingWithAConstantStrideInABlockIsTheBlocks() {
        NetworkSource block = NetworkSource.of("com.example.B", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface B {
                    class Layers {
                        @Conv(out = 8, kernel = 3, stride = 2, autoPad = Padding.SAME) Layer conv;
                    }
                }
                """);
        NetworkSource src = network("{8, 8, 8}", "@B Layer a;", "@B Layer b;");
        assertOnlyError(compile(block, src), block, "[netcost:padding] conv: autoPad = Padding.SAME keeps the input's"
                + " size, which PyTorch allows only with stride 1 (\"padding='same' is not supported for strided"
                + " convolutions\"), and stride = 2; use stride = 1, or padding as sizes without autoPad, such as"
                + " padding = 1", block.at("stride = 2", "2"));
    }

    @Test
    void addOfShapesThatDoNotBroadcast() {
        NetworkSource src = network("{8, 6, 6}", "@Conv(out = 4, kernel = 1) Layer conv;",
                "@GlobalAvgPool @From(\"input\") Layer pool;", "@Add({\"conv\", \"pool\"}) Layer add;");
        assertOnlyError(compile(src), src, "[netcost:merge] add: @Add needs shapes that broadcast (of one rank,"
                + " each pair of dimensions equal or one of them 1), but conv gives (4, 6, 6) and pool gives (8, 1, 1); on"
                + " a residual path whose channels or size change, give the shortcut a 1 x 1 convolution with the same"
                + " stride", src.at("{\"conv\", \"pool\"}"));
    }
}
