package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Dropout;
import dev.netcost.GELU;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.StochasticDepth;
import dev.netcost.WindowAttention;
import dev.netcost.With;

/**
 * torchvision's {@code SwinTransformerBlock}, on a channels-last map {@code (H, W, C)}:
 * {@code x + stochastic_depth(attn(norm1(x)))}, then {@code x + stochastic_depth(mlp(norm2(x)))},
 * the MLP widening to 4C through GELU ({@code MLP(dim, [4 * dim, dim])}: linear, GELU, dropout,
 * linear, dropout). Its channels C are those that come in ({@code in}).
 *
 * <p>torchvision raises the stochastic depth probability from 0 to 0.2 over Swin-T's 12 blocks;
 * at inference it is the identity, so every block here keeps the default.
 */
@Block
public @interface SwinBlock {
    /** Attention heads; C must divide by them. A default of 0 lets an enclosing block give it by {@code @With}. */
    int heads() default 0;

    /** The window, both sides: 7 in Swin-T. */
    int window() default 7;

    /** The shift of the windows: 0, or half the window in every other block. */
    int shift() default 0;

    final class Layers {
        @LayerNorm Layer norm1;
        @WindowAttention @With(heads = "heads", window = "window", shift = "shift") Layer attn;
        @StochasticDepth Layer attnDepth;
        @Add({"attnDepth", "input"}) Layer residual1;
        @LayerNorm Layer norm2;
        @Linear @With(out = "4 * in") Layer fc1;
        @GELU Layer gelu;
        @Dropout(p = 0.0) Layer drop1;
        @Linear @With(out = "in") Layer fc2;
        @Dropout(p = 0.0) Layer drop2;
        @StochasticDepth Layer mlpDepth;
        @Add({"mlpDepth", "residual1"}) Layer residual2;
    }
}
