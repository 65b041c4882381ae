package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Mul;
import dev.netcost.MultiHeadAttention;
import dev.netcost.RMSNorm;
import dev.netcost.SiLU;
import dev.netcost.With;

/**
 * A LLaMA decoder layer, as Hugging Face's {@code LlamaDecoderLayer} (Mistral's is the same):
 * RMSNorm, causal grouped-query attention with rotary embeddings and no biases, then the SwiGLU
 * MLP {@code down(silu(gate(x)) * up(x))}.
 */
@Block
public @interface LlamaLayer {
    /** Query heads; E must divide by them. */
    int heads();

    /** Key/value heads: as many as {@code heads} for LLaMA-2-7B, 8 for LLaMA-3-8B and Mistral-7B. */
    int kvHeads();

    /** The MLP's {@code intermediate_size}. */
    int hidden();

    final class Layers {
        @RMSNorm Layer inputNorm;
        @MultiHeadAttention(bias = false, causal = true, rotary = true) @With(heads = "heads", kvHeads = "kvHeads")
        Layer selfAttn;
        @Add({"selfAttn", "input"}) Layer residual1;
        @RMSNorm Layer postAttentionNorm;
        @Linear(bias = false) @With(out = "hidden") Layer gateProj;
        @SiLU Layer act;
        @Linear(bias = false) @From("postAttentionNorm") @With(out = "hidden") Layer upProj;
        @Mul({"act", "upProj"}) Layer gated;
        @Linear(bias = false) @With(out = "in") Layer downProj;
        @Add({"downProj", "residual1"}) Layer residual2;
    }
}
