package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Interpolation;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.Upsample;
import dev.netcost.With;

/**
 * torchvision's {@code ASPPPooling}, ASPP's image-level branch: the feature map averaged to one
 * cell, a 1 x 1 convolution, batch norm, ReLU, and a bilinear resize back to the size of the
 * block's input, so that it joins the other branches.
 */
@Block
public @interface AsppPooling {
    /** Output channels; a default of 0 lets the enclosing {@link Aspp} give it by {@code @With}. */
    int out() default 0;

    final class Layers {
        @GlobalAvgPool Layer pool;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer conv;
        @BatchNorm Layer bn;
        @ReLU Layer relu;
        @Upsample(mode = Interpolation.BILINEAR, like = "input") Layer upsample;
    }
}
