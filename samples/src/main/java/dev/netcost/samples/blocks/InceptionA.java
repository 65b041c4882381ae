package dev.netcost.samples.blocks;

import dev.netcost.AvgPool;
import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.With;

/**
 * Inception-v3's {@code InceptionA} (torchvision's {@code Mixed_5b} to {@code Mixed_5d}): a 1 x 1
 * branch, a 5 x 5 branch, a double 3 x 3 branch and a pooled branch, joined on the channels:
 * 64 + 64 + 96 + {@code poolFeatures} of them. The pool is {@code F.avg_pool2d(x, 3, stride=1,
 * padding=1)}, which counts the padding in its average: no figure depends on that.
 */
@Block
public @interface InceptionA {
    int poolFeatures();

    final class Layers {
        @BasicConv2d(out = 64) Layer branch1x1;
        @BasicConv2d(out = 48) @From("input") Layer branch5x5_1;
        @BasicConv2d(out = 64, kernel = 5, padding = 2) Layer branch5x5_2;
        @BasicConv2d(out = 64) @From("input") Layer branch3x3dbl_1;
        @BasicConv2d(out = 96, kernel = 3, padding = 1) Layer branch3x3dbl_2;
        @BasicConv2d(out = 96, kernel = 3, padding = 1) Layer branch3x3dbl_3;
        @AvgPool(kernel = 3, stride = 1, padding = 1) @From("input") Layer pool;
        @BasicConv2d @With(out = "poolFeatures") Layer branch_pool;
        @Concat({"branch1x1", "branch5x5_2", "branch3x3dbl_3", "branch_pool"}) Layer concat;
    }
}
