package dev.netcost.samples;

import dev.netcost.AvgPool;
import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Tanh;

/**
 * LeNet-5 (LeCun et al. 1998) in its common modern form: 1 x 32 x 32 input, C3 connected to all
 * six S2 maps, plain average pooling for S2 and S4, and a linear output layer for F7.
 */
@Network(input = {1, 32, 32})
public class LeNet5 {
    @Conv(out = 6, kernel = 5) Layer c1;
    @Tanh Layer c1Act;
    @AvgPool(kernel = 2) Layer s2;
    @Conv(out = 16, kernel = 5) Layer c3;
    @Tanh Layer c3Act;
    @AvgPool(kernel = 2) Layer s4;
    @Conv(out = 120, kernel = 5) Layer c5;
    @Tanh Layer c5Act;
    @Flatten Layer flatten;
    @Linear(out = 84) Layer f6;
    @Tanh Layer f6Act;
    @Linear(out = 10) Layer f7;
}
