package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.MultiHeadAttention;
import dev.netcost.QuickGELU;
import dev.netcost.With;

/**
 * CLIP's {@code ResidualAttentionBlock} (openai/CLIP clip/model.py): {@code x + attn(ln_1(x))}, then
 * {@code x + mlp(ln_2(x))}, the MLP {@code c_fc} to 4E, QuickGELU, {@code c_proj} back to E. The
 * attention is {@code nn.MultiheadAttention(E, heads)}: q, k, v and out projections with biases
 * ({@code 4E^2 + 4E}). No dropout. The text tower passes the causal mask ({@code causal = true});
 * as PyTorch does, the products are counted in full. Fields in the order of the forward (CLIP
 * registers attn, ln_1, mlp, ln_2).
 */
@Block
public @interface ClipResidualAttentionBlock {
    /** Attention heads: width / 64 (12 for the image tower's 768, 8 for the text tower's 512). */
    int heads();

    /** The text tower's causal mask ({@code build_attention_mask}). */
    boolean causal() default false;

    final class Layers {
        @LayerNorm Layer ln1;
        @MultiHeadAttention @With(heads = "heads", causal = "causal") Layer attn;
        @Add({"attn", "input"}) Layer residual1;
        @LayerNorm Layer ln2;
        @Linear @With(out = "4 * in") Layer cFc;
        @QuickGELU Layer gelu;
        @Linear @With(out = "in") Layer cProj;
        @Add({"cProj", "residual1"}) Layer residual2;
    }
}
