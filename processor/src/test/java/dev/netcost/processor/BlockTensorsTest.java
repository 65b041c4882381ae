package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Blocks that read tensors besides their input, through their {@code String} parameters: passed
 * on from one block to the block inside it, repeated, and named wrongly.
 */
class BlockTensorsTest {
    private static final NetworkSource INNER = NetworkSource.of("com.example.Inner", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Inner {
                String skip();

                class Layers {
                    @Add({"input", "skip"}) Layer sum;
                }
            }
            """);

    /**
     * Outer passes its own tensor parameter on to Inner: each of the two instances adds the
     * network's {@code a} to what comes in. By hand: {@code a} is a linear layer 4 to 4, 16 + 4 =
     * 20 parameters and 16 MACs; the adds have none; the output is (4).
     */
    @Test
    void aTensorParameterIsPassedOnToAnInnerBlockAndRepeated() {
        NetworkSource outer = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Outer {
                    String memory();

                    class Layers {
                        @Inner(skip = "memory") Layer inner;
                        @ReLU Layer relu;
                    }
                }
                """);
        NetworkSource net = NetworkSource.network("{4}", "@Linear(out = 4) Layer a;", "@ReLU @From(\"input\") Layer b;",
                "@Outer(memory = \"a\") @Repeat(2) Layer o;");
        Compilation compilation = compile(INNER, outer, net);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long PARAMS = 20L;");
        assertThat(companion).contains("public static final long MACS = 16L;");
    }

    /** A name the outer block does not have is its author's mistake, placed on the argument in its file. */
    @Test
    void anUnknownTensorInsideABlockIsPlacedOnTheArgumentInTheBlock() {
        NetworkSource outer = NetworkSource.of("com.example.Outer", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Outer {
                    String memory();

                    class Layers {
                        @ReLU Layer relu;
                        @Inner(skip = "memroy") Layer inner;
                    }
                }
                """);
        NetworkSource net = NetworkSource.network("{4}", "@Linear(out = 4) Layer a;",
                "@Outer(memory = \"a\") Layer o;");
        Compilation compilation = compile(INNER, outer, net);
        assertThat(compilation).hadErrorCount(1);
        NetworkSource.Position at = outer.at("\"memroy\"");
        assertThat(compilation).hadErrorContaining("[netcost:unknown-input] inner: `memroy` is no field of Outer; it"
                + " can read memory, relu, input").inFile(outer.file()).onLine(at.line()).atColumn(at.column());
    }
}
