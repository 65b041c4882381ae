package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * DeepSeekMoE 16B, a mixture with shared experts, held to DeepSeek's published 16.4 B parameters and
 * 2.8 B activated, and to the hand count from the {@code config.json} of
 * deepseek-ai/deepseek-moe-16b-base: {@code hidden_size} E = 2,048, {@code num_hidden_layers} 28,
 * {@code first_k_dense_replace} 1 (layer 0 has a dense MLP of {@code intermediate_size} 10,944),
 * {@code moe_intermediate_size} 1,408, {@code n_routed_experts} 64, {@code num_experts_per_tok} 6,
 * {@code n_shared_experts} 2, {@code moe_layer_freq} 1, {@code num_attention_heads} and
 * {@code num_key_value_heads} 16 (heads of 128), {@code attention_bias} false, {@code vocab_size}
 * 102,400, {@code tie_word_embeddings} false, {@code scoring_func} softmax, {@code norm_topk_prob}
 * false; bfloat16; T = 4,096 tokens ({@code max_position_embeddings}).
 *
 * <p>From its {@code modeling_deepseek.py}: attention is {@code q/k/v/o_proj} of E x E
 * ({@code bias=config.attention_bias}); {@code DeepseekMLP} is {@code down(silu(gate(x)) * up(x))}
 * without biases; {@code MoEGate} holds one weight of {@code (n_routed_experts, hidden_size)} used as
 * {@code F.linear(x, weight, None)}, softmax, top 6, and no renormalisation ({@code norm_topk_prob}
 * false); {@code DeepseekMoE} is {@code moe_infer(...) + shared_experts(identity)}, the shared experts
 * one {@code DeepseekMLP} of {@code moe_intermediate_size * n_shared_experts} = 2,816; two
 * {@code DeepseekRMSNorm} per layer, one after the last; {@code lm_head} E x 102,400 without bias.
 *
 * <p>The paper's "FLOPs per 4K Tokens", 74.4T (Tables 3 and 4), is not asserted: the paper does not
 * say what it counts (training or inference, the head, attention masked or not), and no reading
 * of it tried here gives 74.4T exactly.
 */
class DeepSeekMoE16BFiguresTest {
    private static final long E = 2048;
    private static final long T = 4096;
    private static final long LAYERS = 28;
    private static final long MOE_LAYERS = 27;
    private static final long VOCAB = 102_400;
    private static final long EXPERTS = 64;
    private static final long TOP_K = 6;
    private static final long SHARED = 2;
    /** One expert: gate and up E x 1,408, down 1,408 x E, no biases. */
    private static final long EXPERT_WIDTH = 1408;
    private static final long EXPERT = 3 * E * EXPERT_WIDTH;
    /** Layer 0's dense MLP: gate and up E x 10,944, down 10,944 x E. */
    private static final long DENSE_MLP = 3 * E * 10_944;
    /** q, k, v and o, each E x E (16 heads of 128, as many key/value heads), no biases. */
    private static final long ATTENTION = 4 * E * E;
    /** The gate: a weight of (64, E), no bias. */
    private static final long ROUTER = EXPERTS * E;
    /** Two RMS norms per layer. */
    private static final long NORMS = 2 * E;
    /** The embedding and the untied head, and the final norm. */
    private static final long ENDS = 2 * VOCAB * E + E;

    @Test
    void sharedExpertsAsTwoCopiesHoldDeepSeeksOneMlpOfTwiceTheWidth() {
        // DeepSeek's shared_experts: one DeepseekMLP of 2 x 1,408 = 2,816; netcost's shared = 2: two of 1,408.
        long deepSeekShared = 3 * E * (SHARED * EXPERT_WIDTH);
        assertEquals(deepSeekShared, SHARED * EXPERT); // weights
        assertEquals(T * deepSeekShared, SHARED * T * EXPERT); // MACs, one per weight and token
    }

    @Test
    void parameters() {
        long moeLayer = ATTENTION + (EXPERTS + SHARED) * EXPERT + ROUTER + NORMS;
        long denseLayer = ATTENTION + DENSE_MLP + NORMS;
        assertEquals(587_862_016L, moeLayer);
        assertEquals(84_021_248L, denseLayer);
        long total = MOE_LAYERS * moeLayer + denseLayer + ENDS;
        // The paper (Dai et al., "DeepSeekMoE", arXiv:2401.06066, section 5.1.2 and Tables 3 and 4) and
        // the model card and github.com/deepseek-ai/DeepSeek-MoE's README: 16.4 B; the Open LLM
        // Leaderboard's request file for deepseek-ai/deepseek-moe-16b-base, read from its weights:
        // "params": 16.376 (billions).
        assertEquals(16_375_728_128L, total);
        assertEquals(total, DeepSeekMoE16BCost.PARAMS);
        assertEquals(moeLayer, DeepSeekMoE16BCost.LAYERS_0_PARAMS);
        assertEquals(denseLayer, DeepSeekMoE16BCost.DENSE_LAYER_PARAMS);
    }

    @Test
    void activeParameters() {
        // One token: the router, its 6 routed experts and the 2 shared ones in each of the 27 sparse
        // layers; all of layer 0, the embedding and the head.
        long moeLayer = ATTENTION + (TOP_K + SHARED) * EXPERT + ROUTER + NORMS;
        long active = MOE_LAYERS * moeLayer + ATTENTION + DENSE_MLP + NORMS + ENDS;
        assertEquals(2_828_650_496L, active);
        // The paper, section 5.1.2 and Tables 3 and 4: "around 2.8B" activated. That is this count,
        // embedding and head included (2.83 B), the convention of ACTIVE_PARAMS; without the
        // embedding table, which a token reads one row of, it would be 2.62 B, and without the head
        // too 2.41 B, neither of which rounds to 2.8 B.
        assertEquals(active, DeepSeekMoE16BCost.ACTIVE_PARAMS);
        assertEquals(2_618_935_296L, active - VOCAB * E);
        assertTrue(DeepSeekMoE16BCost.summary().contains("Params:       16,375,728,128, 2,828,650,496 active per token"));
    }

    /** Per token: every product whose count does not grow with the context. */
    private static long macsPerToken() {
        // Layer 0: its projections and dense MLP. Each sparse layer: the projections, 6 routed and 2
        // shared experts and the router's E x 64 scores; the combine weights the routed outputs and adds
        // the shared ones element-wise, FLOPs without MACs. The head once per token.
        return ATTENTION + DENSE_MLP
                + MOE_LAYERS * (ATTENTION + (TOP_K + SHARED) * EXPERT + ROUTER)
                + E * VOCAB;
    }

    @Test
    void macs() {
        // Per layer the scores and weighted sum of attention, T^2 x E each (causal masking not
        // subtracted, as the cost model counts it).
        long attention = LAYERS * 2 * T * T * E;
        assertEquals(T * macsPerToken() + attention, DeepSeekMoE16BCost.MACS);
        assertEquals(12_650_826_170_368L, T * macsPerToken() + attention);
    }

    @Test
    void decodeUsesTheActiveExperts() {
        // One new token at the full context: every per-token product once, and its scores and
        // weighted sum over the T cached tokens, E each per layer.
        assertEquals(macsPerToken() + LAYERS * 2 * E * T, DeepSeekMoE16BCost.DECODE_MACS);
        assertEquals(3_088_580_608L, macsPerToken() + LAYERS * 2 * E * T);
    }

    /** FLOPs of one SwiGLU expert of width {@code w} on T tokens, by the cost model's rows. */
    private static long expertFlops(long w) {
        return T * w * (2 * E - 1) // gate: the linear row, R * Fout * (2F - 1)
                + 4 * T * w // SiLU: 4 per element
                + T * w * (2 * E - 1) // up
                + T * w // the product
                + T * E * (2 * w - 1); // down
    }

    @Test
    void sparseBlockFlopsAndTheSharedAdd() {
        long routerAndCombine = T * EXPERTS * (2 * E - 1) // the router, a linear layer without bias
                + 3 * T * EXPERTS // its softmax
                + T * TOP_K * (EXPERTS - 1) // top 6: six maxima over 64 scores
                + 2 * T * TOP_K * E; // the combine: a multiply and an add per element of each routed output
        // netcost: 8 experts of 1,408 per token, and an add per element for each of the 2 shared
        // experts' outputs, T x 2 x E.
        long netcost = (TOP_K + SHARED) * expertFlops(EXPERT_WIDTH) + routerAndCombine + T * SHARED * E;
        assertEquals(netcost, DeepSeekMoE16BCost.LAYERS_0_MLP_FLOPS);
        // DeepSeek's code: 6 experts of 1,408, ONE shared MLP of 2,816 and ONE add, y +
        // shared_experts(identity), T x E. Its add counts T x E fewer than netcost's; its single down
        // projection of 2,816 counts T x E more (2 x 2,816 - 1 per output against 2 x (2 x 1,408 - 1)
        // for two of 1,408). The totals are equal.
        long deepSeek = TOP_K * expertFlops(EXPERT_WIDTH) + expertFlops(SHARED * EXPERT_WIDTH) + routerAndCombine + T * E;
        assertEquals(deepSeek, netcost);
    }

    @Test
    void memoryHoldsEveryExpert() {
        assertEquals(2 * 16_375_728_128L, DeepSeekMoE16BCost.PARAM_BYTES); // bfloat16
        // The KV cache: a key and a value of 16 heads of 128 per layer and token, 2 bytes each.
        assertEquals(2 * LAYERS * T * E * 2, DeepSeekMoE16BCost.KV_CACHE_BYTES);
        assertEquals(939_524_096L, DeepSeekMoE16BCost.KV_CACHE_BYTES);
    }
}
