package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Hardswish;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;
import dev.netcost.samples.ops.SqueezeExcitation;

/**
 * {@link MobileBlockV3} with its squeeze-and-excitation as one op a user declared,
 * {@link SqueezeExcitation}, where {@code MobileBlockV3} spells out its six layers: the block a
 * user writes when netcost lacks a layer.
 */
@Block
public @interface MobileBlockV3SeOp {
    int kernel();

    int expanded();

    int out();

    /** Whether the block has squeeze-and-excitation. */
    boolean se() default false;

    /** Hard swish rather than ReLU. */
    boolean hs() default false;

    int stride() default 1;

    final class Layers {
        @Conv(kernel = 1, bias = false) @With(out = "expanded") @If("expanded != in") Layer expand;
        @BatchNorm @If("expanded != in") Layer expandBn;
        @ReLU @If("expanded != in && !hs") Layer expandRelu;
        @Hardswish @If("expanded != in && hs") Layer expandHardswish;
        @Conv(bias = false)
        @With(out = "expanded", kernel = "kernel", stride = "stride", padding = "(kernel - 1) / 2", groups = "expanded")
        Layer depthwise;
        @BatchNorm Layer depthwiseBn;
        @ReLU @If("!hs") Layer depthwiseRelu;
        @Hardswish @If("hs") Layer depthwiseHardswish;
        @SqueezeExcitation @With(args = "squeeze = divisible(expanded / 4, 8)") @If("se") Layer se;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer project;
        @BatchNorm Layer projectBn;
        @Add({"projectBn", "input"}) @If("stride == 1 && in == out") Layer residual;
    }
}
