package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.PatchMerging;
import dev.netcost.With;

/**
 * torchvision's {@code PatchMerging} module between two Swin stages, on a channels-last map
 * {@code (H, W, C)}: each 2 x 2 neighbourhood joined, {@code (H/2, W/2, 4C)}, then
 * {@code LayerNorm(4C)} and {@code Linear(4C, 2C, bias=False)}: {@code (H/2, W/2, 2C)}.
 */
@Block
public @interface SwinPatchMerging {
    final class Layers {
        @PatchMerging Layer merge;
        @LayerNorm Layer norm;
        @Linear(bias = false) @With(out = "2 * in") Layer reduction;
    }
}
