package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.GELU;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.MultiHeadAttention;
import dev.netcost.With;

/**
 * openai-whisper's {@code ResidualAttentionBlock} without cross-attention (the audio encoder's):
 * {@code x + attn(attn_ln(x))}, then {@code x + mlp(mlp_ln(x))}, the MLP widening to 4E through
 * GELU. The key projection has no bias; the query, value and output projections have one. No
 * dropout anywhere.
 */
@Block
public @interface WhisperEncoderBlock {
    /** Attention heads ({@code n_audio_head}); E must divide by them. */
    int heads();

    final class Layers {
        @LayerNorm Layer attnLn;
        @MultiHeadAttention(keyBias = false) @With(heads = "heads") Layer attn;
        @Add({"attn", "input"}) Layer attnResidual;
        @LayerNorm Layer mlpLn;
        @Linear @With(out = "4 * in") Layer mlp0;                    // n_mlp = n_state * 4
        @GELU Layer mlp1;
        @Linear @With(out = "in") Layer mlp2;
        @Add({"mlp2", "attnResidual"}) Layer mlpResidual;
    }
}
