package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Layer;
import dev.netcost.MixtureOfExperts;
import dev.netcost.MultiHeadAttention;
import dev.netcost.RMSNorm;
import dev.netcost.With;

/**
 * A DeepSeekMoE decoder layer past the first, as {@code DeepseekDecoderLayer} in the
 * {@code modeling_deepseek.py} of deepseek-ai/deepseek-moe-16b-base: RMSNorm, causal multi-head
 * attention with rotary embeddings ({@code attention_bias} false), then RMSNorm and
 * {@code DeepseekMoE}: a router without bias ({@code MoEGate}, a weight of
 * {@code (n_routed_experts, hidden_size)}, softmax scores, {@code norm_topk_prob} false) sends each
 * token to its top 6 of 64 routed experts, and every token also goes through the 2 shared ones.
 *
 * <p>An expert is {@code DeepseekMLP(intermediate_size = moe_intermediate_size)},
 * {@code down(silu(gate(x)) * up(x))} without biases: Mixtral's expert block, reused (its
 * {@code w1}, {@code w3} and {@code w2} are DeepSeek's {@code gate_proj}, {@code up_proj} and
 * {@code down_proj}). DeepSeek stores its shared experts as one {@code DeepseekMLP} of
 * {@code moe_intermediate_size * n_shared_experts}; two experts of width w hold the weights, and do
 * the products, of one of width 2w, so {@code shared = 2} counts them exactly (the test says how
 * the FLOPs compare).
 */
@Block
public @interface DeepSeekMoeLayer {
    /** Query heads. */
    int heads();

    /** Key/value heads: as many as {@code heads} in DeepSeekMoE 16B. */
    int kvHeads();

    /** Each expert's {@code moe_intermediate_size}. */
    int expertHidden();

    final class Layers {
        @RMSNorm Layer inputNorm;
        @MultiHeadAttention(bias = false, causal = true, rotary = true) @With(heads = "heads", kvHeads = "kvHeads")
        Layer selfAttn;
        @Add({"selfAttn", "input"}) Layer residual1;
        @RMSNorm Layer postAttentionNorm;
        @MixtralExpert @With(args = "hidden = expertHidden") @MixtureOfExperts(experts = 64, topK = 6, shared = 2)
        Layer mlp;
        @Add({"mlp", "residual1"}) Layer residual2;
    }
}
