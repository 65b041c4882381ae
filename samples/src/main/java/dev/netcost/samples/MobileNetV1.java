package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.ReLU;

/**
 * MobileNetV1, width 1.0, 224 x 224 (Howard et al. 2017, table 1): a 3 x 3 convolution, then 13
 * depthwise separable blocks (a depthwise 3 x 3 convolution, {@code groups} = its channels, and a
 * pointwise 1 x 1 convolution), batch norm and ReLU after every convolution and no convolution
 * bias, global average pooling and a linear classifier.
 */
@Network(input = {3, 224, 224})
public class MobileNetV1 {
    @Conv(out = 32, kernel = 3, stride = 2, padding = 1, bias = false) Layer conv1;
    @BatchNorm Layer conv1Bn;
    @ReLU Layer conv1Relu;

    @Conv(out = 32, kernel = 3, padding = 1, groups = 32, bias = false) Layer dw1;
    @BatchNorm Layer dw1Bn;
    @ReLU Layer dw1Relu;
    @Conv(out = 64, kernel = 1, bias = false) Layer pw1;
    @BatchNorm Layer pw1Bn;
    @ReLU Layer pw1Relu;

    @Conv(out = 64, kernel = 3, stride = 2, padding = 1, groups = 64, bias = false) Layer dw2;
    @BatchNorm Layer dw2Bn;
    @ReLU Layer dw2Relu;
    @Conv(out = 128, kernel = 1, bias = false) Layer pw2;
    @BatchNorm Layer pw2Bn;
    @ReLU Layer pw2Relu;

    @Conv(out = 128, kernel = 3, padding = 1, groups = 128, bias = false) Layer dw3;
    @BatchNorm Layer dw3Bn;
    @ReLU Layer dw3Relu;
    @Conv(out = 128, kernel = 1, bias = false) Layer pw3;
    @BatchNorm Layer pw3Bn;
    @ReLU Layer pw3Relu;

    @Conv(out = 128, kernel = 3, stride = 2, padding = 1, groups = 128, bias = false) Layer dw4;
    @BatchNorm Layer dw4Bn;
    @ReLU Layer dw4Relu;
    @Conv(out = 256, kernel = 1, bias = false) Layer pw4;
    @BatchNorm Layer pw4Bn;
    @ReLU Layer pw4Relu;

    @Conv(out = 256, kernel = 3, padding = 1, groups = 256, bias = false) Layer dw5;
    @BatchNorm Layer dw5Bn;
    @ReLU Layer dw5Relu;
    @Conv(out = 256, kernel = 1, bias = false) Layer pw5;
    @BatchNorm Layer pw5Bn;
    @ReLU Layer pw5Relu;

    @Conv(out = 256, kernel = 3, stride = 2, padding = 1, groups = 256, bias = false) Layer dw6;
    @BatchNorm Layer dw6Bn;
    @ReLU Layer dw6Relu;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw6;
    @BatchNorm Layer pw6Bn;
    @ReLU Layer pw6Relu;

    @Conv(out = 512, kernel = 3, padding = 1, groups = 512, bias = false) Layer dw7;
    @BatchNorm Layer dw7Bn;
    @ReLU Layer dw7Relu;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw7;
    @BatchNorm Layer pw7Bn;
    @ReLU Layer pw7Relu;

    @Conv(out = 512, kernel = 3, padding = 1, groups = 512, bias = false) Layer dw8;
    @BatchNorm Layer dw8Bn;
    @ReLU Layer dw8Relu;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw8;
    @BatchNorm Layer pw8Bn;
    @ReLU Layer pw8Relu;

    @Conv(out = 512, kernel = 3, padding = 1, groups = 512, bias = false) Layer dw9;
    @BatchNorm Layer dw9Bn;
    @ReLU Layer dw9Relu;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw9;
    @BatchNorm Layer pw9Bn;
    @ReLU Layer pw9Relu;

    @Conv(out = 512, kernel = 3, padding = 1, groups = 512, bias = false) Layer dw10;
    @BatchNorm Layer dw10Bn;
    @ReLU Layer dw10Relu;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw10;
    @BatchNorm Layer pw10Bn;
    @ReLU Layer pw10Relu;

    @Conv(out = 512, kernel = 3, padding = 1, groups = 512, bias = false) Layer dw11;
    @BatchNorm Layer dw11Bn;
    @ReLU Layer dw11Relu;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw11;
    @BatchNorm Layer pw11Bn;
    @ReLU Layer pw11Relu;

    @Conv(out = 512, kernel = 3, stride = 2, padding = 1, groups = 512, bias = false) Layer dw12;
    @BatchNorm Layer dw12Bn;
    @ReLU Layer dw12Relu;
    @Conv(out = 1024, kernel = 1, bias = false) Layer pw12;
    @BatchNorm Layer pw12Bn;
    @ReLU Layer pw12Relu;

    @Conv(out = 1024, kernel = 3, padding = 1, groups = 1024, bias = false) Layer dw13;
    @BatchNorm Layer dw13Bn;
    @ReLU Layer dw13Relu;
    @Conv(out = 1024, kernel = 1, bias = false) Layer pw13;
    @BatchNorm Layer pw13Bn;
    @ReLU Layer pw13Relu;

    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
