package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code kvCacheBytes(tokens)} and {@code decodeMacs(context)}, called: right at
 * any context, refusing a negative one, and never wrapping.
 *
 * <p>The network: token ids (6), an embedding of width E = 8, one causal attention of 2 heads
 * (d = 4, as many key/value heads) without bias, a linear head to 10, float32, batch 1. By hand:
 * the cache holds a key and a value per head per token, 2 x 2 x 4 = 16 elements, 64 bytes per
 * token. One new token costs the four projections 4 x 8 x 8 = 256 MACs and the head 8 x 10 =
 * 80, whatever the context, and scores and weighted sum 2 x 8 = 16 per cached token: at T tokens,
 * 336 + 16T; at the declared context 6, 432.
 */
class DecoderMethodsTest {
    private static final NetworkSource TINY = NetworkSource.of("com.example.Tiny", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {6})
            @Decoder
            class Tiny {
                @Embedding(vocab = 10, dim = 8) Layer wte;
                @MultiHeadAttention(heads = 2, bias = false, causal = true) Layer attn;
                @Linear(out = 10, bias = false) Layer head;
            }
            """);

    private static Class<?> cost;

    @BeforeAll
    static void compileTiny() throws ClassNotFoundException {
        Compilation compilation = compile(TINY);
        assertThat(compilation).succeededWithoutWarnings();
        cost = GeneratedClasses.load(compilation, "com.example.TinyCost");
    }

    @Test
    void theConstantsAreTheHandFigures() throws ReflectiveOperationException {
        assertEquals(6L, cost.getField("CONTEXT").getLong(null));
        assertEquals(384L, cost.getField("KV_CACHE_BYTES").getLong(null)); // 6 x 64
        assertEquals(64L, cost.getField("KV_CACHE_BYTES_PER_TOKEN").getLong(null));
        assertEquals(432L, cost.getField("DECODE_MACS").getLong(null));
        assertEquals(16L, cost.getField("DECODE_MACS_PER_CONTEXT_TOKEN").getLong(null));
    }

    @Test
    void theMethodsGiveTheFiguresAtAnyContext() throws Throwable {
        assertEquals(0L, call("kvCacheBytes", 0));
        assertEquals(640L, call("kvCacheBytes", 10)); // 10 x 64
        assertEquals(384L, call("kvCacheBytes", 6));
        assertEquals(336L, call("decodeMacs", 0)); // nothing cached: the projections and the head
        assertEquals(432L, call("decodeMacs", 6));
        assertEquals(336L + 16 * 1_000, call("decodeMacs", 1_000));
    }

    @Test
    void aNegativeCountOfTokensIsRefused() {
        IllegalArgumentException tokens = assertThrows(IllegalArgumentException.class, () -> call("kvCacheBytes", -1));
        assertThat(tokens).hasMessageThat().isEqualTo("tokens must be 0 or more, not -1");
        IllegalArgumentException context = assertThrows(IllegalArgumentException.class, () -> call("decodeMacs", -1));
        assertThat(context).hasMessageThat().isEqualTo("context must be 0 or more, not -1");
        assertThrows(IllegalArgumentException.class, () -> call("decodeMacs", Long.MIN_VALUE));
    }

    @Test
    void aFigureBeyondLongThrowsRatherThanWraps() throws Throwable {
        // 64 x (2^57 - 1) = 2^63 - 64 fits; one token more does not.
        long most = Long.MAX_VALUE / 64;
        assertEquals(Long.MAX_VALUE - 63, call("kvCacheBytes", most));
        assertThrows(ArithmeticException.class, () -> call("kvCacheBytes", most + 1));
        // 16 x (2^59 - 1) = 2^63 - 16 fits, but not with the 336 added; 2^59 tokens overflow the product.
        assertThrows(ArithmeticException.class, () -> call("decodeMacs", Long.MAX_VALUE / 16));
        assertThrows(ArithmeticException.class, () -> call("decodeMacs", Long.MAX_VALUE / 16 + 1));
        assertEquals(Long.MAX_VALUE - 15, call("decodeMacs", (Long.MAX_VALUE - 336) / 16)); // 336 + 16 x that
    }

    /** Calls a static {@code long name(long)} of the companion; what it throws, unwrapped. */
    private static long call(String name, long argument) throws Throwable {
        Method method = cost.getMethod(name, long.class);
        try {
            return (long) method.invoke(null, argument);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
