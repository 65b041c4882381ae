package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Errors of blocks. A mistake in a block's own declaration is reported once, in the block,
 * however many networks use it. A mistake that only a use reveals (its arguments, its input) is
 * reported at the network's field that uses the block, on the argument at fault when there is
 * one, and the message names the path inside.
 */
class BlockDiagnosticsTest {
    /** A residual block with a grouped 3 x 3 convolution, in its own file. */
    static final NetworkSource RES = NetworkSource.of("com.example.Res", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Res {
                int out();
                @FirstOnly int stride() default 1;
                int groups() default 1;

                class Layers {
                    @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out", stride = "stride", groups = "groups")
                    Layer conv;
                    @BatchNorm Layer bn;
                    @Add({"bn", "input"}) Layer add;
                }
            }
            """);

    private static NetworkSource network(String... fields) {
        return NetworkSource.network("{64, 8, 8}", fields);
    }

    @Test
    void aValidBlockCompilesWithoutWarnings() {
        NetworkSource src = network("@Res(out = 64) @Repeat(2) Layer layer1;");
        assertThat(compile(RES, src)).succeededWithoutWarnings();
    }

    /** The example: the error inside layer3[0], on the use's {@code groups = 3}. */
    @Test
    void anErrorInsideAnInstanceIsOnTheArgumentAtTheUse() {
        NetworkSource src = network("@Res(out = 64, groups = 3) @Repeat(2) Layer layer3;");
        assertOnlyError(compile(RES, src), src, "[netcost:channels] layer3[0].conv on input (64, 8, 8): groups = 3 does"
                + " not divide out = 64; groups must divide both the input and the output channels",
                src.at("groups = 3", "3"));
    }

    @Test
    void aShapeErrorInsideAnInstanceWithNoArgumentAtFaultIsOnTheUse() {
        NetworkSource src = network("@Res(out = 128) Layer block;");
        assertOnlyError(compile(RES, src), src, "[netcost:merge] block.add: @Add needs shapes that broadcast"
                + " (of one rank, each pair of dimensions equal or one of them 1), but block.bn gives (128, 8, 8)"
                + " and input gives (64, 8, 8); on a residual path whose channels or size change, give the shortcut"
                + " a 1 x 1 convolution with the same stride", src.at("@Res"));
    }

    @Test
    void firstOnlyAppliesToTheFirstRepeat() {
        // With the stride on every repeat, layer2[1] would get (64, 4, 4) and its residual add would
        // fail; with @FirstOnly only layer2[0] strides, and its add is the one that fails.
        NetworkSource src = network("@Res(out = 64, stride = 2) @Repeat(2) Layer layer2;");
        assertOnlyError(compile(RES, src), src, "[netcost:merge] layer2[0].add: @Add needs shapes that broadcast"
                + " (of one rank, each pair of dimensions equal or one of them 1), but layer2[0].bn gives"
                + " (64, 4, 4) and input gives (64, 8, 8)", src.at("@Res"));
    }

    @Test
    void aNestedExpressionThatFailsIsOnTheOutermostArgument() {
        NetworkSource inner = NetworkSource.of("com.example.Inner", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Inner {
                    int out() default 0;
                    class Layers {
                        @Conv(kernel = 1) @With(out = "out") Layer conv;
                    }
                }
                """);
        NetworkSource outer = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Outer {
                    int width();
                    class Layers {
                        @Inner @With(out = "width / (width - 8)") Layer inner;
                    }
                }
                """);
        NetworkSource src = network("@Outer(width = 8) Layer outer;");
        assertOnlyError(compile(inner, outer, src), src, "[netcost:evaluation] outer.inner on input (64, 8, 8): out ="
                + " \"width / (width - 8)\" fails with in = 64, width = 8: division by zero",
                src.at("width = 8", "8"));
    }

    @Test
    void aMistakeInABlockIsReportedOnceInTheBlock() {
        NetworkSource block = NetworkSource.of("com.example.Typo", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Typo {
                    int width();
                    class Layers {
                        @Conv(kernel = 1) @With(out = "widht") Layer conv;
                    }
                }
                """);
        NetworkSource first = network("@Typo(width = 3) Layer one;", "@Typo(width = 4) Layer two;");
        NetworkSource second = NetworkSource.of("com.example.Other", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Other {
                    @Typo(width = 5) Layer one;
                }
                """);
        assertOnlyError(compile(block, first, second), block, "[netcost:expression] conv: out = \"widht\": unknown"
                + " name `widht`; in scope: width, in", block.at("\"widht\""));
    }

    @Test
    void anUnknownParameterInWithArgs() {
        NetworkSource src = network("@Res(out = 64) @With(args = \"strid = 2\") Layer block;");
        assertOnlyError(compile(RES, src), src, "[netcost:unknown-attribute] block: Res has no parameter `strid`; it"
                + " has out, stride, groups", src.at("\"strid = 2\""));
    }

    @Test
    void aParameterGivenTwice() {
        NetworkSource src = network("@Res(out = 64, stride = 1) @With(stride = \"1\") Layer block;");
        assertOnlyError(compile(RES, src), src, "[netcost:given-twice] block: stride is given on @Res and by @With;"
                + " keep one", src.at("@With(stride = \"1\")", "\"1\""));
    }

    @Test
    void aMalformedArgsEntry() {
        NetworkSource src = network("@Res(out = 64) @With(args = \"stride 2\") Layer block;");
        assertOnlyError(compile(RES, src), src, "[netcost:expression] block: @With args entry \"stride 2\" is not"
                + " `name = expression`; write it as \"squeeze = in / 4\"", src.at("\"stride 2\""));
    }

    @Test
    void aRepeatBelowOne() {
        NetworkSource src = network("@Res(out = 64) @Repeat(0) Layer block;");
        assertOnlyError(compile(RES, src), src, "[netcost:out-of-range] block: @Repeat(0) must be at least 1",
                src.at("@Repeat(0)", "0"));
    }

    @Test
    void aBlockThatContainsItself() {
        NetworkSource blocks = NetworkSource.of("com.example.Loops", """
                package com.example;

                import dev.netcost.*;

                class Loops {
                    @Block
                    @interface Loop {
                        class Layers {
                            @Loop2 Layer inner;
                        }
                    }

                    @Block
                    @interface Loop2 {
                        class Layers {
                            @Loop Layer again;
                        }
                    }
                }
                """);
        NetworkSource src = network("@Loops.Loop Layer loop;");
        assertOnlyError(compile(blocks, src), blocks, "[netcost:recursive-block] again: Loop would contain itself"
                + " (Loop > Loop2 > Loop); a block cannot use itself, directly or through other blocks",
                blocks.at("@Loop Layer again"));
    }

    @Test
    void aBlockWithoutLayers() {
        NetworkSource block = NetworkSource.of("com.example.Empty", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Empty {
                    int out();
                }
                """);
        NetworkSource src = network("@Empty(out = 3) Layer block;");
        assertOnlyError(compile(block, src), block, "[netcost:block-layers] Empty: a @Block declares its layers as"
                + " fields of a nested class `Layers`: add `class Layers { @Conv(...) Layer conv; }`",
                block.at("@Block"));
    }

    @Test
    void badParameters() {
        NetworkSource block = NetworkSource.of("com.example.Bad", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Bad {
                    long name();
                    @FirstOnly int stride();
                    class Layers {
                        @ReLU Layer relu;
                    }
                }
                """);
        NetworkSource src = network("@Bad(name = 1L, stride = 1) Layer block;");
        Compilation compilation = compile(block, src);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[netcost:block-parameter] name: a block parameter is an int, a"
                + " boolean, or a String that names a tensor, not long; an int's or a boolean's values feed layer"
                + " attributes through @With")
                .inFile(block.file()).onLine(block.at("long name()").line());
        assertError(compilation, block, "[netcost:block-parameter] stride: @FirstOnly gives the repeats after the first"
                + " this parameter's default, and it has none; add one, such as `int stride() default 1;`",
                block.at("@FirstOnly"));
    }

    @Test
    void layersOutsideABlockOrNetwork() {
        NetworkSource src = NetworkSource.of("com.example.Loose", """
                package com.example;

                import dev.netcost.*;

                class Loose {
                    class Layers {
                        @ReLU Layer relu;
                    }
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:not-in-network] relu: @ReLU declares a layer, but Layers is not a"
                + " network; annotate Layers with @Network(input = {...}), or declare the layers in the nested class"
                + " Layers of a @Block", src.at("@ReLU"));
    }

    @Test
    void aBlockWhoseLayersClassDeclaresNoLayers() {
        NetworkSource block = NetworkSource.of("com.example.Hollow", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Hollow {
                    class Layers {
                        int notALayer;
                    }
                }
                """);
        NetworkSource src = network("@Hollow Layer block;");
        assertOnlyError(compile(block, src), block, "[netcost:block-layers] Hollow: Hollow.Layers declares no layers;"
                + " add fields such as `@Conv(kernel = 3) @With(out = \"width\") Layer conv;`", block.at("@Block"));
    }

    /** layer1[0]'s constants would be LAYER1_0_*, which a field named layer1_0 already has. */
    @Test
    void anInstanceWhoseConstantsClashWithAField() {
        NetworkSource src = network("@ReLU Layer layer1_0;", "@Res(out = 64) @Repeat(2) Layer layer1;");
        assertOnlyError(compile(RES, src), src, "[netcost:constant-clash] layer1[0]: its constants would be named"
                + " LAYER1_0_*, as those of layer1_0 are; rename one", src.at("@Res"));
    }

    @Test
    void aBlockUsedOutsideANetwork() {
        NetworkSource src = NetworkSource.of("com.example.Loose", """
                package com.example;

                import dev.netcost.*;

                class Loose {
                    @Res(out = 64) Layer block;
                }
                """);
        assertOnlyError(compile(RES, src), src, "[netcost:not-in-network] block: @Res declares a layer, but Loose is"
                + " not a network; annotate Loose with @Network(input = {...}), or declare the layers in the nested"
                + " class Layers of a @Block", src.at("@Res"));
    }

    /** A block compiles the same in every network that uses it, and reads any earlier tensor by name. */
    @Test
    void twoNetworksShareABlock() {
        NetworkSource src = NetworkSource.of("com.example.Two", """
                package com.example;

                import dev.netcost.*;

                class Two {
                    @Network(input = {64, 8, 8})
                    static class A {
                        @Res(out = 64) Layer block;
                    }

                    @Network(input = {64, 16, 16})
                    static class B {
                        @ReLU Layer relu;
                        @Res(out = 64) @From("input") Layer block;
                        @Add({"relu", "block"}) Layer add;
                    }
                }
                """);
        Compilation compilation = compile(RES, src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.Two_ACost");
        assertThat(compilation).generatedSourceFile("com.example.Two_BCost");
    }

    /**
     * Inception-v3's factorized convolutions: one value per dimension from the parameters,
     * {@code kernel = "kh, kw"}. A 1 x 7 kernel with padding (0, 3) keeps 17 x 17; 16 outputs from
     * 8 channels: 16 * 289 * 8 * 7 = 258,944 MACs.
     */
    @Test
    void perDimensionValuesFromParameters() throws java.io.IOException {
        NetworkSource block = NetworkSource.of("com.example.Factorized", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Factorized {
                    int out();
                    int kh() default 1;
                    int kw() default 1;
                    class Layers {
                        @Conv(bias = false) @With(out = "out", kernel = "kh, kw", padding = "kh / 2, kw / 2") Layer conv;
                    }
                }
                """);
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {8, 17, 17})
                class Net {
                    @Factorized(out = 16, kh = 1, kw = 7) Layer branch;
                }
                """);
        Compilation compilation = compile(block, src);
        assertThat(compilation).succeededWithoutWarnings();
        String cost = Compilations.companion(compilation);
        com.google.common.truth.Truth.assertThat(cost).contains("BRANCH_MACS = 258_944L;");
        com.google.common.truth.Truth.assertThat(cost).contains("): {@code (16, 17, 17)}.\n     */\n    public static final Shape BRANCH_OUTPUT_SHAPE = ");
    }

    @Test
    void aParameterNamedIn() {
        NetworkSource block = NetworkSource.of("com.example.Shadow", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Shadow {
                    int in();
                    class Layers {
                        @ReLU Layer relu;
                    }
                }
                """);
        NetworkSource src = network("@Shadow(in = 3) Layer block;");
        Compilation compilation = compile(block, src);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netcost:block-parameter] in: a block parameter may not be named"
                + " `in`: expressions use that name for the channels coming into the block; rename the parameter")
                .inFile(block.file()).onLine(block.at("int in()").line());
    }
}
