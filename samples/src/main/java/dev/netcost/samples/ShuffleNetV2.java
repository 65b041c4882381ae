package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.ReLU;
import dev.netcost.Repeat;
import dev.netcost.samples.blocks.ShuffleDown;
import dev.netcost.samples.blocks.ShuffleUnit;

/** torchvision's {@code shufflenet_v2_x1_0}: stages of 4, 8 and 4 units, each opened by a downsampling unit. */
@Network(input = {3, 224, 224})
public class ShuffleNetV2 {
    @Conv(out = 24, kernel = 3, stride = 2, padding = 1, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu1;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @ShuffleDown(out = 116) Layer stage2Down;
    @ShuffleUnit @Repeat(3) Layer stage2;
    @ShuffleDown(out = 232) Layer stage3Down;
    @ShuffleUnit @Repeat(7) Layer stage3;
    @ShuffleDown(out = 464) Layer stage4Down;
    @ShuffleUnit @Repeat(3) Layer stage4;
    @Conv(out = 1024, kernel = 1, bias = false) Layer conv5;
    @BatchNorm Layer bn5;
    @ReLU Layer relu5;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
