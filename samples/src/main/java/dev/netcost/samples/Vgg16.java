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

/**
 * VGG-16 (configuration D) in torchvision's layout ({@code torchvision.models.vgg16}), without batch norm.
 *
 * <p>It shows a lint on purpose: its first classifier layer holds 74 % of its parameters, and
 * the build says so ({@code [netcost:heavy-classifier]}).
 */
@Network(input = {3, 224, 224})
public class Vgg16 {
    @Conv(out = 64, kernel = 3, padding = 1) Layer conv1_1;
    @ReLU Layer relu1_1;
    @Conv(out = 64, kernel = 3, padding = 1) Layer conv1_2;
    @ReLU Layer relu1_2;
    @MaxPool(kernel = 2, stride = 2) Layer pool1;
    @Conv(out = 128, kernel = 3, padding = 1) Layer conv2_1;
    @ReLU Layer relu2_1;
    @Conv(out = 128, kernel = 3, padding = 1) Layer conv2_2;
    @ReLU Layer relu2_2;
    @MaxPool(kernel = 2, stride = 2) Layer pool2;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv3_1;
    @ReLU Layer relu3_1;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv3_2;
    @ReLU Layer relu3_2;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv3_3;
    @ReLU Layer relu3_3;
    @MaxPool(kernel = 2, stride = 2) Layer pool3;
    @Conv(out = 512, kernel = 3, padding = 1) Layer conv4_1;
    @ReLU Layer relu4_1;
    @Conv(out = 512, kernel = 3, padding = 1) Layer conv4_2;
    @ReLU Layer relu4_2;
    @Conv(out = 512, kernel = 3, padding = 1) Layer conv4_3;
    @ReLU Layer relu4_3;
    @MaxPool(kernel = 2, stride = 2) Layer pool4;
    @Conv(out = 512, kernel = 3, padding = 1) Layer conv5_1;
    @ReLU Layer relu5_1;
    @Conv(out = 512, kernel = 3, padding = 1) Layer conv5_2;
    @ReLU Layer relu5_2;
    @Conv(out = 512, kernel = 3, padding = 1) Layer conv5_3;
    @ReLU Layer relu5_3;
    @MaxPool(kernel = 2, stride = 2) Layer pool5;

    @AdaptiveAvgPool(output = 7) Layer avgpool;
    @Flatten Layer flatten;
    @Linear(out = 4096) Layer fc6;
    @ReLU Layer relu6;
    @Dropout Layer drop6;
    @Linear(out = 4096) Layer fc7;
    @ReLU Layer relu7;
    @Dropout Layer drop7;
    @Linear(out = 1000) Layer fc8;
}
