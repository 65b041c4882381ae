package dev.netcost.samples.blocks;

import dev.netcost.AvgPool;
import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.With;

/**
 * Inception-v3's {@code InceptionC} ({@code Mixed_6b} to {@code Mixed_6e}): the 7 x 7 convolutions
 * factorized into 1 x 7 and 7 x 1 ones of {@code c7} channels; four branches of 192, 768 in all.
 */
@Block
public @interface InceptionC {
    /** torchvision's {@code channels_7x7}. */
    int c7();

    final class Layers {
        @BasicConv2d(out = 192) Layer branch1x1;
        @BasicConv2d @From("input") @With(out = "c7") Layer branch7x7_1;
        @AsymmetricConv2d(kh = 1, kw = 7) @With(out = "c7") Layer branch7x7_2;
        @AsymmetricConv2d(out = 192, kh = 7, kw = 1) Layer branch7x7_3;
        @BasicConv2d @From("input") @With(out = "c7") Layer branch7x7dbl_1;
        @AsymmetricConv2d(kh = 7, kw = 1) @With(out = "c7") Layer branch7x7dbl_2;
        @AsymmetricConv2d(kh = 1, kw = 7) @With(out = "c7") Layer branch7x7dbl_3;
        @AsymmetricConv2d(kh = 7, kw = 1) @With(out = "c7") Layer branch7x7dbl_4;
        @AsymmetricConv2d(out = 192, kh = 1, kw = 7) Layer branch7x7dbl_5;
        @AvgPool(kernel = 3, stride = 1, padding = 1) @From("input") Layer pool;
        @BasicConv2d(out = 192) Layer branch_pool;
        @Concat({"branch1x1", "branch7x7_3", "branch7x7dbl_5", "branch_pool"}) Layer concat;
    }
}
