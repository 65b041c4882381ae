package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.companion;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A small Swin stage as torchvision lays it out, compiled: a patch embedding, the map made
 * channels-last, a window attention and a shifted one, a patch merging with its norm and linear
 * layer. Its figures by hand here, each layer's as {@code WindowedOpsTest} checks it against
 * PyTorch.
 */
class SwinStageTest {
    @Test
    void aStageOfTwoWindowAttentionsAndAPatchMerging() throws Exception {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 16, 16})
                class Net {
                    @Conv(out = 16, kernel = 4, stride = 4) Layer patch;
                    @ChannelsLast Layer permute;
                    @LayerNorm Layer norm;
                    @WindowAttention(heads = 2, window = 2) Layer attn;
                    @WindowAttention(heads = 2, window = 2, shift = 1) Layer shifted;
                    @PatchMerging Layer merge;
                    @LayerNorm Layer mergeNorm;
                    @Linear(out = 32, bias = false) Layer reduction;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).succeededWithoutWarnings();
        String source = companion(compilation);
        // patch: 16 x 3 x 16 + 16 = 784; norm 2 x 16 = 32; each attention 4 x 16^2 + 4 x 16 + (2*2 - 1)^2 x 2
        // = 1,024 + 64 + 18 = 1,106; mergeNorm 2 x 64 = 128; reduction 64 x 32 = 2,048.
        // 784 + 32 + 2 x 1,106 + 128 + 2,048 = 5,204.
        assertThat(source).contains("public static final long PARAMS = 5_204L;");
        // Each attention's relative position index, (2 x 2)^2 = 16.
        assertThat(source).contains("public static final long BUFFERS = 32L;");
        // patch: 16 channels x 4 x 4 positions x 3 x 16 = 12,288; each attention on (4, 4, 16),
        // 4 windows of 4: 16 positions x 4 x 256 = 16,384 and 2 x 4 x 4^2 x 16 = 2,048, 18,432;
        // reduction on (2, 2, 64): 4 positions x 64 x 32 = 8,192. 12,288 + 36,864 + 8,192 = 57,344.
        assertThat(source).contains("public static final long MACS = 57_344L;");
        assertThat(source).contains("public static final long ATTN_BUFFERS = 16L;");
        // (16, 4, 4), (4, 4, 16) through the attentions; merged (2, 2, 64); reduced (2, 2, 32).
        assertThat(source).contains("public static final Shape OUTPUT_SHAPE = Shape.of(2, 2, 32);");
        assertThat(source).contains("ShiftedWindowAttention (shifted)");
    }
}
