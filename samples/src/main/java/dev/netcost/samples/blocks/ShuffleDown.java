package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.ChannelShuffle;
import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * ShuffleNetV2's downsampling unit (the paper's Fig. 3d): two strided branches on the whole
 * input, each to half of {@code out}, joined and shuffled.
 */
@Block
public @interface ShuffleDown {
    int out();

    final class Layers {
        @Conv(kernel = 3, stride = 2, padding = 1, bias = false) @With(out = "in", groups = "in") Layer leftDepthwise;
        @BatchNorm Layer leftBn1;
        @Conv(kernel = 1, bias = false) @With(out = "out / 2") Layer leftConv;
        @BatchNorm Layer leftBn2;
        @ReLU Layer leftRelu;
        @Conv(kernel = 1, bias = false) @From("input") @With(out = "out / 2") Layer rightConv1;
        @BatchNorm Layer rightBn1;
        @ReLU Layer rightRelu1;
        @Conv(kernel = 3, stride = 2, padding = 1, bias = false) @With(out = "out / 2", groups = "out / 2")
        Layer rightDepthwise;
        @BatchNorm Layer rightBn2;
        @Conv(kernel = 1, bias = false) @With(out = "out / 2") Layer rightConv2;
        @BatchNorm Layer rightBn3;
        @ReLU Layer rightRelu2;
        @Concat({"leftRelu", "rightRelu2"}) Layer concat;
        @ChannelShuffle(groups = 2) Layer shuffle;
    }
}
