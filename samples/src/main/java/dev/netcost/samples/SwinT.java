package dev.netcost.samples;

import dev.netcost.AdaptiveAvgPool;
import dev.netcost.ChannelsFirst;
import dev.netcost.ChannelsLast;
import dev.netcost.Conv;
import dev.netcost.Flatten;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.Repeat;
import dev.netcost.samples.blocks.SwinBlockPair;
import dev.netcost.samples.blocks.SwinPatchMerging;

/**
 * torchvision's {@code swin_t}: 4 x 4 patches embedded in 96 channels, laid out channels-last as
 * torchvision holds them ({@code Permute([0, 2, 3, 1])}), four stages of 2, 2, 6 and 2 blocks
 * with 3, 6, 12 and 24 heads in 7 x 7 windows, every other block's windows shifted, patch merging
 * between the stages (56 x 56 x 96 to 7 x 7 x 768), then the norm, channels moved back first, the
 * pool and the head. In the last stage the 7 x 7 window covers the 7 x 7 map, so torchvision drops
 * the shift there.
 */
@Network(input = {3, 224, 224})
public class SwinT {
    @Conv(out = 96, kernel = 4, stride = 4) Layer patchEmbed;
    @ChannelsLast Layer permute;
    @LayerNorm Layer patchNorm;
    @SwinBlockPair(heads = 3) Layer stage1;
    @SwinPatchMerging Layer merge1;
    @SwinBlockPair(heads = 6) Layer stage2;
    @SwinPatchMerging Layer merge2;
    @SwinBlockPair(heads = 12) @Repeat(3) Layer stage3;
    @SwinPatchMerging Layer merge3;
    @SwinBlockPair(heads = 24) Layer stage4;
    @LayerNorm Layer norm;
    @ChannelsFirst Layer permuteBack;
    @AdaptiveAvgPool(output = 1) Layer avgpool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer head;
}
