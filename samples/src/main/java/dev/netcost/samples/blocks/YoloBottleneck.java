package dev.netcost.samples.blocks;

import dev.netcost.Add;
import dev.netcost.Block;
import dev.netcost.If;
import dev.netcost.Layer;
import dev.netcost.With;

/**
 * YOLOv5's {@code Bottleneck} as {@code C3} builds it ({@code Bottleneck(c_, c_, shortcut, g, e=1.0)}):
 * a 1 x 1 and a 3 x 3 {@link YoloConv}, both keeping the {@code c_} channels that come in, and the
 * input added back when {@code shortcut} ({@code self.add = shortcut and c1 == c2}; with
 * {@code e = 1.0}, {@code c1 == c2} always holds). The backbone's C3s have the shortcut, the head's
 * ({@code [512, False]}) do not.
 */
@Block
public @interface YoloBottleneck {
    boolean shortcut() default true;

    final class Layers {
        @YoloConv @With(out = "in") Layer cv1;
        @YoloConv(kernel = 3) @With(out = "in") Layer cv2;
        @Add({"cv2", "input"}) @If("shortcut") Layer add;
    }
}
