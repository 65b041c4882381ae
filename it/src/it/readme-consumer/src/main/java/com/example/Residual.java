package com.example;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.Conv;
import dev.netcost.Layer;
import dev.netcost.ReLU;
import dev.netcost.With;

/** A block of the user's own: a 3 x 3 convolution and a ReLU, plus the input. */
@Block
public @interface Residual {
    /** Channels, in and out. */
    int out();

    final class Layers {
        @Conv(kernel = 3, padding = 1) @With(out = "out") Layer conv;
        @ReLU Layer relu;
        @Add({"relu", "input"}) Layer add;
    }
}
