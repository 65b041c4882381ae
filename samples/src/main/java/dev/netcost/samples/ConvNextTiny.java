package dev.netcost.samples;

import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.GlobalAvgPool;
import dev.netcost.Layer;
import dev.netcost.LayerNorm2d;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Repeat;
import dev.netcost.samples.blocks.CNBlock;

/**
 * torchvision's {@code convnext_tiny}: a 4 x 4 patchify stem, stages of 3, 3, 9 and 3
 * {@code CNBlock}s of 96, 192, 384 and 768 channels ({@code CNBlockConfig(96, 192, 3)} and the
 * rest), each stage but the last followed by a layer norm and a 2 x 2 convolution of stride 2
 * that doubles the channels, then a global average pool and the classifier: a layer norm on the
 * pooled {@code (768, 1, 1)}, a flatten and a linear layer. Every norm outside the blocks is
 * torchvision's {@code LayerNorm2d}, over a channels-first map's channels.
 */
@Network(input = {3, 224, 224})
public class ConvNextTiny {
    @Conv(out = 96, kernel = 4, stride = 4) Layer stem;
    @LayerNorm2d Layer stemNorm;
    @CNBlock(dim = 96) @Repeat(3) Layer stage1;
    @LayerNorm2d Layer downsample1Norm;
    @Conv(out = 192, kernel = 2, stride = 2) Layer downsample1;
    @CNBlock(dim = 192) @Repeat(3) Layer stage2;
    @LayerNorm2d Layer downsample2Norm;
    @Conv(out = 384, kernel = 2, stride = 2) Layer downsample2;
    @CNBlock(dim = 384) @Repeat(9) Layer stage3;
    @LayerNorm2d Layer downsample3Norm;
    @Conv(out = 768, kernel = 2, stride = 2) Layer downsample3;
    @CNBlock(dim = 768) @Repeat(3) Layer stage4;
    @GlobalAvgPool Layer avgpool;
    @LayerNorm2d Layer classifierNorm;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer fc;
}
