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
 * A post-norm transformer layer, as Hugging Face's {@code BertLayer}: {@code ln1(x + attn(x))},
 * then {@code ln2(y + mlp(y))}, the MLP ({@code intermediate} and {@code output}) widening to
 * {@code hidden} through GELU.
 */
@Block
public @interface BertLayer {
    /** Attention heads; E must divide by them. */
    int heads();

    /** BERT's {@code intermediate_size}. */
    int hidden();

    final class Layers {
        @MultiHeadAttention @With(heads = "heads") Layer attention;
        @Dropout(p = 0.1) Layer drop1;
        @Add({"drop1", "input"}) Layer residual1;
        @LayerNorm Layer norm1;
        @Linear @With(out = "hidden") Layer intermediate;
        @GELU Layer gelu;
        @Linear @With(out = "in") Layer output;
        @Dropout(p = 0.1) Layer drop2;
        @Add({"drop2", "norm1"}) Layer residual2;
        @LayerNorm Layer norm2;
    }
}
