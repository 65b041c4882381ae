package dev.netcost.samples.ops;

import dev.netcost.CustomOp;
import dev.netcost.Required;

/**
 * YOLOv5's {@code Detect} turning one level's map of {@code anchors * (5 + classes)} channels into
 * a grid of predictions, one per anchor and cell: {@code x.view(bs, na, no, ny, nx).permute(0, 1,
 * 3, 4, 2).contiguous()}, {@code (255, 80, 80)} to {@code (3, 80, 80, 85)}. A view and a permuted
 * copy: no parameter, no MAC, no FLOP; its traffic is the copy's, the input read and the output
 * written, as any op's. The channels must divide into the anchors, as {@code view} requires.
 */
@CustomOp(layouts = CustomOp.Layout.FEATURES,
        shape = {"anchors", "H", "W", "C / anchors"},
        params = "0",
        buffers = "0",
        macs = "0",
        flops = "0",
        checks = {
            @CustomOp.Check(require = "rank == 3", message = "a grid is made of a map (C, H, W)"),
            @CustomOp.Check(require = "anchors >= 1 && C % anchors == 0", attribute = "anchors",
                    message = "the channels must divide into the anchors, as view(bs, na, no, ny, nx) requires")
        })
public @interface YoloGrid {
    /** Anchors per cell: {@code Detect.na}, 3 in every YOLOv5. */
    @Required int anchors() default 0;
}
