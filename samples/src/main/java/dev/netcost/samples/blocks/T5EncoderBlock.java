package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
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
 * Hugging Face's {@code T5Block} of an encoder: {@code layer[0]}, a {@code T5LayerSelfAttention}
 * ({@code x + dropout(attn(layer_norm(x)))}), and {@code layer[1]}, a {@code T5LayerFF}
 * ({@code x + dropout(wo(dropout(relu(wi(layer_norm(x))))))}). No projection has a bias; the norms
 * are RMS norms with a weight only. The first block of a stack holds the relative position bias
 * table that every block's self-attention adds to its scores
 * ({@code T5Block(config, has_relative_attention_bias=bool(i == 0))}).
 */
@Block
public @interface T5EncoderBlock {
    /** Attention heads ({@code num_heads}); {@code d_kv = E / heads}. */
    int heads();

    /** The MLP's width, {@code d_ff}. */
    int hidden();

    /** Whether this block holds the stack's relative position bias: the first one only. */
    @FirstOnly boolean hasRelativeAttentionBias() default false;

    final class Layers {
        // layer[0]: T5LayerSelfAttention
        @RMSNorm Layer selfAttentionLayerNorm;
        @RelativePositionBias(buckets = 32, maxDistance = 128, bidirectional = true) @With(heads = "heads")
        @If("hasRelativeAttentionBias") Layer relativeAttentionBias;
        @MultiHeadAttention(bias = false) @With(heads = "heads") Layer selfAttention;
        @Dropout(p = 0.1) Layer selfAttentionDropout;
        @Add({"selfAttentionDropout", "input"}) Layer selfAttentionResidual;
        // layer[1]: T5LayerFF
        @RMSNorm Layer ffLayerNorm;
        @Linear(bias = false) @With(out = "hidden") Layer wi;
        @ReLU Layer act;
        @Dropout(p = 0.1) Layer denseDropout;
        @Linear(bias = false) @With(out = "in") Layer wo;
        @Dropout(p = 0.1) Layer ffDropout;
        @Add({"ffDropout", "selfAttentionResidual"}) Layer ffResidual;
    }
}
