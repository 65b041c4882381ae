package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.ChannelsFirst;
import dev.netcost.ChannelsLast;
import dev.netcost.Conv;
import dev.netcost.GELU;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.LayerScale;
import dev.netcost.Linear;
import dev.netcost.StochasticDepth;
import dev.netcost.With;

/**
 * ConvNeXt's block, as torchvision's {@code CNBlock(dim, layer_scale, stochastic_depth_prob)}
 * writes it: a 7 x 7 depthwise convolution, the map permuted channels-last, a layer norm and an MLP
 * of {@code 4 * dim} on each position's channels, permuted back, scaled per channel
 * ({@code layer_scale}, a {@code (dim, 1, 1)} parameter), stochastic depth, and the input added
 * back. Parameters {@code 8 dim^2 + 58 dim}.
 *
 * <p>torchvision gives each block its own stochastic-depth probability, rising linearly over the
 * network's blocks: block {@code i} of {@code n} has {@code p = 0.1 * i / (n - 1)} in
 * {@code convnext_tiny}. A block's {@code p} here is a constant: a real attribute takes no
 * {@code @With} expression, and the instances of a {@code @Repeat} share their arguments, so
 * {@code p} is left at 0 (the first block's). It is the identity at inference, so no figure
 * depends on it. Likewise {@code layer_scale}'s initial value, {@code 1e-6}.
 */
@Block
public @interface CNBlock {
    /** The channels, which come in and go out: torchvision's {@code dim}. */
    int dim();

    final class Layers {
        @Conv(kernel = 7, padding = 3) @With(out = "dim", groups = "dim") Layer dwconv;
        @ChannelsLast Layer permute;
        @LayerNorm Layer norm;
        @Linear @With(out = "4 * dim") Layer pwconv1;
        @GELU Layer act;
        @Linear @With(out = "dim") Layer pwconv2;
        @ChannelsFirst Layer permuteBack;
        @LayerScale Layer layerScale;
        @StochasticDepth(mode = StochasticDepth.Mode.ROW) Layer stochasticDepth;
        @Add({"stochasticDepth", "input"}) Layer residual;
    }
}
