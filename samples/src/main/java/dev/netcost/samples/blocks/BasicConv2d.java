package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/** GoogLeNet's and Inception-v3's {@code BasicConv2d}: a convolution without bias, batch norm, ReLU. */
@Block
public @interface BasicConv2d {
    /** Output channels; a default of 0 lets an enclosing block give it by {@code @With}. */
    int out() default 0;

    int kernel() default 1;

    int stride() default 1;

    int padding() default 0;

    final class Layers {
        @Conv(bias = false) @With(out = "out", kernel = "kernel", stride = "stride", padding = "padding") Layer conv;
        @BatchNorm Layer bn;
        @ReLU Layer relu;
    }
}
