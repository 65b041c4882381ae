package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.From;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.With;

/**
 * YOLOv5's {@code C3} (CSP bottleneck with three convolutions), with {@code c_ = out / 2}:
 * {@code cv3(cat(m(cv1(x)), cv2(x)))}. The fields run in the order Python evaluates that line:
 * cv1, the bottlenecks {@code m}, cv2 on the block's input, the concatenation, cv3 (PyTorch
 * registers cv1, cv2, cv3, m; the figures are the same either way, the peak memory follows the
 * order of execution).
 *
 * <p>{@code n} is {@code max(round(number * depth_multiple), 1)}: 1, 2, 3, 1 in YOLOv5s's backbone and
 * 1 in its head. netcost's {@code @Repeat} takes a constant, not a block parameter, so the
 * bottlenecks are three fields kept by {@code @If}: this block holds at most 3 (YOLOv5s's most;
 * YOLOv5m, l and x need up to 6, 9 and 12, which would take more such fields). With
 * {@code n = 1} or 2, the fields whose {@code @If} is false are the identity, so {@code cat} reads
 * the last bottleneck there is.
 */
@Block
public @interface YoloC3 {
    /** Output channels: {@code make_divisible(args[0] * width_multiple, 8)}. */
    int out();

    /** Bottlenecks, 1 to 3. */
    int n() default 1;

    /** The bottlenecks' residual add: true in the backbone, false in the head. */
    boolean shortcut() default true;

    final class Layers {
        @YoloConv @With(out = "out / 2") Layer cv1;
        @YoloBottleneck @With(args = "shortcut = shortcut") Layer m0;
        @YoloBottleneck @With(args = "shortcut = shortcut") @If("n >= 2") Layer m1;
        @YoloBottleneck @With(args = "shortcut = shortcut") @If("n >= 3") Layer m2;
        @YoloConv @From("input") @With(out = "out / 2") Layer cv2;
        @Concat({"m2", "cv2"}) Layer cat;
        @YoloConv @With(out = "out") Layer cv3;
    }
}
