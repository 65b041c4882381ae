package dev.netcost.samples;

import dev.netcost.AdaptiveAvgPool;
import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.Flatten;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.ReLU;

/** AlexNet in torchvision's layout ({@code torchvision.models.alexnet}): 64-192-384-256-256 channels. */
@Network(input = {3, 224, 224})
public class AlexNet {
    @Conv(out = 64, kernel = 11, stride = 4, padding = 2) Layer conv1;
    @ReLU Layer relu1;
    @MaxPool(kernel = 3, stride = 2) Layer pool1;
    @Conv(out = 192, kernel = 5, padding = 2) Layer conv2;
    @ReLU Layer relu2;
    @MaxPool(kernel = 3, stride = 2) Layer pool2;
    @Conv(out = 384, kernel = 3, padding = 1) Layer conv3;
    @ReLU Layer relu3;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv4;
    @ReLU Layer relu4;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv5;
    @ReLU Layer relu5;
    @MaxPool(kernel = 3, stride = 2) Layer pool5;

    @AdaptiveAvgPool(output = 6) Layer avgpool;
    @Flatten Layer flatten;
    @Dropout Layer drop6;
    @SuppressWarnings("netcost:heavy-classifier") // 62 % of the parameters, as in torchvision
    @Linear(out = 4096) Layer fc6;
    @ReLU Layer relu6;
    @Dropout Layer drop7;
    @Linear(out = 4096) Layer fc7;
    @ReLU Layer relu7;
    @Linear(out = 1000) Layer fc8;
}
