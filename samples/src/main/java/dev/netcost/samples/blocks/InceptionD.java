package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.MaxPool;

/**
 * Inception-v3's {@code InceptionD} ({@code Mixed_7a}), which halves the grid again: 320 + 192
 * strided channels and a max pool that keeps the input's 768.
 */
@Block
public @interface InceptionD {
    final class Layers {
        @BasicConv2d(out = 192) Layer branch3x3_1;
        @BasicConv2d(out = 320, kernel = 3, stride = 2) Layer branch3x3_2;
        @BasicConv2d(out = 192) @From("input") Layer branch7x7x3_1;
        @AsymmetricConv2d(out = 192, kh = 1, kw = 7) Layer branch7x7x3_2;
        @AsymmetricConv2d(out = 192, kh = 7, kw = 1) Layer branch7x7x3_3;
        @BasicConv2d(out = 192, kernel = 3, stride = 2) Layer branch7x7x3_4;
        @MaxPool(kernel = 3, stride = 2) @From("input") Layer branch_pool;
        @Concat({"branch3x3_2", "branch7x7x3_4", "branch_pool"}) Layer concat;
    }
}
