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
import dev.netcost.samples.blocks.DenseLayer;
import dev.netcost.samples.blocks.Transition;

/** torchvision's {@code densenet121}: dense blocks of 6, 12, 24 and 16 layers, growth 32. */
@Network(input = {3, 224, 224})
public class DenseNet121 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv0;
    @BatchNorm Layer norm0;
    @ReLU Layer relu0;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool0;
    @DenseLayer @Repeat(6) Layer denseblock1;
    @Transition Layer transition1;
    @DenseLayer @Repeat(12) Layer denseblock2;
    @Transition Layer transition2;
    @DenseLayer @Repeat(24) Layer denseblock3;
    @Transition Layer transition3;
    @DenseLayer @Repeat(16) Layer denseblock4;
    @BatchNorm Layer norm5;
    @ReLU Layer relu;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer classifier;
}
