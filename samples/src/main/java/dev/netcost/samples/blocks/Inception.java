package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.MaxPool;
import dev.netcost.With;

/**
 * GoogLeNet's Inception module as torchvision builds it: four branches on the same input,
 * joined on the channels. Like torchvision, the "5 x 5" branch uses a 3 x 3 kernel.
 */
@Block
public @interface Inception {
    int ch1x1();

    int ch3x3red();

    int ch3x3();

    int ch5x5red();

    int ch5x5();

    int poolProj();

    final class Layers {
        @BasicConv2d @With(out = "ch1x1") Layer branch1;
        @BasicConv2d @From("input") @With(out = "ch3x3red") Layer branch2a;
        @BasicConv2d(kernel = 3, padding = 1) @With(out = "ch3x3") Layer branch2b;
        @BasicConv2d @From("input") @With(out = "ch5x5red") Layer branch3a;
        @BasicConv2d(kernel = 3, padding = 1) @With(out = "ch5x5") Layer branch3b;
        @MaxPool(kernel = 3, stride = 1, padding = 1, ceilMode = true) @From("input") Layer branch4a;
        @BasicConv2d @With(out = "poolProj") Layer branch4b;
        @Concat({"branch1", "branch2b", "branch3b", "branch4b"}) Layer concat;
    }
}
