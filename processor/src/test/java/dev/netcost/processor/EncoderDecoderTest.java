package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An encoder-decoder's figures, by hand: the encoder runs once, at prefill; each decode step runs
 * only the layers that depend on the decoded tokens; cross-attention's keys and values of the
 * encoder's output are computed once and cached.
 *
 * <p>The network, float32, batch 1: frames, 6 tokens of width 8, through an encoder of a linear
 * layer (8 to 8) and a non-causal attention (2 heads, biases); token ids (5) through an embedding
 * (10 x 8), a causal self-attention and a cross-attention on the encoder's output (2 heads,
 * biases each), and a linear head to 10. The decoder's layers read the encoder through a block's
 * tensor parameter, as a real decoder layer repeated N times would.
 *
 * <p>By hand. Parameters: encoder linear 8 x 8 + 8 = 72; an attention 4 x 64 + 4 x 8 = 288
 * (three of them, 864); embedding 80; head 80 + 10 = 90; total 72 + 864 + 80 + 90 = 1,106.
 * MACs: encoder linear 6 x 64 = 384; encoder attention 6 x 4 x 64 + 2 x 36 x 8 = 1,536 + 576 =
 * 2,112; self-attention 5 x 256 + 2 x 25 x 8 = 1,680; cross-attention q and out 2 x 5 x 64 =
 * 640, k and v 2 x 6 x 64 = 768, scores and weighted sum 2 x 5 x 6 x 8 = 480, so 1,888; head
 * 5 x 80 = 400; total 6,464.
 */
class EncoderDecoderTest {
    private static final NetworkSource BLOCK = NetworkSource.of("com.example.DecoderLayer", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface DecoderLayer {
                String memory();

                class Layers {
                    @MultiHeadAttention(heads = 2, causal = true) Layer self;
                    @CrossAttention(heads = 2, memory = "memory") Layer cross;
                }
            }
            """);

    private static final NetworkSource NET = NetworkSource.of("com.example.Tiny", """
            package com.example;

            import dev.netcost.*;

            @Network
            @Decoder("tokens")
            class Tiny {
                @Input(shape = {6, 8}, kind = InputKind.TOKENS) Layer frames;
                @Linear(out = 8) Layer encProj;
                @MultiHeadAttention(heads = 2) Layer encoded;
                @Input(shape = 5, kind = InputKind.IDS) Layer tokens;
                @Embedding(vocab = 10, dim = 8) Layer embed;
                @DecoderLayer(memory = "encoded") Layer layer;
                @Linear(out = 10) Layer head;
            }
            """);

    private static Class<?> cost;

    @BeforeAll
    static void compileTiny() throws ClassNotFoundException {
        Compilation compilation = compile(BLOCK, NET);
        assertThat(compilation).succeededWithoutWarnings();
        cost = GeneratedClasses.load(compilation, "com.example.TinyCost");
    }

    @Test
    void theNetworkFiguresCountTheEncoderOnce() throws ReflectiveOperationException {
        assertEquals(1_106L, cost.getField("PARAMS").getLong(null));
        assertEquals(6_464L, cost.getField("MACS").getLong(null));
        assertEquals(6_464L, cost.getField("PREFILL_MACS").getLong(null)); // the encoder once, the 5 tokens at once
    }

    /**
     * The self-attention's cache: a key and a value of 8 per token, 64 bytes, 320 at the context of
     * 5. The cross-attention's: keys and values of the 6 encoder tokens, 2 x 6 x 8 x 4 = 384 bytes,
     * whatever the context. One new token: the self-attention's projections 4 x 64 = 256 and 2 x 8
     * = 16 per cached token (336 at 5); the cross-attention's q and out projections 2 x 64 = 128
     * and its scores and weighted sum over the 6 encoder tokens 2 x 6 x 8 = 96, k and v not
     * recomputed; the head 80; the encoder's 384 + 2,112 not at all: 336 + 224 + 80 = 640.
     */
    @Test
    void theDecodeFiguresLeaveTheEncoderOut() throws ReflectiveOperationException {
        assertEquals(5L, cost.getField("CONTEXT").getLong(null)); // the decoder's tokens, not the encoder's 6
        assertEquals(64L, cost.getField("KV_CACHE_BYTES_PER_TOKEN").getLong(null));
        assertEquals(384L, cost.getField("CROSS_KV_CACHE_BYTES").getLong(null));
        assertEquals(320L + 384L, cost.getField("KV_CACHE_BYTES").getLong(null));
        assertEquals(1_024L, cost.getMethod("kvCacheBytes", long.class).invoke(null, 10L)); // 384 + 10 x 64
        assertEquals(640L, cost.getField("DECODE_MACS").getLong(null));
        assertEquals(16L, cost.getField("DECODE_MACS_PER_CONTEXT_TOKEN").getLong(null));
    }

    @Test
    void eachInputHasItsShapeAndBytes() throws ReflectiveOperationException {
        assertEquals(6L * 8 * 4, cost.getField("FRAMES_INPUT_BYTES").getLong(null));
        assertEquals(5L * 4, cost.getField("TOKENS_INPUT_BYTES").getLong(null));
    }


    /**
     * A decode step's roofline (the cost model's "A decoder's times") on a device of 1e12 FLOP/s and
     * 1e10 B/s, 0.1 ns a byte, float32, at the context of 5 tokens. The encoder does not run.
     * <ul>
     *   <li>embed: one row, 8 x 4 = 32 bytes; the token's id and row, 9 x 4 = 36: 68 bytes, 6.8 ns.
     *   <li>self-attention: 288 weights, 1,152 bytes; the token in and out, 16 x 4 = 64; the keys and values
     *       of 5 tokens read and the new one's written, 6 x 16 x 4 = 384: 1,600 bytes, 160 ns (its 2 x (256 +
     *       2 x 5 x 8) = 672 FLOPs take 0.672 ns).
     *   <li>cross-attention: of its 288 weights, the query's and output's 144 (the key and value projections
     *       made the cache at prefill), 576 bytes; the token in and out, 64; the cached keys and values of the
     *       6 encoder tokens, 2 x 6 x 8 x 4 = 384; never the encoder's output again: 1,024 bytes, 102.4 ns.
     *   <li>head: 90 weights, 360 bytes; in and out (8 + 10) x 4 = 72: 432 bytes, 43.2 ns.
     * </ul>
     * 312.4 ns. At 10 tokens of context, the self-attention reads 5 tokens' keys and values more, 320
     * bytes: 344.4 ns.
     */
    @Test
    void aDecodeStepReadsTheCrossAttentionsCacheNotTheEncoder() throws ReflectiveOperationException {
        dev.netcost.Device round = new dev.netcost.Device("Round", 1e12, 0, 0, 1e10, 0);
        java.lang.reflect.Method decodeNanos = cost.getMethod("decodeNanos", dev.netcost.Device.class, long.class);
        assertEquals(312.4, (double) decodeNanos.invoke(null, round, 5L), 1e-9);
        assertEquals(344.4, (double) decodeNanos.invoke(null, round, 10L), 1e-9);
    }
}
