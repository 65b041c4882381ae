package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Hardsigmoid;
import dev.netcost.Hardswish;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.Mul;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * MobileNetV3's block, one row of the paper's Table 1 ({@code kernel, expanded, out, se, hs,
 * stride}): an optional 1 x 1 expansion, a depthwise convolution, an optional
 * squeeze-and-excitation that scales the feature map by a {@code (C, 1, 1)} gate, and a linear
 * projection. A field whose {@code @If} is false passes its input on, so {@code scale} multiplies
 * whichever activation ran. A dilated block ({@code mobilenet_v3_large(dilated=True)}, the last
 * stage of the segmentation backbones) keeps its row's {@code stride} but does not stride, as
 * torchvision's {@code InvertedResidual} does; the residual still follows the row's stride.
 */
@Block
public @interface MobileBlockV3 {
    int kernel();

    int expanded();

    int out();

    /** Whether the block has squeeze-and-excitation. */
    boolean se() default false;

    /** Hard swish rather than ReLU. */
    boolean hs() default false;

    int stride() default 1;

    /** Spacing of the depthwise convolution's taps; above 1 it replaces the stride. */
    int dilation() default 1;

    final class Layers {
        @Conv(kernel = 1, bias = false) @With(out = "expanded") @If("expanded != in") Layer expand;
        @BatchNorm @If("expanded != in") Layer expandBn;
        @ReLU @If("expanded != in && !hs") Layer expandRelu;
        @Hardswish @If("expanded != in && hs") Layer expandHardswish;
        @Conv(bias = false)
        @With(out = "expanded", kernel = "kernel", stride = "dilation > 1 ? 1 : stride",
                padding = "(kernel - 1) / 2 * dilation", dilation = "dilation", groups = "expanded")
        Layer depthwise;
        @BatchNorm Layer depthwiseBn;
        @ReLU @If("!hs") Layer depthwiseRelu;
        @Hardswish @If("hs") Layer depthwiseHardswish;
        @GlobalAvgPool @If("se") Layer squeeze;
        @Conv(kernel = 1) @With(out = "divisible(expanded / 4, 8)") @If("se") Layer fc1;
        @ReLU @If("se") Layer fcRelu;
        @Conv(kernel = 1) @With(out = "expanded") @If("se") Layer fc2;
        @Hardsigmoid @If("se") Layer gate;
        @Mul({"gate", "depthwiseHardswish"}) @If("se") Layer scale;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer project;
        @BatchNorm Layer projectBn;
        @Add({"projectBn", "input"}) @If("stride == 1 && in == out") Layer residual;
    }
}
