package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The companion compiles in the strictest build a user may have: every lint and every doclint
 * check, warnings as errors (lint "processing" off, as this project's own build has it: it warns
 * about {@code @Generated}, which no processor claims). And it means what it says whatever the
 * network's package holds: a class of that package named {@code String} or {@code Math} must not
 * stand for {@code java.lang}'s in generated code.
 */
class StrictBuildTest {
    /** Lints and doclint at their strictest (doclint's default access is private: every member). */
    private static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Xdoclint:all", "-Werror");

    /**
     * Every type the generated code names, and a few more it could: those of {@code java.lang}
     * (imported by no one, so a class of the package would win), of netcost, of the JDK.
     */
    private static final List<String> SHADOWS = List.of("String", "Long", "Integer", "Object", "Math", "Override",
            "SuppressWarnings", "Deprecated", "IllegalArgumentException", "ArithmeticException", "Generated", "List",
            "Optional", "Layer", "Shape", "Summary", "LayerTable", "DType", "Tensor", "Header", "InputKind", "Training",
            "TrainingStep");

    /** A decoder block, documented as doclint wants. */
    private static final NetworkSource DEC = NetworkSource.of("com.example.Dec", """
            package com.example;

            import dev.netcost.Add;
            import dev.netcost.Block;
            import dev.netcost.Layer;
            import dev.netcost.Linear;
            import dev.netcost.MultiHeadAttention;
            import dev.netcost.RMSNorm;
            import dev.netcost.With;

            /** A decoder block. */
            @Block
            @interface Dec {
                /**
                 * Attention heads.
                 *
                 * @return the heads
                 */
                int heads();

                /** The block's layers. */
                class Layers {
                    /** Normalizes. */
                    @RMSNorm Layer norm;
                    /** Attends. */
                    @MultiHeadAttention(bias = false, causal = true) @With(heads = "heads") Layer attn;
                    /** The residual. */
                    @Add({"attn", "input"}) Layer residual;
                    /** Projects. */
                    @Linear(bias = false) @With(out = "in") Layer proj;

                    /** Not instantiated. */
                    private Layers() {}
                }
            }
            """);

    /**
     * A documented decoder with a repeated block: the companion then has every part there is, the
     * decoder's constants and methods, block instances, the table of output shapes.
     */
    private static final NetworkSource TINY = NetworkSource.of("com.example.Tiny", """
            package com.example;

            import dev.netcost.DType;
            import dev.netcost.Decoder;
            import dev.netcost.Embedding;
            import dev.netcost.Layer;
            import dev.netcost.Linear;
            import dev.netcost.Network;
            import dev.netcost.RMSNorm;
            import dev.netcost.Repeat;

            /** A tiny language model. */
            @Network(input = {6}, dtype = DType.FLOAT16)
            @Decoder
            public class Tiny {
                /** Token embeddings. */
                @Embedding(vocab = 10, dim = 8) Layer wte;
                /** The blocks. */
                @Dec(heads = 2) @Repeat(2) Layer h;
                /** The last norm. */
                @RMSNorm Layer norm;
                /** The head. */
                @Linear(out = 10, bias = false) Layer head;

                /** Not instantiated. */
                private Tiny() {}
            }
            """);

    @Test
    void theCompanionIsLintAndDoclintClean() {
        Compilation compilation = compileWith(STRICT, DEC, TINY);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.TinyCost");
    }

    @Test
    void aClassOfTheNetworksPackageNamedLikeAnyTypeTheCompanionUsesChangesNothing() throws Exception {
        Compilation compilation = compileWith(STRICT, withShadows(DEC, TINY));
        assertThat(compilation).succeededWithoutWarnings();
        // The same source as without the shadows: the companion never depended on the package.
        Compilation plain = compileWith(STRICT, DEC, TINY);
        assertThat(Compilations.companion(compilation, "com.example.TinyCost"))
                .isEqualTo(Compilations.companion(plain, "com.example.TinyCost"));
        List<Diagnostic<?>> none = List.of();
        assertThat(compilation.diagnostics()).isEqualTo(none);
    }

    /**
     * A documented network of two inputs and two outputs: the constants of each input and of what
     * each output alone needs, and the heading that names them, as strict as the rest, whatever
     * the package holds.
     */
    @Test
    void aNetworkOfSeveralInputsAndOutputs() {
        NetworkSource net = NetworkSource.of("com.example.Two", """
                package com.example;

                import dev.netcost.Add;
                import dev.netcost.Conv;
                import dev.netcost.Flatten;
                import dev.netcost.From;
                import dev.netcost.GlobalAvgPool;
                import dev.netcost.Input;
                import dev.netcost.Layer;
                import dev.netcost.Linear;
                import dev.netcost.Network;
                import dev.netcost.Output;

                /** Two inputs, two outputs. */
                @Network
                public class Two {
                    /** An image. */
                    @Input(shape = {3, 8, 8}) Layer image;
                    /** A feature vector. */
                    @Input(shape = 4) Layer extra;
                    /** Convolves the image. */
                    @Conv(out = 4, kernel = 3) @From("image") Layer conv;
                    /** Pools. */
                    @GlobalAvgPool Layer pool;
                    /** Flattens. */
                    @Flatten Layer flat;
                    /** Adds the features. */
                    @Add({"flat", "extra"}) Layer sum;
                    /** One output. */
                    @Linear(out = 2) @Output Layer logits;
                    /** The other. */
                    @Linear(out = 3) @From("flat") @Output Layer aux;

                    /** Not instantiated. */
                    private Two() {}
                }
                """);
        Compilation compilation = compileWith(STRICT, withShadows(net));
        assertThat(compilation).succeededWithoutWarnings();
        String source = Compilations.companion(compilation, "com.example.TwoCost");
        assertThat(source).contains("IMAGE_INPUT_BYTES");
        assertThat(source).contains("AUX_ONLY_FLOPS");
        assertThat(source).isEqualTo(Compilations.companion(compileWith(STRICT, net), "com.example.TwoCost"));
    }

    /**
     * A network named like a type the companion imports: the companion's Javadoc links to the
     * network, and its code still means netcost's {@code Shape}.
     */
    @Test
    void aNetworkNamedLikeATypeTheCompanionUses() throws Exception {
        NetworkSource shape = NetworkSource.of("com.example.Shape", """
                package com.example;

                import dev.netcost.Layer;
                import dev.netcost.Network;
                import dev.netcost.ReLU;

                /** A network whose name netcost's generated code also uses. */
                @Network(input = {4, 8, 8})
                public final class Shape {
                    /** The one layer. */
                    @ReLU Layer relu;

                    /** Not instantiated. */
                    private Shape() {}
                }
                """);
        Compilation compilation = compileWith(STRICT, shape);
        assertThat(compilation).succeededWithoutWarnings();
        String source = Compilations.companion(compilation, "com.example.ShapeCost");
        // The link is to the network: netcost's Shape is not imported, but written out in full.
        assertThat(source).contains("Compile-time costs of {@link Shape}, generated by netcost.");
        assertThat(source).doesNotContain("import dev.netcost.Shape;");
        assertThat(source).contains("public static final dev.netcost.Shape INPUT_SHAPE = dev.netcost.Shape.of(4, 8, 8);");
    }

    /** The sources, and a class of the network's package named like each type the companion uses. */
    /**
     * A documented network with {@code @Training}, frozen and checkpointed parts: the step's
     * constants, each field's, and the summary's training block, as strict as the rest, whatever the
     * package holds.
     */
    @Test
    void aNetworkWithTraining() {
        NetworkSource net = NetworkSource.of("com.example.Trained", """
                package com.example;

                import dev.netcost.Frozen;
                import dev.netcost.Layer;
                import dev.netcost.Linear;
                import dev.netcost.Network;
                import dev.netcost.ReLU;
                import dev.netcost.Training;

                /** Trained in mixed precision. */
                @Training(batch = 4, optimizer = Training.Optimizer.ADAMW, precision = Training.Precision.MIXED_BFLOAT16)
                @Network(input = 8)
                public class Trained {
                    /** Frozen. */
                    @Linear(out = 8) @Frozen Layer fc1;
                    /** Its activation. */
                    @ReLU Layer relu;
                    /** Trained. */
                    @Linear(out = 8) Layer fc2;
                    /** Trained too. */
                    @Linear(out = 2) Layer fc3;

                    /** Not instantiated. */
                    private Trained() {}
                }
                """);
        Compilation compilation = compileWith(STRICT, withShadows(net));
        assertThat(compilation).succeededWithoutWarnings();
        String source = Compilations.companion(compilation, "com.example.TrainedCost");
        assertThat(source).contains("STEP_FLOPS");
        assertThat(source).contains("FC2_SAVED_BYTES");
        assertThat(source).isEqualTo(Compilations.companion(compileWith(STRICT, net), "com.example.TrainedCost"));
    }

    private static NetworkSource[] withShadows(NetworkSource... networks) {
        List<NetworkSource> sources = new ArrayList<>(List.of(networks));
        for (String name : SHADOWS) {
            sources.add(NetworkSource.of("com.example." + name, """
                    package com.example;

                    /** Not java.lang's, nor netcost's, nor the JDK's: a class of the user's own. */
                    public final class %s {
                        /** Not instantiated. */
                        private %s() {}
                    }
                    """.formatted(name, name)));
        }
        return sources.toArray(NetworkSource[]::new);
    }
}
