package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.SiLU;
import dev.netcost.With;

/**
 * YOLOv5's {@code Conv} (models/common.py): {@code nn.Conv2d(c1, c2, k, s, autopad(k, p), bias=False)},
 * {@code nn.BatchNorm2d(c2)}, {@code nn.SiLU()}. {@code autopad} pads {@code k // 2} unless the yaml
 * gives a padding, as layer 0 does ({@code [64, 6, 2, 2]}: kernel 6, stride 2, padding 2).
 * Named {@code YoloConv}, since {@code @Conv} is netcost's own convolution.
 */
@Block
public @interface YoloConv {
    /** Output channels; a default of 0 lets an enclosing block give it by {@code @With}. */
    int out() default 0;

    int kernel() default 1;

    int stride() default 1;

    /** -1: YOLOv5's {@code autopad}, {@code kernel / 2}; otherwise the padding the yaml gives. */
    int padding() default -1;

    final class Layers {
        @Conv(bias = false)
        @With(out = "out", kernel = "kernel", stride = "stride", padding = "padding >= 0 ? padding : kernel / 2")
        Layer conv;
        @BatchNorm Layer bn;
        @SiLU Layer act;
    }
}
