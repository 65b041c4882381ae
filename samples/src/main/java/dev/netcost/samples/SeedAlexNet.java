package dev.netcost.samples;

import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.Flatten;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.ReLU;

/**
 * AlexNet as the seed note {@code 001_4eff791b815d6047.txt} writes it (Paddle): 227 x 227 input,
 * 96-256-384-384-256 channels, every layer with a bias.
 */
@Network(input = {3, 227, 227})
public class SeedAlexNet {
    @Conv(out = 96, kernel = 11, stride = 4) Layer conv1;
    @ReLU Layer relu1;
    @MaxPool(kernel = 3, stride = 2) Layer pool1;

    @Conv(out = 256, kernel = 5, padding = 2) Layer conv2;
    @ReLU Layer relu2;
    @MaxPool(kernel = 3, stride = 2) Layer pool2;

    @Conv(out = 384, kernel = 3, padding = 1) Layer conv3;
    @ReLU Layer relu3;
    @Conv(out = 384, kernel = 3, padding = 1) Layer conv4;
    @ReLU Layer relu4;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv5;
    @ReLU Layer relu5;
    @MaxPool(kernel = 3, stride = 2) Layer pool5;

    @Flatten Layer flatten;
    @SuppressWarnings("netcost:heavy-classifier") // as the seed writes it
    @Linear(out = 4096) Layer fc6;
    @ReLU Layer relu6;
    @Dropout(p = 0.5) Layer drop6;
    @Linear(out = 4096) Layer fc7;
    @ReLU Layer relu7;
    @Linear(out = 1000) Layer fc8;
}
