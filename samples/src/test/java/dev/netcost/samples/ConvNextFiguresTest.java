package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/**
 * torchvision's {@code convnext_tiny}, against three independent sources: its weights' metadata
 * ({@code num_params} 28,589,128 in torchvision 0.14; {@code _ops} 4.456 GFLOPS, added to that
 * metadata in torchvision 0.15), hand counts written here, and a count with real PyTorch
 * (Debian's torch 1.13 and torchvision 0.14, {@code /usr/bin/python3}):
 *
 * <pre>
 * m = torchvision.models.convnext_tiny().eval()
 * sum(p.numel() for p in m.parameters())                  # 28,589,128
 * # forward hooks, one zero image (1, 3, 224, 224):
 * # Conv2d: out.numel() / N * (in_channels / groups) * prod(kernel_size)   292,965,120
 * # Linear: rows * in_features * out_features, rows = input.numel() / in   4,162,566,144
 * # total 4,455,531,264; output (1, 1000)
 * # parameters named "layer_scale": 6,624; of the LayerNorm and LayerNorm2d modules: 16,320
 * # features[0] (stem) 4,896; features[1][0] (first block) 79,296; features[2] (first downsample)
 * # 74,112; classifier 770,536
 * </pre>
 */
class ConvNextFiguresTest {
    /** A {@code CNBlock} of {@code d} channels, as torchvision builds it. */
    private static long blockParams(long d) {
        long dwconv = d * 49 + d; // 7 x 7 depthwise, with bias
        long norm = 2 * d; // LayerNorm(d) on each position
        long pwconv1 = d * 4 * d + 4 * d;
        long pwconv2 = 4 * d * d + d;
        long layerScale = d; // the (d, 1, 1) parameter
        return dwconv + norm + pwconv1 + pwconv2 + layerScale; // 8 d^2 + 58 d
    }

    /** A {@code CNBlock} of {@code d} channels on an {@code s x s} map: the depthwise conv and the MLP. */
    private static long blockMacs(long d, long s) {
        return s * s * (d * 49 + d * 4 * d + 4 * d * d);
    }

    /** LayerNorm2d(d) and a 2 x 2 convolution of stride 2 from d to 2d channels, with bias. */
    private static long downsampleParams(long d) {
        return 2 * d + 2 * d * d * 4 + 2 * d;
    }

    @Test
    void parameters() {
        assertEquals(28_589_128, ConvNextTinyCost.PARAMS); // torchvision num_params, and torch's count
        long stem = 96 * 3 * 16 + 96 + 2 * 96; // 4 x 4 conv with bias, LayerNorm2d(96)
        long classifier = 2 * 768 + 768 * 1000 + 1000; // LayerNorm2d(768), Linear(768, 1000)
        assertEquals(4_896, stem); // torch: features[0]
        assertEquals(79_296, blockParams(96)); // torch: features[1][0]
        assertEquals(74_112, downsampleParams(96)); // torch: features[2]
        assertEquals(770_536, classifier); // torch: classifier
        long total = stem + 3 * blockParams(96) + downsampleParams(96) + 3 * blockParams(192)
                + downsampleParams(192) + 9 * blockParams(384) + downsampleParams(384) + 3 * blockParams(768)
                + classifier;
        assertEquals(total, ConvNextTinyCost.PARAMS);
        assertEquals(stem, ConvNextTinyCost.STEM_PARAMS + ConvNextTinyCost.STEM_NORM_PARAMS);
        assertEquals(blockParams(96), ConvNextTinyCost.STAGE1_0_PARAMS);
        assertEquals(9 * blockParams(384), ConvNextTinyCost.STAGE3_PARAMS);
        assertEquals(0, ConvNextTinyCost.BUFFERS); // layer norms keep no running statistics
    }

    @Test
    void macs() {
        assertEquals(4_455_531_264L, ConvNextTinyCost.MACS); // torch's hooks
        assertEquals("4.456", String.format("%.3f", ConvNextTinyCost.MACS / 1e9)); // torchvision _ops 4.456
        long stem = 96L * 56 * 56 * 3 * 16;
        // Each downsample's 2 x 2 conv gives (2d, s/2, s/2) from d channels: 2d * (s/2)^2 * 4d = 2 d^2 s^2.
        long downsamples = 3 * (2L * 96 * 96 * 56 * 56);
        long blocks = 3 * blockMacs(96, 56) + 3 * blockMacs(192, 28) + 9 * blockMacs(384, 14)
                + 3 * blockMacs(768, 7);
        assertEquals(stem + downsamples + blocks + 768 * 1000, ConvNextTinyCost.MACS);
        assertEquals(blockMacs(96, 56), ConvNextTinyCost.STAGE1_0_MACS);
    }

    @Test
    void aBlocksFlops() {
        // The first block, d = 96 on 56 x 56 (n = 96 x 3,136 = 301,056 elements): depthwise conv
        // 98 n (49 multiplies, 48 adds and the bias); layer norm 5 n; pwconv1 s^2 x 4d x 2d; GELU 4 x 4n;
        // pwconv2 s^2 x d x 8d; layer scale n; the residual add n; the permutes and stochastic depth
        // nothing. s^2 (16 d^2 + 121 d) = 3,136 x 159,072 = 498,849,792.
        long n = 96L * 56 * 56;
        long flops = 98 * n + 5 * n + 8L * 96 * 96 * 3136 + 16 * n + 8L * 96 * 96 * 3136 + n + n;
        assertEquals(498_849_792L, flops);
        assertEquals(flops, ConvNextTinyCost.STAGE1_0_FLOPS);
    }

    @Test
    void shapes() {
        assertEquals(Shape.of(96, 56, 56), ConvNextTinyCost.STAGE1_OUTPUT_SHAPE);
        assertEquals(Shape.of(768, 7, 7), ConvNextTinyCost.STAGE4_OUTPUT_SHAPE);
        assertEquals(Shape.of(768, 1, 1), ConvNextTinyCost.CLASSIFIER_NORM_OUTPUT_SHAPE);
        assertEquals(Shape.of(1000), ConvNextTinyCost.OUTPUT_SHAPE); // torch: (1, 1000)
    }
}
