package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Layer;
import org.junit.jupiter.api.Test;

/**
 * {@link MobileNetV3LargeSeOp}: MobileNetV3-Large with its squeeze-and-excitation an op a user
 * declared ({@code samples.ops.SqueezeExcitation}), held to figures that did not come from netcost.
 */
class UserOpSampleTest {
    /**
     * torch 1.13 and torchvision 0.14: {@code sum(p.numel())} of {@code mobilenet_v3_large()} is
     * 5,483,032; forward hooks on every module, adding {@code out.numel() * in_channels / groups *
     * kh * kw} for each {@code Conv2d} and {@code in_features * out_features} for each
     * {@code Linear}, on one 3 x 224 x 224 image, count 216,589,760 MACs.
     */
    @Test
    void itHasTorchvisionsParametersAndMacs() {
        assertEquals(5_483_032, MobileNetV3LargeSeOpCost.PARAMS);
        assertEquals(216_589_760, MobileNetV3LargeSeOpCost.MACS);
    }

    /** The op states what its six layers count, so the two declarations of one network agree on everything else. */
    @Test
    void itCountsAsTheNetworkDeclaredLayerByLayer() {
        assertEquals(MobileNetV3LargeCost.FLOPS, MobileNetV3LargeSeOpCost.FLOPS);
        assertEquals(MobileNetV3LargeCost.BUFFERS, MobileNetV3LargeSeOpCost.BUFFERS);
        assertEquals(MobileNetV3LargeCost.OUTPUT_SHAPE, MobileNetV3LargeSeOpCost.OUTPUT_SHAPE);
    }

    /**
     * block4's SE runs on (72, 28, 28) with divisible(72 / 4, 8) = 24 channels in the middle.
     * torchvision's {@code SqueezeExcitation(72, 24)} has 72 * 24 + 24 + 24 * 72 + 72 = 3,552
     * parameters (torch counts the same); MACs 2 * 72 * 24 = 3,456; FLOPs 2 * 56,448 (pool and
     * product) + 4 * 72 * 24 (two convolutions with bias) + 24 (ReLU) + 3 * 72 (hard sigmoid) = 120,048.
     */
    @Test
    void oneSqueezeExcitationByHand() {
        Layer se = MobileNetV3LargeSeOpCost.LAYERS.stream().filter(l -> l.name().equals("block4.se")).findFirst()
                .orElseThrow();
        assertEquals("SqueezeExcitation", se.op());
        assertEquals(3_552, se.params());
        assertEquals(3_456, se.macs());
        assertEquals(120_048, se.flops());
    }
}
