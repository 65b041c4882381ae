package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A mistake in a constant written in a block's {@code Layers} class is the block author's and the
 * same in every use: it is reported once, in the block's own file, on the value, however many
 * fields and networks use the block; and every such mistake is, not only the first.
 */
class BlockConstantMistakesTest {
    /** Two constant mistakes, with a sound layer between them. */
    private static final NetworkSource STEM = NetworkSource.of("com.example.Stem", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Stem {
                class Layers {
                    @Conv(out = 0, kernel = 3) Layer conv;
                    @ReLU Layer relu;
                    @MaxPool(kernel = 2, padding = 2) Layer pool;
                }
            }
            """);

    /** Checked by Conv's own rule: out must be at least 1. */
    private static final String OUT = "[netcost:out-of-range] conv: out = 0: the number of output channels must be at"
            + " least 1";

    /** PyTorch pads a pooling window by at most half of it: a kernel of 2 takes padding 2 / 2 = 1 at most. */
    private static final String PADDING = "[netcost:padding] pool: padding 2 is more than half the kernel 2, which"
            + " PyTorch refuses; use padding of at most 1";

    private static NetworkSource network(String name, String... fields) {
        return NetworkSource.example(name, "@Network(input = {3, 8, 8})\nclass " + name + " {\n"
                + String.join("\n", fields).indent(4) + "}\n");
    }

    private static void assertBothInTheBlock(Compilation compilation) {
        assertError(compilation, STEM, OUT, STEM.at("out = 0", "0"));
        assertError(compilation, STEM, PADDING, STEM.at("padding = 2", "2"));
    }

    @Test
    void eachMistakeIsReportedOnTheValueInTheBlock() {
        NetworkSource src = network("Net", "@Stem Layer stem;");
        Compilation compilation = compile(STEM, src);
        assertThat(compilation).hadErrorCount(2);
        assertBothInTheBlock(compilation);
    }

    @Test
    void twoUsesInOneNetworkReportEachMistakeOnce() {
        NetworkSource src = network("Net", "@Stem Layer first;", "@ReLU Layer between;", "@Stem Layer second;");
        Compilation compilation = compile(STEM, src);
        assertThat(compilation).hadErrorCount(2);
        assertBothInTheBlock(compilation);
    }

    @Test
    void twoNetworksUsingTheBlockReportEachMistakeOnce() {
        NetworkSource one = network("One", "@Stem Layer stem;");
        NetworkSource two = network("Two", "@Stem @Repeat(3) Layer stems;");
        Compilation compilation = compile(STEM, one, two);
        assertThat(compilation).hadErrorCount(2);
        assertBothInTheBlock(compilation);
    }

    @Test
    void aBlockUsedInsideAnotherBlockIsReportedInItsOwnFile() {
        NetworkSource outer = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Outer {
                    class Layers {
                        @Stem Layer stem;
                    }
                }
                """);
        NetworkSource src = network("Net", "@Outer @Repeat(2) Layer outer;");
        Compilation compilation = compile(STEM, outer, src);
        assertThat(compilation).hadErrorCount(2);
        assertBothInTheBlock(compilation);
    }

    /** A mistake elsewhere in the network stops the shapes, not the checks that need none. */
    @Test
    void alongsideADeclarationErrorOfTheNetwork() {
        NetworkSource src = network("Net", "@Stem Layer stem;", "@ReLU int notALayer;");
        Compilation compilation = compile(STEM, src);
        assertThat(compilation).hadErrorCount(3);
        assertBothInTheBlock(compilation);
        assertError(compilation, src, "[netcost:field-type] notALayer: a layer field must have the type"
                + " dev.netcost.Layer, not int", src.at("@ReLU int"));
    }

    /** The same window in the network's own field is reported there, with the input it met. */
    @Test
    void theSameMistakeInTheNetworkItselfIsOnItsField() {
        NetworkSource src = network("Net", "@MaxPool(kernel = 2, padding = 2) Layer pool;");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, src, "[netcost:padding] pool on input (3, 8, 8): padding 2 is more than half the"
                + " kernel 2, which PyTorch refuses; use padding of at most 1", src.at("padding = 2", "2"));
    }
}
