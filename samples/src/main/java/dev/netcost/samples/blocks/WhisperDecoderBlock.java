package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.CrossAttention;
import dev.netcost.GELU;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.MultiHeadAttention;
import dev.netcost.With;

/**
 * openai-whisper's {@code ResidualAttentionBlock(cross_attention=True)} (the text decoder's):
 * causal self-attention, then cross-attention whose queries are the tokens and whose keys and
 * values are the audio features {@code xa}, then the MLP, each pre-norm with a residual. Both
 * attentions have no bias on their key projection. With a KV cache the self-attention's keys and
 * values grow a token at a time and the cross-attention's are computed once from {@code xa}.
 */
@Block
public @interface WhisperDecoderBlock {
    /** Attention heads ({@code n_text_head}); E must divide by them. */
    int heads();

    /** The tensor the cross-attention reads: the encoder's output, openai-whisper's {@code xa}. */
    String xa();

    final class Layers {
        @LayerNorm Layer attnLn;
        @MultiHeadAttention(keyBias = false, causal = true) @With(heads = "heads") Layer attn;
        @Add({"attn", "input"}) Layer attnResidual;
        @LayerNorm Layer crossAttnLn;
        @CrossAttention(memory = "xa", keyBias = false) @With(heads = "heads") Layer crossAttn;
        @Add({"crossAttn", "attnResidual"}) Layer crossAttnResidual;
        @LayerNorm Layer mlpLn;
        @Linear @With(out = "4 * in") Layer mlp0;
        @GELU Layer mlp1;
        @Linear @With(out = "in") Layer mlp2;
        @Add({"mlp2", "crossAttnResidual"}) Layer mlpResidual;
    }
}
