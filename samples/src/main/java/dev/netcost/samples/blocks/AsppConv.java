package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * torchvision's {@code ASPPConv}: one atrous branch of DeepLabV3's ASPP, a 3 x 3 convolution
 * whose taps are {@code dilation} apart, padded by as much so the size is kept; batch norm; ReLU.
 */
@Block
public @interface AsppConv {
    /** Output channels; a default of 0 lets the enclosing {@link Aspp} give it by {@code @With}. */
    int out() default 0;

    /** The atrous rate, torchvision's {@code dilation}: the convolution's dilation and its padding. */
    int dilation() default 1;

    final class Layers {
        @Conv(kernel = 3, bias = false) @With(out = "out", padding = "dilation", dilation = "dilation") Layer conv;
        @BatchNorm Layer bn;
        @ReLU Layer relu;
    }
}
