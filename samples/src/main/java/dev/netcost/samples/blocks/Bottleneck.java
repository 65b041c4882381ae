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
 * torchvision's {@code Bottleneck} (ResNet v1.5: the stride is on the 3 x 3 convolution): 1 x 1
 * down to {@code width}, 3 x 3 (strided, grouped), 1 x 1 up to {@code out}, plus the input, through
 * a 1 x 1 projection when the shape changes. The ResNet paper's Table 1 lists exactly these
 * widths: {@code [1x1, 64; 3x3, 64; 1x1, 256] x 3} is {@code @Bottleneck(width = 64, out = 256) @Repeat(3)}.
 * ResNeXt sets {@code groups}; Wide ResNet doubles {@code width}. DeepLabV3 sets {@code dilation}
 * where torchvision's {@code replace_stride_with_dilation} trades a stage's stride for dilation.
 */
@Block
public @interface Bottleneck {
    /** Channels of the 3 x 3 convolution: torchvision's {@code planes * (base_width / 64) * groups}. */
    int width();

    /** Output channels: torchvision's {@code planes * 4}. */
    int out();

    /** Only the first block of a stage strides, as in torchvision's {@code _make_layer}. */
    @FirstOnly
    int stride() default 1;

    /** Groups of the 3 x 3 convolution: ResNeXt's cardinality. */
    int groups() default 1;

    /** Spacing of the 3 x 3 convolution's taps, padded by as much: torchvision's {@code self.dilation}. */
    int dilation() default 1;

    /**
     * The first block's dilation, where it differs: {@code _make_layer} gives the first block the
     * dilation of the stage before ({@code previous_dilation}). 0: as {@code dilation}.
     */
    @FirstOnly
    int firstDilation() default 0;

    final class Layers {
        @Conv(kernel = 1, bias = false) @With(out = "width") Layer conv1;
        @BatchNorm Layer bn1;
        @ReLU Layer relu1;
        @Conv(kernel = 3, bias = false)
        @With(out = "width", stride = "stride", groups = "groups",
                padding = "firstDilation > 0 ? firstDilation : dilation",
                dilation = "firstDilation > 0 ? firstDilation : dilation")
        Layer conv2;
        @BatchNorm Layer bn2;
        @ReLU Layer relu2;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer conv3;
        @BatchNorm Layer bn3;
        @Conv(kernel = 1, bias = false) @From("input") @With(out = "out", stride = "stride")
        @If("stride != 1 || in != out") Layer downsample;
        @BatchNorm @If("stride != 1 || in != out") Layer downsampleBn;
        @Add({"bn3", "downsampleBn"}) Layer add;
        @ReLU Layer relu3;
    }
}
