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
import dev.netcost.samples.blocks.Bottleneck;

/** torchvision's {@code resnext50_32x4d}: ResNet-50 with 32 groups of 4 channels per group at the first stage, so {@code width = planes * 4 / 64 * 32 = 2 * planes}. */
@Network(input = {3, 224, 224})
public class ResNeXt50 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @Bottleneck(width = 128, out = 256, groups = 32) @Repeat(3) Layer layer1;
    @Bottleneck(width = 256, out = 512, stride = 2, groups = 32) @Repeat(4) Layer layer2;
    @Bottleneck(width = 512, out = 1024, stride = 2, groups = 32) @Repeat(6) Layer layer3;
    @Bottleneck(width = 1024, out = 2048, stride = 2, groups = 32) @Repeat(3) Layer layer4;
    @GlobalAvgPool Layer avgpool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
