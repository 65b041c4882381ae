package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A cross-attention through javac: its memory named by a constant, its key width and one
 * projection's bias switched off, and the companion's figures against a hand calculation.
 */
class CrossAttentionNetworkTest {
    /**
     * Input (4, 6): 6 positions of 4 channels. encoded: (6, 4) tokens, the memory, S = 6, Ekv = 4.
     * q: (6, 8), 4 x 8 + 8 = 40 parameters, 6 x 4 x 8 = 192 MACs. cross: T = 6 queries of E = 8,
     * 2 heads of 4, E' = 8; the key projection without a bias.
     */
    @Test
    void theCompanionCountsTheCrossAttentionByHand() {
        Compilation compilation = compile(NetworkSource.of("com.example.Cross", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 6})
                class Cross {
                    @ToTokens Layer encoded;
                    @Linear(out = 8) Layer q;
                    @CrossAttention(heads = 2, memory = "encoded", keyWidth = 4, keyBias = false) Layer cross;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String source = Compilations.companion(compilation, "com.example.CrossCost");
        // q and out 2 x 8 x 8 = 128; k and v 2 x 4 x 8 = 64; the biases of q, v and out 3 x 8 = 24.
        assertThat(source).contains("public static final long CROSS_PARAMS = 216L;");
        assertThat(source).contains("public static final long PARAMS = 256L;");
        // q and out 2 x 6 x 64 = 768; k and v 2 x 6 x 4 x 8 = 384; scores and weighted sum 2 x 6 x 6 x 8 = 576.
        assertThat(source).contains("public static final long CROSS_MACS = 1_728L;");
        assertThat(source).contains("public static final long MACS = 1_920L;");
        // 2 x 1,728; softmax 3 x 2 x 6 x 6 = 216; biases: q and out 6 x 16 = 96, v 6 x 8 = 48.
        assertThat(source).contains("public static final long CROSS_FLOPS = 3_816L;");
        assertThat(source).contains("MultiheadAttention (cross)");
    }
}
