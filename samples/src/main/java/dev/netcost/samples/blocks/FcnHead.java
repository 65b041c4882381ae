package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * torchvision's {@code FCNHead}: a 3 x 3 convolution to a quarter of the channels, batch norm,
 * ReLU, dropout, and a 1 x 1 classifier with a bias. DeepLabV3 uses it as its auxiliary
 * classifier on {@code layer3}.
 */
@Block
public @interface FcnHead {
    /** Classes: the classifier's output channels. */
    int classes();

    final class Layers {
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "in / 4") Layer conv;
        @BatchNorm Layer bn;
        @ReLU Layer relu;
        @Dropout(p = 0.1) Layer dropout;
        @Conv(kernel = 1) @With(out = "classes") Layer classifier;
    }
}
