package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Mixtral-8x7B held to Mistral AI's published 46.7 B parameters and 12.9 B active per token, and to
 * the hand count from its {@code config.json} (mistralai/Mixtral-8x7B-v0.1): hidden E = 4,096,
 * intermediate 14,336, 32 layers, 32 heads of 128, 8 key/value heads, 8 experts of which 2 per
 * token, a vocabulary of 32,000, untied head, bfloat16; T = 4,096 tokens.
 */
class Mixtral8x7BFiguresTest {
    private static final long E = 4096;
    private static final long T = 4096;
    private static final long LAYERS = 32;
    private static final long KV_WIDTH = 8 * 128;
    private static final long VOCAB = 32_000;
    private static final long EXPERTS = 8;
    private static final long TOP_K = 2;
    /** One expert: w1 and w3 are E x 14,336, w2 14,336 x E, no biases. */
    private static final long EXPERT = 3 * E * 14_336;
    /** q and o are E x E, k and v E x 1,024, no biases. */
    private static final long ATTENTION = 2 * E * E + 2 * E * KV_WIDTH;
    /** The router: E x 8, no bias. */
    private static final long ROUTER = E * EXPERTS;
    /** Two RMS norms per layer. */
    private static final long NORMS = 2 * E;

    @Test
    void parameters() {
        long perLayer = ATTENTION + EXPERTS * EXPERT + ROUTER + NORMS;
        long total = LAYERS * perLayer + 2 * VOCAB * E + E; // embedding, head, final norm
        assertEquals(46_702_792_704L, total); // the hand count of config.json; Mistral AI: 46.7 B
        assertEquals(total, Mixtral8x7BCost.PARAMS);
    }

    @Test
    void activeParameters() {
        long perLayer = ATTENTION + TOP_K * EXPERT + ROUTER + NORMS;
        long active = LAYERS * perLayer + 2 * VOCAB * E + E;
        assertEquals(12_879_925_248L, active); // Mistral AI: 12.9 B active per token
        assertEquals(active, Mixtral8x7BCost.ACTIVE_PARAMS);
        assertTrue(Mixtral8x7BCost.summary().contains("Params:       46,702,792,704, 12,879,925,248 active per token"));
    }

    @Test
    void macs() {
        // Per token and layer: the projections, its 2 experts and the router's E x 8 scores (the
        // combine weights the experts' outputs element-wise: FLOPs, no MACs); per layer
        // the scores and weighted sum of attention, T^2 x E each; the head once per token.
        long perToken = LAYERS * (ATTENTION + TOP_K * EXPERT + ROUTER) + E * VOCAB;
        long attention = LAYERS * 2 * T * T * E;
        assertEquals(T * perToken + attention, Mixtral8x7BCost.MACS);
    }

    @Test
    void decodeUsesTheActiveExperts() {
        // One new token at the full context: every per-token product once, and its scores and weighted
        // sum over the T cached tokens, E each per layer.
        long perToken = LAYERS * (ATTENTION + TOP_K * EXPERT + ROUTER) + E * VOCAB;
        assertEquals(perToken + LAYERS * 2 * E * T, Mixtral8x7BCost.DECODE_MACS);
    }

    @Test
    void memoryHoldsEveryExpert() {
        assertEquals(2 * 46_702_792_704L, Mixtral8x7BCost.PARAM_BYTES); // bfloat16
        // The KV cache is Mistral-7B's: a key and a value of 8 heads of 128 per layer and token.
        assertEquals(2 * LAYERS * T * KV_WIDTH * 2, Mixtral8x7BCost.KV_CACHE_BYTES);
    }
}
