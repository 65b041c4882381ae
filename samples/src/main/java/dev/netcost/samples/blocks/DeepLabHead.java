package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * torchvision's {@code DeepLabHead}: ASPP at rates 12, 24 and 36, a 3 x 3 convolution, batch
 * norm, ReLU, and a 1 x 1 classifier with a bias, at the backbone's resolution.
 */
@Block
public @interface DeepLabHead {
    /** Classes: the classifier's output channels. */
    int classes();

    final class Layers {
        @Aspp(rate1 = 12, rate2 = 24, rate3 = 36) Layer aspp;
        @Conv(out = 256, kernel = 3, padding = 1, bias = false) Layer conv;
        @BatchNorm Layer bn;
        @ReLU Layer relu;
        @Conv(kernel = 1) @With(out = "classes") Layer classifier;
    }
}
