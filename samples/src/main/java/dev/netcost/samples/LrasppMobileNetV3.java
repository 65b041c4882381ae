package dev.netcost.samples;

import dev.netcost.Add;
import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.From;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Hardswish;
import dev.netcost.Interpolation;
import dev.netcost.Layer;
import dev.netcost.Mul;
import dev.netcost.Network;
import dev.netcost.ReLU;
import dev.netcost.Sigmoid;
import dev.netcost.Upsample;
import dev.netcost.samples.blocks.MobileBlockV3;

/**
 * torchvision's {@code lraspp_mobilenet_v3_large(num_classes=21)} on a 520 x 520 image: the
 * features of {@code mobilenet_v3_large(dilated=True)} (its last stage dilated, output stride 16)
 * and the Lite R-ASPP head of the MobileNetV3 paper, which reads two of them: the low-level
 * features of block4 (40 x 65 x 65, output stride 8) and the high-level ones of the last
 * convolution (960 x 33 x 33).
 */
@Network(input = {3, 520, 520})
public class LrasppMobileNetV3 {
    @Conv(out = 16, kernel = 3, stride = 2, padding = 1, bias = false) Layer stem;
    @BatchNorm Layer stemBn;
    @Hardswish Layer stemHardswish;
    @MobileBlockV3(kernel = 3, expanded = 16, out = 16) Layer block1;
    @MobileBlockV3(kernel = 3, expanded = 64, out = 24, stride = 2) Layer block2;
    @MobileBlockV3(kernel = 3, expanded = 72, out = 24) Layer block3;
    @MobileBlockV3(kernel = 5, expanded = 72, out = 40, se = true, stride = 2) Layer block4;
    @MobileBlockV3(kernel = 5, expanded = 120, out = 40, se = true) Layer block5;
    @MobileBlockV3(kernel = 5, expanded = 120, out = 40, se = true) Layer block6;
    @MobileBlockV3(kernel = 3, expanded = 240, out = 80, hs = true, stride = 2) Layer block7;
    @MobileBlockV3(kernel = 3, expanded = 200, out = 80, hs = true) Layer block8;
    @MobileBlockV3(kernel = 3, expanded = 184, out = 80, hs = true) Layer block9;
    @MobileBlockV3(kernel = 3, expanded = 184, out = 80, hs = true) Layer block10;
    @MobileBlockV3(kernel = 3, expanded = 480, out = 112, se = true, hs = true) Layer block11;
    @MobileBlockV3(kernel = 3, expanded = 672, out = 112, se = true, hs = true) Layer block12;
    @MobileBlockV3(kernel = 5, expanded = 672, out = 160, se = true, hs = true, stride = 2, dilation = 2) Layer block13;
    @MobileBlockV3(kernel = 5, expanded = 960, out = 160, se = true, hs = true, dilation = 2) Layer block14;
    @MobileBlockV3(kernel = 5, expanded = 960, out = 160, se = true, hs = true, dilation = 2) Layer block15;
    @Conv(out = 960, kernel = 1, bias = false) Layer lastConv;
    @BatchNorm Layer lastBn;
    @Hardswish Layer lastHardswish;
    // LRASPPHead(low_channels=40, high_channels=960, num_classes=21, inter_channels=128)
    @Conv(out = 128, kernel = 1, bias = false) Layer cbr;
    @BatchNorm Layer cbrBn;
    @ReLU Layer cbrRelu;
    @GlobalAvgPool @From("lastHardswish") Layer scalePool;
    @Conv(out = 128, kernel = 1, bias = false) Layer scaleConv;
    @Sigmoid Layer scaleSigmoid;
    @Mul({"cbrRelu", "scaleSigmoid"}) Layer scaled;
    @Upsample(mode = Interpolation.BILINEAR, like = "block4") Layer upsampled;
    @Conv(out = 21, kernel = 1) @From("block4") Layer lowClassifier;
    @Conv(out = 21, kernel = 1) @From("upsampled") Layer highClassifier;
    @Add({"lowClassifier", "highClassifier"}) Layer add;
    @Upsample(mode = Interpolation.BILINEAR, like = "input") Layer out;
}
