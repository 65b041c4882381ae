package com.example;

import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Repeat;

@Network(input = {3, 32, 32})
public class TinyNet {
    @Conv(out = 8, kernel = 3, padding = 1) Layer stem;
    @Residual(out = 8) @Repeat(2) Layer blocks;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 10) Layer fc;
}
