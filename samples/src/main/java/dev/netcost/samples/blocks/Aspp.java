package dev.netcost.samples.blocks;

import dev.netcost.BatchNorm;
import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/**
 * torchvision's {@code ASPP}, DeepLabV3's atrous spatial pyramid pooling: five branches read the
 * same feature map (a 1 x 1 convolution, three atrous 3 x 3 convolutions at {@code rate1},
 * {@code rate2} and {@code rate3}, and the image-level pooling), joined on the channels and
 * projected back to {@code out} channels.
 */
@Block
public @interface Aspp {
    int rate1();

    int rate2();

    int rate3();

    /** Channels of every branch and of the projection. */
    int out() default 256;

    final class Layers {
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer conv0;
        @BatchNorm Layer bn0;
        @ReLU Layer relu0;
        @AsppConv @From("input") @With(out = "out", dilation = "rate1") Layer conv1;
        @AsppConv @From("input") @With(out = "out", dilation = "rate2") Layer conv2;
        @AsppConv @From("input") @With(out = "out", dilation = "rate3") Layer conv3;
        @AsppPooling @From("input") @With(out = "out") Layer pooling;
        @Concat({"relu0", "conv1", "conv2", "conv3", "pooling"}) Layer concat;
        @Conv(kernel = 1, bias = false) @With(out = "out") Layer project;
        @BatchNorm Layer projectBn;
        @ReLU Layer projectRelu;
        @Dropout(p = 0.5) Layer dropout;
    }
}
