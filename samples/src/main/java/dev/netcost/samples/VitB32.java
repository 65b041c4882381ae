package dev.netcost.samples;

import dev.netcost.ClassToken;
import dev.netcost.Conv;
import dev.netcost.Dropout;
import dev.netcost.Layer;
import dev.netcost.LayerNorm;
import dev.netcost.Linear;
import dev.netcost.Network;
import dev.netcost.PositionEmbedding;
import dev.netcost.Repeat;
import dev.netcost.SelectToken;
import dev.netcost.ToTokens;
import dev.netcost.samples.blocks.TransformerLayer;

/**
 * torchvision's {@code vit_b_32}: 32 x 32 patches of a 224 x 224 image as 49 tokens of 768, a
 * class token, learned positions, 12 pre-norm layers of 12 heads, and the head on the class token.
 */
@Network(input = {3, 224, 224})
public class VitB32 {
    @Conv(out = 768, kernel = 32, stride = 32) Layer convProj;
    @ToTokens Layer patches;
    @ClassToken Layer classToken;
    @PositionEmbedding(length = 50) Layer posEmbedding;
    @Dropout(p = 0.0) Layer dropout;
    @TransformerLayer(heads = 12, hidden = 3072) @Repeat(12) Layer encoder;
    @LayerNorm Layer ln;
    @SelectToken(index = 0) Layer cls;
    @Linear(out = 1000) Layer head;
}
