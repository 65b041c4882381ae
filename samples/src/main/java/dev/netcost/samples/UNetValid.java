package dev.netcost.samples;

import dev.netcost.CenterCrop;
import dev.netcost.Concat;
import dev.netcost.Conv;
import dev.netcost.ConvTranspose;
import dev.netcost.From;
import dev.netcost.Layer;
import dev.netcost.MaxPool;
import dev.netcost.Network;
import dev.netcost.samples.blocks.DoubleConv;

/**
 * The U-Net as Ronneberger, Fischer and Brox (2015) drew it in their Fig. 1: unpadded 3 x 3
 * convolutions, so a 572 x 572 tile shrinks to 568 at the first level, 280, 136 and 64 at the
 * next, 28 at the bottom, and the output is the 388 x 388 centre of the tile. Each skip is cropped
 * to the size of the up-sampled map it joins ("copy and crop"). Its parameters are {@link UNet}'s:
 * padding changes no weight.
 */
@Network(input = {1, 572, 572})
public class UNetValid {
    @DoubleConv(out = 64, padding = 0) Layer enc1;
    @MaxPool(kernel = 2) Layer pool1;
    @DoubleConv(out = 128, padding = 0) Layer enc2;
    @MaxPool(kernel = 2) Layer pool2;
    @DoubleConv(out = 256, padding = 0) Layer enc3;
    @MaxPool(kernel = 2) Layer pool3;
    @DoubleConv(out = 512, padding = 0) Layer enc4;
    @MaxPool(kernel = 2) Layer pool4;
    @DoubleConv(out = 1024, padding = 0) Layer bottleneck;

    @ConvTranspose(out = 512, kernel = 2, stride = 2) Layer up4;
    @CenterCrop(like = "up4") @From("enc4") Layer crop4;
    @Concat({"crop4", "up4"}) Layer cat4;
    @DoubleConv(out = 512, padding = 0) Layer dec4;
    @ConvTranspose(out = 256, kernel = 2, stride = 2) Layer up3;
    @CenterCrop(like = "up3") @From("enc3") Layer crop3;
    @Concat({"crop3", "up3"}) Layer cat3;
    @DoubleConv(out = 256, padding = 0) Layer dec3;
    @ConvTranspose(out = 128, kernel = 2, stride = 2) Layer up2;
    @CenterCrop(like = "up2") @From("enc2") Layer crop2;
    @Concat({"crop2", "up2"}) Layer cat2;
    @DoubleConv(out = 128, padding = 0) Layer dec2;
    @ConvTranspose(out = 64, kernel = 2, stride = 2) Layer up1;
    @CenterCrop(like = "up1") @From("enc1") Layer crop1;
    @Concat({"crop1", "up1"}) Layer cat1;
    @DoubleConv(out = 64, padding = 0) Layer dec1;

    @Conv(out = 2, kernel = 1) Layer head;
}
