package dev.netcost.samples.blocks;

import dev.netcost.AvgPool;
import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.Layer;

/**
 * Inception-v3's {@code InceptionE} ({@code Mixed_7b}, {@code Mixed_7c}): branches that split into
 * a 1 x 3 and a 3 x 1 convolution side by side, each pair joined; 320 + 768 + 768 + 192 = 2,048
 * channels.
 */
@Block
public @interface InceptionE {
    final class Layers {
        @BasicConv2d(out = 320) Layer branch1x1;
        @BasicConv2d(out = 384) @From("input") Layer branch3x3_1;
        @AsymmetricConv2d(out = 384, kh = 1, kw = 3) Layer branch3x3_2a;
        @AsymmetricConv2d(out = 384, kh = 3, kw = 1) @From("branch3x3_1") Layer branch3x3_2b;
        @Concat({"branch3x3_2a", "branch3x3_2b"}) Layer branch3x3;
        @BasicConv2d(out = 448) @From("input") Layer branch3x3dbl_1;
        @BasicConv2d(out = 384, kernel = 3, padding = 1) Layer branch3x3dbl_2;
        @AsymmetricConv2d(out = 384, kh = 1, kw = 3) Layer branch3x3dbl_3a;
        @AsymmetricConv2d(out = 384, kh = 3, kw = 1) @From("branch3x3dbl_2") Layer branch3x3dbl_3b;
        @Concat({"branch3x3dbl_3a", "branch3x3dbl_3b"}) Layer branch3x3dbl;
        @AvgPool(kernel = 3, stride = 1, padding = 1) @From("input") Layer pool;
        @BasicConv2d(out = 192) Layer branch_pool;
        @Concat({"branch1x1", "branch3x3", "branch3x3dbl", "branch_pool"}) Layer concat;
    }
}
