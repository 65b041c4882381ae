package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Layer;
import dev.netcost.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples against figures that do not come from netcost: seeds, papers, torchvision, Keras. */
class PublishedFiguresTest {
    /** Seed 001's AlexNet: its per-layer parameter counts, as the spec lists them. */
    @Test
    void seedAlexNetParametersPerLayer() {
        assertEquals(34_944, SeedAlexNetCost.CONV1_PARAMS);
        assertEquals(614_656, SeedAlexNetCost.CONV2_PARAMS);
        assertEquals(885_120, SeedAlexNetCost.CONV3_PARAMS);
        assertEquals(1_327_488, SeedAlexNetCost.CONV4_PARAMS);
        assertEquals(884_992, SeedAlexNetCost.CONV5_PARAMS);
        assertEquals(37_752_832, SeedAlexNetCost.FC6_PARAMS);
        assertEquals(16_781_312, SeedAlexNetCost.FC7_PARAMS);
        assertEquals(4_097_000, SeedAlexNetCost.FC8_PARAMS);
        assertEquals(62_378_344, SeedAlexNetCost.PARAMS);
    }

    /**
     * The seed's convolution FLOPs are wrong after conv1 (its code forgets the pooling layers);
     * the spec's corrected 2 x MACs, and the shapes of the seed's paddle.summary() printout.
     */
    @Test
    void seedAlexNetConvolutionsAtTheRightSizes() {
        assertEquals(210_830_400, 2 * SeedAlexNetCost.CONV1_MACS);
        assertEquals(895_795_200, 2 * SeedAlexNetCost.CONV2_MACS);
        assertEquals(299_040_768, 2 * SeedAlexNetCost.CONV3_MACS);
        assertEquals(448_561_152, 2 * SeedAlexNetCost.CONV4_MACS);
        assertEquals(299_040_768, 2 * SeedAlexNetCost.CONV5_MACS);
        assertEquals(Shape.of(96, 55, 55), SeedAlexNetCost.CONV1_OUTPUT_SHAPE);
        assertEquals(Shape.of(96, 27, 27), SeedAlexNetCost.POOL1_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 27, 27), SeedAlexNetCost.CONV2_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 13, 13), SeedAlexNetCost.POOL2_OUTPUT_SHAPE);
        assertEquals(Shape.of(384, 13, 13), SeedAlexNetCost.CONV3_OUTPUT_SHAPE);
        assertEquals(Shape.of(9216), SeedAlexNetCost.FLATTEN_OUTPUT_SHAPE);
    }

    /** The seed's linear FLOPs (2I - 1) * O leave out the bias the layers have: with it, 2 * I * O. */
    @Test
    void seedAlexNetLinearFlops() {
        assertEquals(75_493_376 + 4096, SeedAlexNetCost.FC6_FLOPS);
        assertEquals(33_550_336 + 4096, SeedAlexNetCost.FC7_FLOPS);
        assertEquals(8_191_000 + 1000, SeedAlexNetCost.FC8_FLOPS);
        assertEquals(2L * 9216 * 4096, SeedAlexNetCost.FC6_FLOPS);
    }

    /** The whole network's MACs: half the spec's corrected conv FLOPs, plus I x O per linear layer. */
    @Test
    void seedAlexNetTotalMacs() {
        long convolutions = (210_830_400L + 895_795_200 + 299_040_768 + 448_561_152 + 299_040_768) / 2;
        long linears = 9216L * 4096 + 4096L * 4096 + 4096L * 1000;
        assertEquals(convolutions + linears, SeedAlexNetCost.MACS);
    }

    /** torchvision's alexnet: num_params 61,100,840; GFLOPS 0.71. */
    @Test
    void torchvisionAlexNet() {
        assertEquals(61_100_840, AlexNetCost.PARAMS);
        assertEquals(0.71, AlexNetCost.MACS / 1e9, 0.005);
        assertEquals(Shape.of(256, 6, 6), AlexNetCost.AVGPOOL_OUTPUT_SHAPE);
    }

    /**
     * torchvision's AlexNet MACs exactly, by hand from its layers (Cout * H * W * Cin * K * K):
     * conv1 64 x 55 x 55 x 3 x 11 x 11, conv2 192 x 27 x 27 x 64 x 5 x 5, conv3 384 x 13 x 13 x 192 x 9,
     * conv4 256 x 13 x 13 x 384 x 9, conv5 256 x 13 x 13 x 256 x 9, then 9216 x 4096, 4096 x 4096, 4096 x 1000.
     */
    @Test
    void torchvisionAlexNetMacsByHand() {
        long byHand = 64L * 55 * 55 * 3 * 121 + 192L * 27 * 27 * 64 * 25 + 384L * 13 * 13 * 192 * 9
                + 256L * 13 * 13 * 384 * 9 + 256L * 13 * 13 * 256 * 9
                + 9216L * 4096 + 4096L * 4096 + 4096L * 1000;
        assertEquals(byHand, AlexNetCost.MACS);
    }

    /** torchvision's vgg16: num_params 138,357,544; the MACs 15,470,264,320 (GFLOPS 15.47). */
    @Test
    void vgg16() {
        assertEquals(138_357_544, Vgg16Cost.PARAMS);
        assertEquals(15_470_264_320L, Vgg16Cost.MACS);
        assertEquals(0, Vgg16Cost.BUFFERS);
    }

    /**
     * MobileNetV1 1.0-224: Keras reports 4,253,864 parameters, 21,888 of them non-trainable (the
     * batch-norm running statistics); the paper gives 569 million mult-adds (table 1).
     */
    @Test
    void mobileNetV1() {
        assertEquals(4_231_976, MobileNetV1Cost.PARAMS);
        assertEquals(21_888, MobileNetV1Cost.BUFFERS);
        assertEquals(4_253_864, MobileNetV1Cost.PARAMS + MobileNetV1Cost.BUFFERS);
        assertEquals(568_740_352, MobileNetV1Cost.MACS);
        assertEquals(569, Math.round(MobileNetV1Cost.MACS / 1e6));
    }

    /**
     * LeNet-5, by hand: C1 (5*5*1 + 1) * 6 = 156; C3 (5*5*6 + 1) * 16 = 2,416; C5 (5*5*16 + 1) * 120
     * = 48,120; F6 (120 + 1) * 84 = 10,164; F7 (84 + 1) * 10 = 850. MACs: C1 6*28*28*25 = 117,600;
     * C3 16*10*10*150 = 240,000; C5 120*400 = 48,000; F6 10,080; F7 840.
     */
    @Test
    void leNet5ByHand() {
        assertEquals(156, LeNet5Cost.C1_PARAMS);
        assertEquals(2_416, LeNet5Cost.C3_PARAMS);
        assertEquals(48_120, LeNet5Cost.C5_PARAMS);
        assertEquals(10_164, LeNet5Cost.F6_PARAMS);
        assertEquals(850, LeNet5Cost.F7_PARAMS);
        assertEquals(61_706, LeNet5Cost.PARAMS);
        assertEquals(117_600 + 240_000 + 48_000 + 10_080 + 840, LeNet5Cost.MACS);
        assertEquals(Shape.of(16, 5, 5), LeNet5Cost.S4_OUTPUT_SHAPE);
        assertEquals(Shape.of(10), LeNet5Cost.OUTPUT_SHAPE);
    }

    /**
     * The DCGAN generator, by hand: transposed convolutions Cin x Cout x 16 without bias,
     * 100 x 512, 512 x 256, 256 x 128, 128 x 64, 64 x 3, and batch norm 2C over 512, 256, 128, 64:
     * 3,574,784 + 1,920 = 3,576,704, the count torchsummary prints for the tutorial's generator.
     * Shapes 1 to 4 ((1 - 1) * 1 + 3 + 1), then doubling ((n - 1) * 2 - 2 + 3 + 1 = 2n) to 64.
     */
    @Test
    void dcganGeneratorByHand() {
        long convolutions = 16L * (100 * 512 + 512 * 256 + 256 * 128 + 128 * 64 + 64 * 3);
        long batchNorms = 2L * (512 + 256 + 128 + 64);
        assertEquals(convolutions + batchNorms, DcganGeneratorCost.PARAMS);
        assertEquals(3_576_704, DcganGeneratorCost.PARAMS);
        assertEquals(batchNorms, DcganGeneratorCost.BUFFERS);
        assertEquals(Shape.of(512, 4, 4), DcganGeneratorCost.UP1_OUTPUT_SHAPE);
        assertEquals(Shape.of(3, 64, 64), DcganGeneratorCost.OUTPUT_SHAPE);
        // Each input element scatters through 16 taps to every output channel: Cin x Hin x Win x Cout x 16.
        long macs = 16L * (100 * 1 * 512 + 512 * 16 * 256 + 256 * 64 * 128 + 128 * 256 * 64 + 64 * 1024 * 3);
        assertEquals(macs, DcganGeneratorCost.MACS);
    }

    /**
     * M5 on one second of 8 kHz audio: torchaudio's tutorial prints 26,915 parameters. By hand:
     * conv 1 x 32 x 80 + 32, 32 x 32 x 3 + 32, 32 x 64 x 3 + 64, 64 x 64 x 3 + 64; batch norm 2C over
     * 32, 32, 64, 64; linear 64 x 35 + 35. Lengths: (8000 - 80) / 16 + 1 = 496, pooled to 124;
     * 122 to 30; 28 to 7; 5 to 1.
     */
    @Test
    void m5ByHand() {
        long convolutions = (32 * 80 + 32) + (32 * 32 * 3 + 32) + (32 * 64 * 3 + 64) + (64 * 64 * 3 + 64);
        long batchNorms = 2 * (32 + 32 + 64 + 64);
        long linear = 64 * 35 + 35;
        assertEquals(convolutions + batchNorms + linear, M5Cost.PARAMS);
        assertEquals(26_915, M5Cost.PARAMS);
        assertEquals(Shape.of(32, 496), M5Cost.CONV1_OUTPUT_SHAPE);
        assertEquals(Shape.of(32, 124), M5Cost.POOL1_OUTPUT_SHAPE);
        assertEquals(Shape.of(64, 1), M5Cost.POOL4_OUTPUT_SHAPE);
        assertEquals("Conv1d", M5Cost.LAYERS.get(0).op());
        assertEquals(Shape.of(35), M5Cost.OUTPUT_SHAPE);
        // Cout x L x Cin x K per convolution, then 64 x 35.
        long macs = 32L * 496 * 80 + 32L * 122 * 32 * 3 + 64L * 28 * 32 * 3 + 64L * 5 * 64 * 3 + 64L * 35;
        assertEquals(macs, M5Cost.MACS);
    }

    /** The layer list agrees with the constants and cannot be changed. */
    @Test
    void layerListMatchesTheConstants() {
        List<Layer> layers = SeedAlexNetCost.LAYERS;
        assertEquals(20, layers.size());
        Layer conv1 = layers.get(0);
        assertEquals("conv1", conv1.name());
        assertEquals("Conv2d", conv1.op());
        assertEquals(Shape.of(3, 227, 227), conv1.input());
        assertEquals(34_944, conv1.params());
        assertEquals(SeedAlexNetCost.PARAMS, layers.stream().mapToLong(Layer::params).sum());
        assertEquals(SeedAlexNetCost.MACS, layers.stream().mapToLong(Layer::macs).sum());
        assertThrows(UnsupportedOperationException.class, () -> layers.remove(0));
    }

    @Test
    void summaryShowsEveryLayerAndTheTotals() {
        String summary = MobileNetV1Cost.summary();
        assertTrue(summary.startsWith("MobileNetV1: input (3, 224, 224), batch 1, float32\n"), summary);
        assertTrue(summary.contains("Params:       4,231,976\n"), summary);
        assertTrue(summary.contains("Buffers:      21,888\n"), summary);
        assertTrue(summary.contains("MACs:         568,740,352 (568.74 M)\n"), summary);
        // (4,231,976 + 21,888) * 4 bytes = 17,015,456: Keras's 4,253,864 parameters in float32.
        assertEquals(17_015_456, MobileNetV1Cost.PARAM_BYTES);
        assertTrue(summary.contains("Param memory: 17.02 MB\n"), summary);
        assertEquals(MobileNetV1Cost.LAYERS.size() + 13, summary.lines().count());
    }
}
