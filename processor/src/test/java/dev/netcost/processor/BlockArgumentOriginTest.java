package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import org.junit.jupiter.api.Test;

/**
 * Where a problem inside a block instance lands when the value at fault was computed from the
 * arguments written at the network's field: on that argument when one fed it; on the block
 * annotation when several did, with the message naming each, since no one of them is the
 * culprit; on the annotation too when none did (a default, the block's own constant).
 */
class BlockArgumentOriginTest {
    /** Groups from two parameters, with defaults so that {@code @With(args)} can give them. */
    private static final NetworkSource G = NetworkSource.of("com.example.G", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface G {
                int a() default 1;
                int b() default 3;

                class Layers {
                    @Conv(out = 64, kernel = 1) @With(groups = "a * b") Layer conv;
                }
            }
            """);

    /** 64 output channels do not split into 1 * 3 = 3 groups. */
    private static final String GROUPS = "[netcost:channels] g.conv on input (64, 8, 8): groups = 3 does not divide out"
            + " = 64; groups must divide both the input and the output channels";

    private static NetworkSource network(String... fields) {
        return NetworkSource.network("{64, 8, 8}", fields);
    }

    @Test
    void twoArgumentsFeedingTheValueAreBothNamedOnTheAnnotation() {
        NetworkSource src = network("@G(a = 1, b = 3) Layer g;");
        assertOnlyError(compile(G, src), src, GROUPS + "; groups comes from a = 1 and b = 3", src.at("@G"));
    }

    /** b is left at its default, which no one wrote at this field: a = 1 is the argument to change. */
    @Test
    void oneArgumentFeedingTheValueIsUnderlined() {
        NetworkSource src = network("@G(a = 1) Layer g;");
        assertOnlyError(compile(G, src), src, GROUPS, src.at("a = 1", "1"));
    }

    /** Arguments given by expressions at the network's field count as written there, with their values. */
    @Test
    void argumentsGivenByWithAreNamedWithTheirValues() {
        // in = 64 channels come in: a = in / 64 = 1.
        NetworkSource src = network("@G(b = 3) @With(args = \"a = in / 64\") Layer g;");
        assertOnlyError(compile(G, src), src, GROUPS + "; groups comes from a = 1 and b = 3", src.at("@G"));
    }

    /** Through a block that passes them on, the origin is still the arguments written at the network's field. */
    @Test
    void throughAnEnclosingBlockTheNetworksArgumentsAreNamed() {
        NetworkSource outer = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Outer {
                    int x();
                    int y();
                    int z() default 1;

                    class Layers {
                        @G @With(args = {"a = x", "b = y * z"}) Layer g;
                    }
                }
                """);
        String groups = "[netcost:channels] outer.g.conv on input (64, 8, 8): groups = 3 does not divide out = 64;"
                + " groups must divide both the input and the output channels";
        NetworkSource two = network("@Outer(x = 1, y = 3) Layer outer;");
        assertOnlyError(compile(G, outer, two), two, groups + "; groups comes from x = 1 and y = 3", two.at("@Outer"));
        // With a = 1 written at Outer's own layer, only y feeds groups here.
        NetworkSource one = network("@Outer(x = 1, y = 3) Layer outer;");
        NetworkSource constant = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Outer {
                    int x();
                    int y();

                    class Layers {
                        @G(a = 1) @With(args = "b = y") Layer g;
                    }
                }
                """);
        assertOnlyError(compile(G, constant, one), one, groups, one.at("y = 3", "3"));
    }

    /** An expression that fails on several arguments: the message names them, and the values it saw. */
    @Test
    void anEvaluationFailingOnTwoArguments() {
        NetworkSource block = NetworkSource.of("com.example.Ratio", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Ratio {
                    int a();
                    int b();

                    class Layers {
                        @Conv(kernel = 1) @With(out = "a / (b - 3)") Layer conv;
                    }
                }
                """);
        NetworkSource src = network("@Ratio(a = 1, b = 3) Layer r;");
        assertOnlyError(compile(block, src), src, "[netcost:evaluation] r.conv on input (64, 8, 8): out = \"a / (b -"
                + " 3)\" fails with a = 1, b = 3, in = 64: division by zero; out comes from a = 1 and b = 3",
                src.at("@Ratio"));
    }
}
