package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * DenseNet's layer: batch norm, ReLU, a 1 x 1 bottleneck to {@code bnSize * growth}, batch norm,
 * ReLU, a 3 x 3 convolution to {@code growth}, and its input concatenated in front, so that every
 * layer sees every earlier feature map.
 */
@Block
public @interface DenseLayer {
    int growth() default 32;

    int bnSize() default 4;

    final class Layers {
        @BatchNorm Layer norm1;
        @ReLU Layer relu1;
        @Conv(kernel = 1, bias = false) @With(out = "bnSize * growth") Layer conv1;
        @BatchNorm Layer norm2;
        @ReLU Layer relu2;
        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "growth") Layer conv2;
        @Concat({"input", "conv2"}) Layer concat;
    }
}
