package dev.netcost.samples;

import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.ConvTranspose;
import dev.netcost.Layer;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.samples.blocks.DoubleConv;

/**
 * The U-Net of Ronneberger, Fischer and Brox (2015), with padded 3 x 3 convolutions, so that
 * every skip connection has the size of the up-sampled map it joins and the output the input's:
 * 1 channel in, 2 classes out, 64 channels at the top level doubling at each of four 2 x 2 max
 * pools, two 3 x 3 convolutions with ReLU per level (no batch norm, as the paper), 2 x 2 stride-2
 * transposed convolutions that halve the channels on the way up, each joined with its skip, and a
 * final 1 x 1 convolution. {@link UNetValid} is the paper's own, unpadded version.
 */
@Network(input = {1, 512, 512})
public class UNet {
    @DoubleConv(out = 64) Layer enc1;
    @MaxPool(kernel = 2) Layer pool1;
    @DoubleConv(out = 128) Layer enc2;
    @MaxPool(kernel = 2) Layer pool2;
    @DoubleConv(out = 256) Layer enc3;
    @MaxPool(kernel = 2) Layer pool3;
    @DoubleConv(out = 512) Layer enc4;
    @MaxPool(kernel = 2) Layer pool4;
    @DoubleConv(out = 1024) Layer bottleneck;

    @ConvTranspose(out = 512, kernel = 2, stride = 2) Layer up4;
    @Concat({"enc4", "up4"}) Layer cat4;
    @DoubleConv(out = 512) Layer dec4;
    @ConvTranspose(out = 256, kernel = 2, stride = 2) Layer up3;
    @Concat({"enc3", "up3"}) Layer cat3;
    @DoubleConv(out = 256) Layer dec3;
    @ConvTranspose(out = 128, kernel = 2, stride = 2) Layer up2;
    @Concat({"enc2", "up2"}) Layer cat2;
    @DoubleConv(out = 128) Layer dec2;
    @ConvTranspose(out = 64, kernel = 2, stride = 2) Layer up1;
    @Concat({"enc1", "up1"}) Layer cat1;
    @DoubleConv(out = 64) Layer dec1;

    @Conv(out = 2, kernel = 1) Layer head;
}
