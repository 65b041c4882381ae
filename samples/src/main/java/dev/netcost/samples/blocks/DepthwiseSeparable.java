package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * MobileNetV1's depthwise separable convolution: a depthwise 3 x 3 convolution ({@code groups}
 * equal to its channels, strided), then a pointwise 1 x 1 convolution to {@code out}, each
 * followed by batch norm and ReLU, no convolution bias.
 */
@Block
public @interface DepthwiseSeparable {
    /** Channels of the pointwise convolution. */
    int out();

    /** Stride of the depthwise convolution. */
    int stride() default 1;

    final class Layers {
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "in", stride = "stride", groups = "in") Layer dw;
        @BatchNorm Layer dwBn;
        @ReLU Layer dwRelu;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer pw;
        @BatchNorm Layer pwBn;
        @ReLU Layer pwRelu;
    }
}
