package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.ReLU6;
import dev.netcost.Repeat;
import dev.netcost.samples.blocks.InvertedResidual;

/** torchvision's {@code mobilenet_v2} (width 1.0): the paper's Table 2, one row per field. */
@Network(input = {3, 224, 224})
public class MobileNetV2 {
    @Conv(out = 32, kernel = 3, stride = 2, padding = 1, bias = false) Layer stem;
    @BatchNorm Layer stemBn;
    @ReLU6 Layer stemRelu;
    @InvertedResidual(t = 1, out = 16) Layer stage1;
    @InvertedResidual(t = 6, out = 24, stride = 2) @Repeat(2) Layer stage2;
    @InvertedResidual(t = 6, out = 32, stride = 2) @Repeat(3) Layer stage3;
    @InvertedResidual(t = 6, out = 64, stride = 2) @Repeat(4) Layer stage4;
    @InvertedResidual(t = 6, out = 96) @Repeat(3) Layer stage5;
    @InvertedResidual(t = 6, out = 160, stride = 2) @Repeat(3) Layer stage6;
    @InvertedResidual(t = 6, out = 320) Layer stage7;
    @Conv(out = 1280, kernel = 1, bias = false) Layer head;
    @BatchNorm Layer headBn;
    @ReLU6 Layer headRelu;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Dropout(p = 0.2) Layer dropout;
    @Linear(out = 1000) Layer classifier;
}
