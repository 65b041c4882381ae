package dev.netcost.samples.blocks;

import dev.netcost.Block;
import dev.netcost.Concat;
import dev.netcost.Layer;
import dev.netcost.MaxPool;
import dev.netcost.With;

/**
 * YOLOv5's {@code SPPF} (fast spatial pyramid pooling, equivalent to {@code SPP(k=(5, 9, 13))}):
 * cv1 halves the channels, one {@code MaxPool2d(k, stride=1, padding=k // 2)} applied three times
 * in a row, the four maps concatenated, cv2 to {@code out}. PyTorch holds one pooling module used
 * thrice; here it is three fields, which changes no figure (pooling has no weights).
 */
@Block
public @interface YoloSppf {
    int out();

    int kernel() default 5;

    final class Layers {
        @YoloConv @With(out = "in / 2") Layer cv1;
        @MaxPool(stride = 1) @With(kernel = "kernel", padding = "kernel / 2") Layer y1;
        @MaxPool(stride = 1) @With(kernel = "kernel", padding = "kernel / 2") Layer y2;
        @MaxPool(stride = 1) @With(kernel = "kernel", padding = "kernel / 2") Layer y3;
        @Concat({"cv1", "y1", "y2", "y3"}) Layer cat;
        @YoloConv @With(out = "out") Layer cv2;
    }
}
