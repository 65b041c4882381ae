package dev.netcost.samples;

import dev.netcost.Dropout;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.samples.blocks.BasicConv2d;
import dev.netcost.samples.blocks.Inception;

/** torchvision's {@code googlenet} without the auxiliary heads, which inference does not run. */
@Network(input = {3, 224, 224})
public class GoogLeNet {
    @BasicConv2d(out = 64, kernel = 7, stride = 2, padding = 3) Layer conv1;
    @MaxPool(kernel = 3, stride = 2, ceilMode = true) Layer maxpool1;
    @BasicConv2d(out = 64) Layer conv2;
    @BasicConv2d(out = 192, kernel = 3, padding = 1) Layer conv3;
    @MaxPool(kernel = 3, stride = 2, ceilMode = true) Layer maxpool2;
    @Inception(ch1x1 = 64, ch3x3red = 96, ch3x3 = 128, ch5x5red = 16, ch5x5 = 32, poolProj = 32) Layer inception3a;
    @Inception(ch1x1 = 128, ch3x3red = 128, ch3x3 = 192, ch5x5red = 32, ch5x5 = 96, poolProj = 64) Layer inception3b;
    @MaxPool(kernel = 3, stride = 2, ceilMode = true) Layer maxpool3;
    @Inception(ch1x1 = 192, ch3x3red = 96, ch3x3 = 208, ch5x5red = 16, ch5x5 = 48, poolProj = 64) Layer inception4a;
    @Inception(ch1x1 = 160, ch3x3red = 112, ch3x3 = 224, ch5x5red = 24, ch5x5 = 64, poolProj = 64) Layer inception4b;
    @Inception(ch1x1 = 128, ch3x3red = 128, ch3x3 = 256, ch5x5red = 24, ch5x5 = 64, poolProj = 64) Layer inception4c;
    @Inception(ch1x1 = 112, ch3x3red = 144, ch3x3 = 288, ch5x5red = 32, ch5x5 = 64, poolProj = 64) Layer inception4d;
    @Inception(ch1x1 = 256, ch3x3red = 160, ch3x3 = 320, ch5x5red = 32, ch5x5 = 128, poolProj = 128)
    Layer inception4e;
    @MaxPool(kernel = 2, stride = 2, ceilMode = true) Layer maxpool4;
    @Inception(ch1x1 = 256, ch3x3red = 160, ch3x3 = 320, ch5x5red = 32, ch5x5 = 128, poolProj = 128)
    Layer inception5a;
    @Inception(ch1x1 = 384, ch3x3red = 192, ch3x3 = 384, ch5x5red = 48, ch5x5 = 128, poolProj = 128)
    Layer inception5b;
    @GlobalAvgPool Layer avgpool;
    @Flatten Layer flatten;
    @Dropout(p = 0.2) Layer dropout;
    @Linear(out = 1000) Layer fc;
}
