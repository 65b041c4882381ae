package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.MaxPool;

/**
 * Inception-v3's {@code InceptionB} ({@code Mixed_6a}), which halves the grid: a strided 3 x 3
 * branch of 384, a double 3 x 3 branch of 96, and a max pool that keeps the input's channels.
 */
@Block
public @interface InceptionB {
    final class Layers {
        @BasicConv2d(out = 384, kernel = 3, stride = 2) Layer branch3x3;
        @BasicConv2d(out = 64) @From("input") Layer branch3x3dbl_1;
        @BasicConv2d(out = 96, kernel = 3, padding = 1) Layer branch3x3dbl_2;
        @BasicConv2d(out = 96, kernel = 3, stride = 2) Layer branch3x3dbl_3;
        @MaxPool(kernel = 3, stride = 2) @From("input") Layer branch_pool;
        @Concat({"branch3x3", "branch3x3dbl_3", "branch_pool"}) Layer concat;
    }
}
