package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * The U-Net's step at one level: two 3 x 3 convolutions, each followed by a ReLU, without batch
 * norm, as Ronneberger et al. (2015) have it. {@code padding = 0} is the paper's unpadded
 * convolution, which trims two cells from each spatial dimension per convolution; {@code padding = 1}
 * keeps the size.
 */
@Block
public @interface DoubleConv {
    /** Output channels of both convolutions. */
    int out();

    int padding() default 1;

    final class Layers {
        @Conv(kernel = 3) @With(out = "out", padding = "padding") Layer conv1;
        @ReLU Layer relu1;
        @Conv(kernel = 3) @With(out = "out", padding = "padding") Layer conv2;
        @ReLU Layer relu2;
    }
}
