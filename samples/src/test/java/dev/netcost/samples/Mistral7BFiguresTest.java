package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Mistral-7B's MACs and KV cache by hand, as the README's samples table gives them: E = 4,096,
 * 32 layers of 32 query heads of 128 sharing 8 key/value heads, an MLP of 14,336, a vocabulary of
 * 32,000, T = 4,096 tokens, bfloat16.
 */
class Mistral7BFiguresTest {
    private static final long E = 4096;
    private static final long T = 4096;
    private static final long LAYERS = 32;
    private static final long KV_WIDTH = 8 * 128;

    @Test
    void macs() {
        // Per token and layer: q and o are E x E, k and v E x 1,024; the SwiGLU MLP's gate, up
        // and down are E x 14,336 each. The head is E x 32,000. Attention's scores and weighted
        // sum are T^2 x E each per layer, causal or not.
        long projections = 2 * E * E + 2 * E * KV_WIDTH;
        long mlp = 3 * E * 14_336;
        long perToken = LAYERS * (projections + mlp) + E * 32_000;
        long attention = LAYERS * 2 * T * T * E;
        assertEquals(T * perToken + attention, Mistral7BCost.MACS);
        assertEquals(33_522_219_745_280L, T * perToken + attention); // the README's row
    }

    @Test
    void kvCache() {
        // A key and a value per layer and token, 8 heads of 128, 2 bytes each.
        assertEquals(2 * LAYERS * T * KV_WIDTH * 2, Mistral7BCost.KV_CACHE_BYTES);
        assertEquals(536_870_912L, 2 * LAYERS * T * KV_WIDTH * 2); // the README's row
    }
}
