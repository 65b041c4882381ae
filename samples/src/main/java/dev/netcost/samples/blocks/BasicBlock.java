package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.FirstOnly;
import dev.netcost.From;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * torchvision's {@code BasicBlock} of ResNet-18 and -34: two 3 x 3 convolutions plus the input,
 * through a 1 x 1 projection when the shape changes.
 */
@Block
public @interface BasicBlock {
    /** Output channels. */
    int out();

    /** Only the first block of a stage strides. */
    @FirstOnly
    int stride() default 1;

    final class Layers {
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out", stride = "stride") Layer conv1;
        @BatchNorm Layer bn1;
        @ReLU Layer relu1;
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out") Layer conv2;
        @BatchNorm Layer bn2;
        @Conv(kernel = 1, bias = false) @From("input") @With(out = "out", stride = "stride")
        @If("stride != 1 || in != out") Layer downsample;
        @BatchNorm @If("stride != 1 || in != out") Layer downsampleBn;
        @Add({"bn2", "downsampleBn"}) Layer add;
        @ReLU Layer relu2;
    }
}
