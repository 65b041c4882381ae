package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Dropout;
import dev.netcost.GELU;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.MultiHeadAttention;
import dev.netcost.With;

/**
 * A pre-norm transformer layer, as torchvision's ViT {@code EncoderBlock} and GPT-2's
 * {@code Block}: {@code x + attn(ln1(x))}, then {@code x + mlp(ln2(x))}, the MLP widening to
 * {@code hidden} through GELU. Its width E is the width of the tokens that come in ({@code in}).
 */
@Block
public @interface TransformerLayer {
    /** Attention heads; E must divide by them. */
    int heads();

    /** Width of the MLP's hidden layer: 4E in ViT-B and GPT-2. */
    int hidden();

    /** Whether each token attends only to those before it: GPT-2's. */
    boolean causal() default false;

    final class Layers {
        @LayerNorm Layer ln1;
        @MultiHeadAttention @With(heads = "heads", causal = "causal") Layer attn;
        @Dropout(p = 0.1) Layer drop1;
        @Add({"drop1", "input"}) Layer residual1;
        @LayerNorm Layer ln2;
        @Linear @With(out = "hidden") Layer fc1;
        @GELU Layer gelu;
        @Linear @With(out = "in") Layer fc2;
        @Dropout(p = 0.1) Layer drop2;
        @Add({"drop2", "residual1"}) Layer residual2;
    }
}
