package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.CrossAttention;
import dev.netcost.Dropout;
import dev.netcost.FirstOnly;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MultiHeadAttention;
import dev.netcost.RMSNorm;
import dev.netcost.ReLU;
import dev.netcost.RelativePositionBias;
import dev.netcost.With;

/**
 * Hugging Face's {@code T5Block} of a decoder: {@code layer[0]}, causal self-attention whose
 * relative position bias is one-directional; {@code layer[1]}, a {@code T5LayerCrossAttention}
 * ({@code EncDecAttention}: queries from the tokens, keys and values from the encoder's output,
 * no position bias); {@code layer[2]}, the ReLU MLP. Each sub-layer is pre-norm (RMS, weight
 * only) with dropout before its residual; no projection has a bias.
 */
@Block
public @interface T5DecoderBlock {
    /** Attention heads ({@code num_heads}); {@code d_kv = E / heads}. */
    int heads();

    /** The MLP's width, {@code d_ff}. */
    int hidden();

    /** The tensor the cross-attention reads: the encoder's last hidden state. */
    String encoderHiddenStates();

    /** Whether this block holds the stack's relative position bias: the first one only. */
    @FirstOnly boolean hasRelativeAttentionBias() default false;

    final class Layers {
        // layer[0]: T5LayerSelfAttention
        @RMSNorm Layer selfAttentionLayerNorm;
        @RelativePositionBias(buckets = 32, maxDistance = 128, bidirectional = false) @With(heads = "heads")
        @If("hasRelativeAttentionBias") Layer relativeAttentionBias;
        @MultiHeadAttention(bias = false, causal = true) @With(heads = "heads") Layer selfAttention;
        @Dropout(p = 0.1) Layer selfAttentionDropout;
        @Add({"selfAttentionDropout", "input"}) Layer selfAttentionResidual;
        // layer[1]: T5LayerCrossAttention
        @RMSNorm Layer crossAttentionLayerNorm;
        @CrossAttention(memory = "encoderHiddenStates", bias = false) @With(heads = "heads") Layer encDecAttention;
        @Dropout(p = 0.1) Layer crossAttentionDropout;
        @Add({"crossAttentionDropout", "selfAttentionResidual"}) Layer crossAttentionResidual;
        // layer[2]: T5LayerFF
        @RMSNorm Layer ffLayerNorm;
        @Linear(bias = false) @With(out = "hidden") Layer wi;
        @ReLU Layer act;
        @Dropout(p = 0.1) Layer denseDropout;
        @Linear(bias = false) @With(out = "in") Layer wo;
        @Dropout(p = 0.1) Layer ffDropout;
        @Add({"ffDropout", "crossAttentionResidual"}) Layer ffResidual;
    }
}
