package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Networks where javac's model hides layers: classes declared inside code, which javac never
 * shows a processor, and a network that extends a network, whose layers are inherited fields.
 *
 * <p>javac runs a processor only in a compilation where an annotation it supports is visible, and
 * one inside a method is not: each local case is compiled beside an ordinary network, as in any
 * project that uses netcost.
 */
class LocalAndInheritedNetworksTest {
    private static final NetworkSource ORDINARY = NetworkSource.of("com.example.Ordinary", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 8, 8})
            class Ordinary {
                @ReLU Layer relu;
            }
            """);

    /** A local network would compile with {@code groups = 5} and no companion: it is an error instead. */
    @Test
    void aLocalNetworkIsAnError() {
        NetworkSource src = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                class Outer {
                    void build() {
                        @Network(input = {3, 8, 8})
                        class Net {
                            @Conv(out = 8, kernel = 3, groups = 5) Layer conv;
                        }
                    }
                }
                """);
        assertOnlyError(compile(ORDINARY, src), src, "[netcost:local-class] Net: @Network on the local class Net, which netcost"
                + " cannot read: javac shows annotation processors no class declared inside a method; declare Net as"
                + " a top-level or member class", src.at("@Network"));
    }

    @Test
    void aLayerInAnAnonymousClassIsAnError() {
        NetworkSource src = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.Layer;

                class Outer {
                    Object model = new Object() {
                        @dev.netcost.Conv(out = 8, kernel = 3) Layer conv;
                    };
                }
                """);
        assertOnlyError(compile(ORDINARY, src), src, "[netcost:local-class] conv: @Conv declares a layer in an anonymous class,"
                + " which netcost cannot read: javac shows annotation processors no class declared inside a method;"
                + " declare the network as a top-level or member class", src.at("@dev.netcost.Conv"));
    }

    /** Resolved through the single-type import, in a lambda in a static initializer. */
    @Test
    void aLayerInALocalClassInALambdaIsAnError() {
        NetworkSource src = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.Layer;
                import dev.netcost.ReLU;

                class Outer {
                    static final Runnable R;
                    static {
                        R = () -> {
                            class Head {
                                @ReLU Layer relu;
                            }
                        };
                    }
                }
                """);
        assertOnlyError(compile(ORDINARY, src), src, "[netcost:local-class] relu: @ReLU declares a layer in the local class Head",
                src.at("@ReLU Layer"));
    }

    /** Another library's annotation of the same simple name is not netcost's. */
    @Test
    void anotherConvInALocalClassIsNoneOfNetcosts() {
        NetworkSource conv = NetworkSource.of("com.other.Conv", """
                package com.other;

                public @interface Conv {}
                """);
        NetworkSource src = NetworkSource.of("com.example.Outer", """
                package com.example;

                import com.other.Conv;

                class Outer {
                    void build() {
                        class Local {
                            @Conv Object conv;
                        }
                    }
                }
                """);
        assertThat(compile(ORDINARY, conv, src)).succeededWithoutWarnings();
    }

    /**
     * A network that extends a network has the superclass's layers first, as Java initialises
     * them: {@code conv} (3 to 4 channels, 8 x 8 to 6 x 6) then the subclass's head.
     */
    @Test
    void aSubclassCountsTheLayersItInherits() {
        NetworkSource base = NetworkSource.of("com.example.Backbone", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Backbone {
                    @Conv(out = 4, kernel = 3) Layer conv;
                }
                """);
        NetworkSource sub = NetworkSource.of("com.example.Classifier", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Classifier extends Backbone {
                    @ReLU Layer relu;
                    @Flatten Layer flat;
                    @Linear(out = 10) Layer fc;
                }
                """);
        Compilation compilation = compile(base, sub);
        assertThat(compilation).succeeded(); // with a heavy-classifier warning on fc
        // conv: 4 * 3 * 3 * 3 + 4 = 112; fc: (4 * 6 * 6) * 10 + 10 = 1,450; together 1,562.
        assertThat(compilation).generatedSourceFile("com.example.ClassifierCost").contentsAsUtf8String()
                .contains("public static final long PARAMS = 1_562L;");
        assertThat(compilation).generatedSourceFile("com.example.BackboneCost").contentsAsUtf8String()
                .contains("public static final long PARAMS = 112L;");
        // conv's MACs, 4 * 36 * 27 = 3,888, and fc's 144 * 10 = 1,440: 5,328.
        assertThat(compilation).generatedSourceFile("com.example.ClassifierCost").contentsAsUtf8String()
                .contains("public static final long MACS = 5_328L;");
    }

    /** A mistake in an inherited layer is the superclass's, and said once, in its file. */
    @Test
    void aMistakeInAnInheritedLayerIsReportedOnce() {
        NetworkSource base = NetworkSource.of("com.example.Backbone", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Backbone {
                    @Conv(out = 4, kernel = 3, groups = 2) Layer conv;
                }
                """);
        NetworkSource sub = NetworkSource.of("com.example.Classifier", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Classifier extends Backbone {
                    @ReLU Layer relu;
                }
                """);
        assertOnlyError(compile(base, sub), base, "conv on input (3, 8, 8): groups = 2 does not divide the 3 input"
                + " channels", base.at("groups = 2", "2"));
    }
}
