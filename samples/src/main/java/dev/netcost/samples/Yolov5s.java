package dev.netcost.samples;

import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.Network;
import dev.netcost.Output;
import dev.netcost.Upsample;
import dev.netcost.samples.blocks.YoloC3;
import dev.netcost.samples.blocks.YoloConv;
import dev.netcost.samples.blocks.YoloSppf;
import dev.netcost.samples.ops.YoloGrid;

/**
 * Ultralytics YOLOv5s, v6.0 and later ({@code models/yolov5s.yaml}: depth_multiple 0.33,
 * width_multiple 0.50, 3 anchors per level, 80 classes), on one 640 x 640 image. Each field is one
 * row of the yaml, named after its index in {@code model.model} (yolov5 prints that table while it
 * parses the yaml): the backbone 0 to 9, the PAN head 10 to 23, and {@code Detect} (24), whose three
 * 1 x 1 convolutions with bias, to {@code 3 * (80 + 5) = 255} channels, are the three outputs.
 *
 * <p>Channels are the yaml's times 0.5 ({@code make_divisible(c * 0.5, 8)}), C3 depths
 * {@code max(round(n * 0.33), 1)}: 3, 6, 9, 3 in the backbone become 1, 2, 3, 1, the head's 3s 1.
 *
 * <p>PARAMS 7,235,389, as yolov5 prints ("Model summary: 214 layers, 7235389 parameters"), every
 * layer's count as its table prints it. BUFFERS 19,008: the batch norms' running mean and variance.
 * PyTorch's {@code buffers()} holds 75 more, which netcost does not count: 57
 * {@code num_batches_tracked} and {@code Detect.anchors} (3 x 3 x 2 = 18). MACS 8,216,780,800,
 * counted with forward hooks on every {@code Conv2d}; yolov5's "16.6 GFLOPs" is thop's count times
 * 2, which adds 4 per batch-norm element (see DetectionAndClipFiguresTest).
 *
 * <p>The outputs are {@code Detect}'s grids, what it returns in training and beside its decoded
 * boxes at inference: (3, 80, 80, 85), (3, 40, 40, 85), (3, 20, 20, 85), each cell's 3 anchors x
 * (4 box + 1 objectness + 80 classes), made by {@link YoloGrid} of the 1 x 1 convolutions' (255,
 * ny, nx). At inference yolov5 also applies a sigmoid, decodes boxes against the grid and the
 * anchors and concatenates all 25,200 rows; none of that is a MAC, and none of it is declared. What only each output needs: p3's and p4's own
 * 1 x 1 convolution (c3_17 and c3_20 also feed the path down to P5), and for p5 layers 21 to 23
 * besides ({@code P5_ONLY_PARAMS} 1,903,871 of the 7,235,389).
 */
@Network(input = {3, 640, 640})
public class Yolov5s {
    // backbone
    @YoloConv(out = 32, kernel = 6, stride = 2, padding = 2) Layer conv0;   // 0-P1/2
    @YoloConv(out = 64, kernel = 3, stride = 2) Layer conv1;                // 1-P2/4
    @YoloC3(out = 64, n = 1) Layer c3_2;
    @YoloConv(out = 128, kernel = 3, stride = 2) Layer conv3;               // 3-P3/8
    @YoloC3(out = 128, n = 2) Layer c3_4;
    @YoloConv(out = 256, kernel = 3, stride = 2) Layer conv5;               // 5-P4/16
    @YoloC3(out = 256, n = 3) Layer c3_6;
    @YoloConv(out = 512, kernel = 3, stride = 2) Layer conv7;               // 7-P5/32
    @YoloC3(out = 512, n = 1) Layer c3_8;
    @YoloSppf(out = 512, kernel = 5) Layer sppf9;

    // head
    @YoloConv(out = 256) Layer conv10;
    @Upsample(scale = 2) Layer up11;
    @Concat({"up11", "c3_6"}) Layer cat12;                                  // cat backbone P4
    @YoloC3(out = 256, n = 1, shortcut = false) Layer c3_13;
    @YoloConv(out = 128) Layer conv14;
    @Upsample(scale = 2) Layer up15;
    @Concat({"up15", "c3_4"}) Layer cat16;                                  // cat backbone P3
    @YoloC3(out = 128, n = 1, shortcut = false) Layer c3_17;                // 17 (P3/8-small)
    @YoloConv(out = 128, kernel = 3, stride = 2) Layer conv18;
    @Concat({"conv18", "conv14"}) Layer cat19;                              // cat head P4
    @YoloC3(out = 256, n = 1, shortcut = false) Layer c3_20;                // 20 (P4/16-medium)
    @YoloConv(out = 256, kernel = 3, stride = 2) Layer conv21;
    @Concat({"conv21", "conv10"}) Layer cat22;                              // cat head P5
    @YoloC3(out = 512, n = 1, shortcut = false) Layer c3_23;                // 23 (P5/32-large)

    // Detect(P3, P4, P5), model.24.m.0, m.1, m.2: 1 x 1 with bias, to 3 anchors x (4 box + 1
    // objectness + 80 classes) = 255 channels; the network's three outputs, each read by no layer
    @Conv(out = 255, kernel = 1) @From("c3_17") Layer m0;
    @Conv(out = 255, kernel = 1) @From("c3_20") Layer m1;
    @Conv(out = 255, kernel = 1) @From("c3_23") Layer m2;
    // x[i].view(bs, na, no, ny, nx).permute(0, 1, 3, 4, 2): each level a grid of 3 anchors x 85
    @YoloGrid(anchors = 3) @From("m0") @Output Layer p3;
    @YoloGrid(anchors = 3) @From("m1") @Output Layer p4;
    @YoloGrid(anchors = 3) @From("m2") @Output Layer p5;
}
