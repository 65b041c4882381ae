package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Errors in how a network is declared, rather than in its shapes. */
class DeclarationDiagnosticsTest {
    @Test
    void twoLayerAnnotationsOnOneField() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    @Conv(out = 8, kernel = 3) @ReLU Layer conv;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:two-layers] conv: a field declares one layer, but it has @Conv and @ReLU; move @ReLU to a"
                        + " field of its own after this one",
                src.at("@ReLU"));
    }

    @Test
    void layerAnnotationOutsideANetwork() {
        NetworkSource src = NetworkSource.of("com.example.Helper", """
                package com.example;

                import dev.netcost.*;

                class Helper {
                    @Linear(out = 10) Layer fc;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:not-in-network] fc: @Linear declares a layer, but Helper is not a network; annotate Helper"
                        + " with @Network(input = {...})",
                src.at("@Linear"));
    }

    @Test
    void layerAnnotationOnAFieldOfAnotherType() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    @Conv(out = 8, kernel = 3) Layer conv;
                    @ReLU int relu;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:field-type] relu: a layer field must have the type dev.netcost.Layer, not int; declare it"
                        + " as `Layer relu;`",
                src.at("@ReLU"));
    }

    /**
     * With a declaration error, shapes are not inferred (a layer the user meant is missing), but
     * every layer's own attributes are still checked: one compile shows both errors.
     */
    @Test
    void attributesAreCheckedBesideADeclarationError() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    @Conv(out = 8, kernel = 3) Layer conv;
                    @ReLU int relu;
                    @Conv(out = 0, kernel = 3) Layer empty;
                    @Linear(out = 10) Layer wouldNeedFlatten;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, src, "[netcost:field-type] relu", src.at("@ReLU"));
        assertError(compilation, src, "[netcost:out-of-range] empty: out = 0: the number of output channels must be"
                + " at least 1", src.at("out = 0", "0"));
    }

    @Test
    void networkWithoutLayers() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    Layer notAnnotated;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:no-layers] Net declares no layers; add fields such as `@Conv(out = 16, kernel = 3) Layer"
                        + " conv1;`",
                src.at("@Network"));
    }

    @Test
    void companionNameAlreadyTaken() {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    @ReLU Layer relu;
                }
                """);
        NetworkSource taken = NetworkSource.of("com.example.NetCost", """
                package com.example;

                class NetCost {}
                """);
        assertOnlyError(compile(net, taken), net,
                "[netcost:name-taken] netcost generates com.example.NetCost for Net, but a type of that name is"
                        + " already declared; rename that type or the network",
                net.at("@Network"));
    }

    /** A nested {@code Outer.Inner} and a top-level {@code Outer_Inner} both want {@code Outer_InnerCost}. */
    @Test
    void twoNetworksWithOneCompanionName() {
        NetworkSource nested = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                class Outer {
                    @Network(input = {3, 32, 32})
                    static class Inner {
                        @ReLU Layer relu;
                    }
                }
                """);
        NetworkSource flat = NetworkSource.of("com.example.Outer_Inner", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Outer_Inner {
                    @ReLU Layer relu;
                }
                """);
        Compilation compilation = compile(nested, flat);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        // The middle of the message is javac's own FilerException text, which is not ours to pin.
        assertError(compilation, flat, "[netcost:name-taken] netcost could not write com.example.Outer_InnerCost for"
                + " Outer_Inner: javax.annotation.processing.FilerException", flat.at("@Network"));
        assertThat(compilation).hadErrorContaining("; another network or generated type may already use that name:"
                + " rename one of them");
    }

    @Test
    void twoFieldsWhoseConstantsWouldClash() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    @ReLU Layer convA;
                    @ReLU Layer conv_a;
                }
                """);
        assertOnlyError(compile(src), src,
                "[netcost:constant-clash] conv_a: its constants would be named CONV_A_*, as those of convA are;"
                        + " rename one of the two fields",
                src.at("@ReLU Layer conv_a", "@ReLU"));
    }

    /** One compile reports every independent error, in every network, and nothing cascades. */
    @Test
    void everyIndependentErrorInOneCompile() {
        NetworkSource first = NetworkSource.of("com.example.First", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class First {
                    @Conv(out = 4, kernel = 11) Layer tooBig;
                    @Conv(out = 4, kernel = 11) Layer wouldAlsoFail;
                    @Linear(out = 10) Layer wouldNeedFlatten;
                    @Dropout(p = -0.1) Layer badDropout;
                }
                """);
        NetworkSource second = NetworkSource.of("com.example.Second", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8}, batch = -1)
                class Second {
                    @Conv(out = 4, kernel = 3, stride = 0) Layer conv;
                }
                """);
        Compilation compilation = compile(first, second);
        assertThat(compilation).failed();
        // First: the window error and the dropout, not the two layers that only echo the first.
        // Second: the batch and the stride.
        assertThat(compilation).hadErrorCount(4);
        assertError(compilation, first, "[netcost:window] tooBig on input (3, 8, 8): kernel 11",
                first.at("kernel = 11) Layer tooBig", "11"));
        assertError(compilation, first, "[netcost:out-of-range] badDropout: p = -0.1 is not a probability",
                first.at("p = -0.1", "-0.1"));
        assertError(compilation, second, "[netcost:out-of-range] Second: batch = -1 must be at least 1",
                second.at("batch = -1", "-1"));
        assertError(compilation, second, "[netcost:out-of-range] conv on input (3, 8, 8): stride = 0",
                second.at("stride = 0", "0"));
    }

    /** javac reports a missing {@code input} itself; netcost adds nothing and does not fail. */
    @Test
    void aNetworkWithoutAnyInputIsAnError() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network
                class Net {
                    @Conv(out = 8, kernel = 3) Layer conv;
                }
                """);
        // input = {} is the default, for a network whose inputs are @Input fields: with none, netcost says so.
        assertOnlyError(compile(src), src, "[netcost:no-input] Net: input = {} gives no input shape, and no field is"
                + " an @Input; give one sample's shape, channels first, such as input = {3, 224, 224}, or declare"
                + " @Input fields", src.at("@Network"));
    }

    /**
     * {@code out} has a default so that a block can give it through {@code @With}, so netcost
     * reports its absence, on the annotation.
     */
    @Test
    void aMissingOutIsReported() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @Conv(kernel = 3) Layer conv;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:missing] conv: @Conv needs out; write it, as @Conv(out = ...),"
                + " or give it in a block by @With(out = \"...\")", src.at("@Conv"));
    }

    /**
     * An unknown constant in a value: javac's error on it, and on the last round netcost's one
     * line saying it wrote no companion, so that "cannot find symbol NetCost" elsewhere is explained.
     */
    @Test
    void unresolvableValuesAreLeftToJavac() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                class Net {
                    @Conv(out = WIDTH, kernel = 3) Layer conv;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("WIDTH").inFile(src.file()).onLine(src.at("WIDTH").line());
        assertThat(compilation).hadErrorContaining("[netcost:unresolved] Net: javac could not resolve the value of out"
                + " on conv").inFile(src.file()).onLine(src.at("@Network").line());
    }

    /** A field of an unknown type: javac's error, not a misleading one about the field's type. */
    @Test
    void unknownFieldTypesAreLeftToJavac() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.Conv;
                import dev.netcost.Network;

                @Network(input = {3, 32, 32})
                class Net {
                    @Conv(out = 8, kernel = 3) Layr conv;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("Layr").inFile(src.file()).onLine(src.at("Layr").line());
        assertThat(compilation).hadErrorContaining("[netcost:unresolved] Net: javac could not resolve the type Layr"
                + " on conv").inFile(src.file()).onLine(src.at("@Network").line());
    }

    /** Constants are ordinary Java: a network can take its widths from them. */
    @Test
    void constantExpressionsAreValues() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, Net.SIZE, Net.SIZE})
                class Net {
                    static final int SIZE = 32;
                    static final int WIDTH = 16;
                    @Conv(out = WIDTH * 2, kernel = 3, padding = 1) Layer conv;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.NetCost").contentsAsUtf8String()
                .contains("): {@code (32, 32, 32)}.\n     */\n    public static final Shape CONV_OUTPUT_SHAPE = ");
    }

    /** Nested networks get a companion named after the whole path, so two of one name do not collide. */
    @Test
    void nestedNetworksAreNamedByTheirPath() {
        NetworkSource src = NetworkSource.of("com.example.Zoo", """
                package com.example;

                import dev.netcost.*;

                class Zoo {
                    @Network(input = {3, 32, 32})
                    static class Small {
                        @ReLU Layer relu;
                    }
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.Zoo_SmallCost").contentsAsUtf8String()
                .contains("Compile-time costs of {@link Zoo.Small}");
    }
}
