package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Layer;
import dev.netcost.MixtureOfExperts;
import dev.netcost.MultiHeadAttention;
import dev.netcost.RMSNorm;
import dev.netcost.With;

/**
 * A Mixtral decoder layer, as Hugging Face's {@code MixtralDecoderLayer}: RMSNorm, causal
 * grouped-query attention with rotary embeddings and no biases, then RMSNorm and the sparse block
 * ({@code MixtralSparseMoeBlock}): a router without bias sends each token to its top 2 of 8
 * experts.
 */
@Block
public @interface MixtralLayer {
    /** Query heads. */
    int heads();

    /** Key/value heads. */
    int kvHeads();

    /** Each expert's {@code intermediate_size}. */
    int hidden();

    final class Layers {
        @RMSNorm Layer inputNorm;
        @MultiHeadAttention(bias = false, causal = true, rotary = true) @With(heads = "heads", kvHeads = "kvHeads")
        Layer selfAttn;
        @Add({"selfAttn", "input"}) Layer residual1;
        @RMSNorm Layer postAttentionNorm;
        @MixtralExpert @With(args = "hidden = hidden") @MixtureOfExperts(experts = 8, topK = 2)
        Layer sparseMoe;
        @Add({"sparseMoe", "residual1"}) Layer residual2;
    }
}
