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
import dev.netcost.Training;
import dev.netcost.samples.blocks.Bottleneck;

/**
 * torchvision's {@code resnet50}, as the ResNet paper's Table 1 lists it: stages of 3, 4, 6 and 3
 * bottlenecks. Trained as the paper and torchvision's reference recipe train it: SGD with momentum,
 * float32, here 32 images a step (the paper's 256 over 8 GPUs).
 */
@Training(batch = 32, optimizer = Training.Optimizer.SGD_MOMENTUM)
@Network(input = {3, 224, 224})
public class ResNet50 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @Bottleneck(width = 64, out = 256) @Repeat(3) Layer layer1;
    @Bottleneck(width = 128, out = 512, stride = 2) @Repeat(4) Layer layer2;
    @Bottleneck(width = 256, out = 1024, stride = 2) @Repeat(6) Layer layer3;
    @Bottleneck(width = 512, out = 2048, stride = 2) @Repeat(3) Layer layer4;
    @GlobalAvgPool Layer avgpool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
