package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.FirstOnly;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.ReLU6;
import dev.netcost.With;

/**
 * MobileNetV2's inverted residual, as torchvision writes it: a 1 x 1 expansion by {@code t}
 * (absent when {@code t} is 1), a 3 x 3 depthwise convolution, a linear 1 x 1 projection, and the
 * input added back when the shape allows. The paper's Table 2 rows {@code t, c, n, s} read as
 * {@code @InvertedResidual(t = 6, out = 24, stride = 2) @Repeat(2)}.
 */
@Block
public @interface InvertedResidual {
    /** Expansion factor. */
    int t();

    /** Output channels. */
    int out();

    /** Only the first block of a stage strides. */
    @FirstOnly
    int stride() default 1;

    final class Layers {
        @Conv(kernel = 1, bias = false) @With(out = "in * t") @If("t != 1") Layer expand;
        @BatchNorm @If("t != 1") Layer expandBn;
        @ReLU6 @If("t != 1") Layer expandRelu;
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "in * t", stride = "stride", groups = "in * t")
        Layer depthwise;
        @BatchNorm Layer depthwiseBn;
        @ReLU6 Layer depthwiseRelu;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer project;
        @BatchNorm Layer projectBn;
        @Add({"projectBn", "input"}) @If("stride == 1 && in == out") Layer residual;
    }
}
