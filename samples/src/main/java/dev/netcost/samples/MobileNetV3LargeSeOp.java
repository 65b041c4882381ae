package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Hardswish;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.samples.blocks.MobileBlockV3SeOp;

/**
 * torchvision's {@code mobilenet_v3_large}, as {@link MobileNetV3Large} declares it, with its
 * squeeze-and-excitation an op a user declared ({@link dev.netcost.samples.ops.SqueezeExcitation}):
 * the same parameters, MACs and FLOPs, and the memory traffic of one fused op.
 */
@Network(input = {3, 224, 224})
public class MobileNetV3LargeSeOp {
    @Conv(out = 16, kernel = 3, stride = 2, padding = 1, bias = false) Layer stem;
    @BatchNorm Layer stemBn;
    @Hardswish Layer stemHardswish;
    @MobileBlockV3SeOp(kernel = 3, expanded = 16, out = 16) Layer block1;
    @MobileBlockV3SeOp(kernel = 3, expanded = 64, out = 24, stride = 2) Layer block2;
    @MobileBlockV3SeOp(kernel = 3, expanded = 72, out = 24) Layer block3;
    @MobileBlockV3SeOp(kernel = 5, expanded = 72, out = 40, se = true, stride = 2) Layer block4;
    @MobileBlockV3SeOp(kernel = 5, expanded = 120, out = 40, se = true) Layer block5;
    @MobileBlockV3SeOp(kernel = 5, expanded = 120, out = 40, se = true) Layer block6;
    @MobileBlockV3SeOp(kernel = 3, expanded = 240, out = 80, hs = true, stride = 2) Layer block7;
    @MobileBlockV3SeOp(kernel = 3, expanded = 200, out = 80, hs = true) Layer block8;
    @MobileBlockV3SeOp(kernel = 3, expanded = 184, out = 80, hs = true) Layer block9;
    @MobileBlockV3SeOp(kernel = 3, expanded = 184, out = 80, hs = true) Layer block10;
    @MobileBlockV3SeOp(kernel = 3, expanded = 480, out = 112, se = true, hs = true) Layer block11;
    @MobileBlockV3SeOp(kernel = 3, expanded = 672, out = 112, se = true, hs = true) Layer block12;
    @MobileBlockV3SeOp(kernel = 5, expanded = 672, out = 160, se = true, hs = true, stride = 2) Layer block13;
    @MobileBlockV3SeOp(kernel = 5, expanded = 960, out = 160, se = true, hs = true) Layer block14;
    @MobileBlockV3SeOp(kernel = 5, expanded = 960, out = 160, se = true, hs = true) Layer block15;
    @Conv(out = 960, kernel = 1, bias = false) Layer lastConv;
    @BatchNorm Layer lastBn;
    @Hardswish Layer lastHardswish;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 1280) Layer fc1;
    @Hardswish Layer fcHardswish;
    @Dropout(p = 0.2) Layer dropout;
    @Linear(out = 1000) Layer classifier;
}
