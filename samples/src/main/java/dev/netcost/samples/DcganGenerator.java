package dev.netcost.samples;

import dev.netcost.BatchNorm;
import dev.netcost.ConvTranspose;
import dev.netcost.Layer;
import dev.netcost.Network;
import dev.netcost.ReLU;
import dev.netcost.Tanh;

/**
 * The DCGAN generator (Radford et al. 2015) as PyTorch's DCGAN tutorial builds it: a 100-d
 * latent vector as a (100, 1, 1) map, four transposed convolutions that double the size from
 * 4 x 4 to 64 x 64, batch norm and ReLU between them, tanh at the end, no biases.
 */
@Network(input = {100, 1, 1})
public class DcganGenerator {
    @ConvTranspose(out = 512, kernel = 4, bias = false) Layer up1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu1;
    @ConvTranspose(out = 256, kernel = 4, stride = 2, padding = 1, bias = false) Layer up2;
    @BatchNorm Layer bn2;
    @ReLU Layer relu2;
    @ConvTranspose(out = 128, kernel = 4, stride = 2, padding = 1, bias = false) Layer up3;
    @BatchNorm Layer bn3;
    @ReLU Layer relu3;
    @ConvTranspose(out = 64, kernel = 4, stride = 2, padding = 1, bias = false) Layer up4;
    @BatchNorm Layer bn4;
    @ReLU Layer relu4;
    @ConvTranspose(out = 3, kernel = 4, stride = 2, padding = 1, bias = false) Layer up5;
    @Tanh Layer tanh;
}
