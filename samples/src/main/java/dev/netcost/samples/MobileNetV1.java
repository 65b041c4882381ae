package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.ReLU;
import dev.netcost.Repeat;
import dev.netcost.samples.blocks.DepthwiseSeparable;

/**
 * MobileNetV1, width 1.0, 224 x 224 (Howard et al. 2017, table 1): a 3 x 3 convolution, then 13
 * depthwise separable blocks (a depthwise 3 x 3 convolution, {@code groups} = its channels, and a
 * pointwise 1 x 1 convolution), batch norm and ReLU after every convolution and no convolution
 * bias, global average pooling and a linear classifier. The blocks are the table's rows, one
 * field each; the five alike (512 channels, stride 1) are one field repeated.
 */
@Network(input = {3, 224, 224})
public class MobileNetV1 {
    @Conv(out = 32, kernel = 3, stride = 2, padding = 1, bias = false) Layer conv1;
    @BatchNorm Layer conv1Bn;
    @ReLU Layer conv1Relu;
    @DepthwiseSeparable(out = 64) Layer block1;
    @DepthwiseSeparable(out = 128, stride = 2) Layer block2;
    @DepthwiseSeparable(out = 128) Layer block3;
    @DepthwiseSeparable(out = 256, stride = 2) Layer block4;
    @DepthwiseSeparable(out = 256) Layer block5;
    @DepthwiseSeparable(out = 512, stride = 2) Layer block6;
    @DepthwiseSeparable(out = 512) @Repeat(5) Layer blocks7To11;
    @DepthwiseSeparable(out = 1024, stride = 2) Layer block12;
    @DepthwiseSeparable(out = 1024) Layer block13;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
