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
import dev.netcost.samples.blocks.BasicBlock;

/** torchvision's {@code resnet18}: four stages of two basic blocks. */
@Network(input = {3, 224, 224})
public class ResNet18 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @BasicBlock(out = 64) @Repeat(2) Layer layer1;
    @BasicBlock(out = 128, stride = 2) @Repeat(2) Layer layer2;
    @BasicBlock(out = 256, stride = 2) @Repeat(2) Layer layer3;
    @BasicBlock(out = 512, stride = 2) @Repeat(2) Layer layer4;
    @GlobalAvgPool Layer avgpool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
