package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Layer;
import dev.netcost.With;

/**
 * Two Swin blocks as torchvision's stages hold them: the first with windows in place (W-MSA), the
 * second with windows shifted by half their size (SW-MSA, {@code shift_size = window_size // 2}
 * for odd {@code i_layer}). A stage of depth 2n is this pair repeated n times.
 */
@Block
public @interface SwinBlockPair {
    /** Attention heads of both blocks. */
    int heads();

    /** The window, both sides: 7 in Swin-T. */
    int window() default 7;

    final class Layers {
        @SwinBlock @With(heads = "heads", window = "window") Layer block;
        @SwinBlock @With(heads = "heads", window = "window", shift = "window / 2") Layer shifted;
    }
}
