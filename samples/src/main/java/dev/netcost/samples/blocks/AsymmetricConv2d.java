package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * Inception-v3's {@code BasicConv2d} with a kernel of {@code kh x kw}, padded to keep the size:
 * the paper's asymmetric convolutions, as torchvision writes them
 * ({@code conv_block(c7, c7, kernel_size=(1, 7), padding=(0, 3))}). A convolution without bias,
 * batch norm (eps 0.001, which changes no figure), ReLU.
 */
@Block
public @interface AsymmetricConv2d {
    /** Output channels; a default of 0 lets an enclosing block give it by {@code @With}. */
    int out() default 0;

    /** The kernel's height, odd: 1 for a 1 x 7 convolution. */
    int kh();

    /** The kernel's width, odd: 7 for a 1 x 7 convolution. */
    int kw();

    final class Layers {
        @Conv(bias = false) @With(out = "out", kernel = "kh, kw", padding = "kh / 2, kw / 2") Layer conv;
        @BatchNorm Layer bn;
        @ReLU Layer relu;
    }
}
