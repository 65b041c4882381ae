package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.ChannelShuffle;
import dev.netcost.ChannelSplit;
import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * ShuffleNetV2's basic unit (the paper's Fig. 3c): half the channels pass through, the other half
 * go through 1 x 1, depthwise 3 x 3 and 1 x 1 convolutions; the halves are joined and shuffled.
 */
@Block
public @interface ShuffleUnit {
    final class Layers {
        @ChannelSplit(index = 0) Layer passThrough;
        @ChannelSplit(index = 1) @From("input") Layer half;
        @Conv(kernel = 1, bias = false) @With(out = "in / 2") Layer conv1;
        @BatchNorm Layer bn1;
        @ReLU Layer relu1;
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "in / 2", groups = "in / 2") Layer depthwise;
        @BatchNorm Layer bn2;
        @Conv(kernel = 1, bias = false) @With(out = "in / 2") Layer conv2;
        @BatchNorm Layer bn3;
        @ReLU Layer relu2;
        @Concat({"passThrough", "relu2"}) Layer concat;
        @ChannelShuffle(groups = 2) Layer shuffle;
    }
}
