package dev.netcost.samples.blocks;

import dev.netcost.AvgPool;
import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/** DenseNet's transition: batch norm, ReLU, a 1 x 1 convolution halving the channels, 2 x 2 average pooling. */
@Block
public @interface Transition {
    final class Layers {
        @BatchNorm Layer norm;
        @ReLU Layer relu;
        @Conv(kernel = 1, bias = false) @With(out = "in / 2") Layer conv;
        @AvgPool(kernel = 2, stride = 2) Layer pool;
    }
}
