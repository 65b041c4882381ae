package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Layer;
import dev.netcost.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torchvision's classification zoo, declared with blocks. PARAMS against torchvision's
 * {@code num_params}; MACS against the {@code _ops} (GFLOPS) of torchvision's weight metadata,
 * within 0.5 %; BUFFERS against Keras's non-trainable count where Keras has the network, else a
 * hand count of the batch-norm channels (two buffers each).
 */
class ZooFiguresTest {
    /** {@code macs} is within {@code tolerance} (a fraction) of {@code gflops} * 10^9. */
    private static void assertMacsNear(double gflops, long macs, double tolerance) {
        double relative = Math.abs(macs / 1e9 - gflops) / gflops;
        assertTrue(relative <= tolerance, macs + " MACs are " + relative * 100 + " % from " + gflops + " G");
    }

    @Test
    void resNet18() {
        assertEquals(11_689_512, ResNet18Cost.PARAMS);
        assertMacsNear(1.814, ResNet18Cost.MACS, 0.005);
        // Batch-norm channels: stem 64; two per block of 2 x (64 + 128 + 256 + 512); the
        // projections of stages 2-4, 128 + 256 + 512: 64 + 3,840 + 896 = 4,800.
        assertEquals(2 * 4_800, ResNet18Cost.BUFFERS);
    }

    @Test
    void resNet50() {
        assertEquals(25_557_032, ResNet50Cost.PARAMS);
        assertMacsNear(4.089, ResNet50Cost.MACS, 0.005);
        assertEquals(53_120, ResNet50Cost.BUFFERS); // Keras ResNet50: 53,120 non-trainable
    }

    @Test
    void resNet152() {
        assertEquals(60_192_808, ResNet152Cost.PARAMS);
        assertMacsNear(11.514, ResNet152Cost.MACS, 0.005);
        assertEquals(151_424, ResNet152Cost.BUFFERS); // Keras ResNet152: 151,424 non-trainable
    }

    /**
     * ResNeXt and Wide ResNet share their batch norms' channels: stem 64; per bottleneck
     * width, width and out, 3 x (128+128+256) + 4 x (256+256+512) + 6 x (512+512+1024)
     * + 3 x (1024+1024+2048) = 30,208; projections 256 + 512 + 1024 + 2048 = 3,840.
     */
    private static final long RESNEXT_BN_CHANNELS = 64 + 30_208 + 3_840;

    @Test
    void resNeXt50() {
        assertEquals(25_028_904, ResNeXt50Cost.PARAMS);
        assertMacsNear(4.23, ResNeXt50Cost.MACS, 0.005);
        assertEquals(2 * RESNEXT_BN_CHANNELS, ResNeXt50Cost.BUFFERS);
    }

    @Test
    void wideResNet50() {
        assertEquals(68_883_240, WideResNet50Cost.PARAMS);
        assertMacsNear(11.398, WideResNet50Cost.MACS, 0.005);
        assertEquals(2 * RESNEXT_BN_CHANNELS, WideResNet50Cost.BUFFERS);
    }

    @Test
    void mobileNetV2() {
        assertEquals(3_504_872, MobileNetV2Cost.PARAMS);
        assertMacsNear(0.301, MobileNetV2Cost.MACS, 0.005);
        assertEquals(34_112, MobileNetV2Cost.BUFFERS); // Keras MobileNetV2: 34,112 non-trainable
    }

    @Test
    void googLeNet() {
        assertEquals(6_624_904, GoogLeNetCost.PARAMS);
        assertMacsNear(1.498, GoogLeNetCost.MACS, 0.005);
        // Each BasicConv2d's output channels: stem 64 + 64 + 192; each Inception the sum of its six
        // widths: 368, 640, 624, 648, 664, 704, 1,024, 1,024, 1,264.
        long channels = 64 + 64 + 192 + 368 + 640 + 624 + 648 + 664 + 704 + 1_024 + 1_024 + 1_264;
        assertEquals(2 * channels, GoogLeNetCost.BUFFERS);
    }

    /** Three more of the zoo, declared with what exists. */
    @Test
    void denseNet121() {
        assertEquals(7_978_856, DenseNet121Cost.PARAMS);
        assertMacsNear(2.834, DenseNet121Cost.MACS, 0.005);
        assertEquals(83_648, DenseNet121Cost.BUFFERS); // Keras DenseNet121: 83,648 non-trainable
    }

    @Test
    void shuffleNetV2() {
        assertEquals(2_278_604, ShuffleNetV2Cost.PARAMS);
        // torchvision publishes 0.14, rounded to two decimals: the true figure is within 0.005 G.
        assertMacsNear(0.14, ShuffleNetV2Cost.MACS, 0.005 / 0.14);
        // The paper (Table 5) gives 146 M for the 1.0x network.
        assertMacsNear(0.146, ShuffleNetV2Cost.MACS, 0.01);
    }

    @Test
    void mobileNetV3Large() {
        assertEquals(5_483_032, MobileNetV3LargeCost.PARAMS);
        assertMacsNear(0.217, MobileNetV3LargeCost.MACS, 0.005);
    }

    /**
     * Per block instance, by hand. layer1[0] (64 in, width 64, out 256): conv1 64*64 = 4,096;
     * conv2 64*64*9 = 36,864; conv3 64*256 = 16,384; projection 64*256 = 16,384; batch norms
     * 2 * (64 + 64 + 256 + 256) = 1,280: 75,008. layer1[1] (256 in, no projection): 16,384 + 36,864
     * + 16,384 + 2 * (64 + 64 + 256) = 70,400. layer1: 75,008 + 2 * 70,400 = 215,808.
     */
    @Test
    void figuresPerBlockInstance() {
        assertEquals(75_008, ResNet50Cost.LAYER1_0_PARAMS);
        assertEquals(70_400, ResNet50Cost.LAYER1_1_PARAMS);
        assertEquals(215_808, ResNet50Cost.LAYER1_PARAMS);
        assertEquals(Shape.of(1024, 14, 14), ResNet50Cost.LAYER3_0_OUTPUT_SHAPE);
        // conv2 of layer3[0]: 256 x 256 x 3 x 3 at 14 x 14 outputs.
        Layer conv2 = layer(ResNet50Cost.LAYERS, "layer3[0].conv2");
        assertEquals(Shape.of(256, 28, 28), conv2.input());
        assertEquals(Shape.of(256, 14, 14), conv2.output());
        assertEquals(256L * 256 * 9 * 14 * 14, conv2.macs());
        // Only the first block of a stage has the projection.
        assertTrue(ResNet50Cost.LAYERS.stream().anyMatch(l -> l.name().equals("layer3[0].downsample")));
        assertFalse(ResNet50Cost.LAYERS.stream().anyMatch(l -> l.name().equals("layer3[1].downsample")));
    }

    @Test
    void blockListsAddUp() {
        long sum = ResNet50Cost.BLOCKS.stream().filter(b -> b.name().matches("layer\\d")).mapToLong(Layer::params)
                .sum();
        assertEquals(ResNet50Cost.LAYER1_PARAMS + ResNet50Cost.LAYER2_PARAMS + ResNet50Cost.LAYER3_PARAMS
                + ResNet50Cost.LAYER4_PARAMS, sum);
        assertEquals(ResNet50Cost.PARAMS, ResNet50Cost.LAYERS.stream().mapToLong(Layer::params).sum());
        assertEquals(sum + ResNet50Cost.CONV1_PARAMS + ResNet50Cost.BN1_PARAMS + ResNet50Cost.FC_PARAMS,
                ResNet50Cost.PARAMS);
    }

    @Test
    void summaryCollapsesBlocksToADepth() {
        String one = ResNet50Cost.summary(1);
        assertTrue(one.matches("(?s).*\\nlayer3 +Bottleneck x 6 +\\(1024, 14, 14\\) .*"), one);
        assertFalse(one.contains("layer3[0]"), one);
        String two = ResNet50Cost.summary(2);
        assertTrue(two.contains("layer3[0]"), two);
        assertFalse(two.contains("layer3[0].conv2"), two);
        assertTrue(ResNet50Cost.summary().contains("layer3[0].conv2"));
        assertTrue(one.contains("25,557,032") && two.contains("25,557,032"));
    }

    /** The limit: ResNet-50, with its bottleneck block, in at most 60 lines of code. */
    @Test
    void resNet50IsShort() throws IOException {
        Path sources = Path.of("src/main/java/dev/netcost/samples");
        long lines = codeLines(sources.resolve("ResNet50.java")) + codeLines(sources.resolve("blocks/Bottleneck.java"));
        assertTrue(lines <= 60, lines + " lines");
    }

    /** Lines that are neither blank, nor package or import lines, nor comments. */
    private static long codeLines(Path file) throws IOException {
        boolean inComment = false;
        long count = 0;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (inComment) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            count++;
        }
        return count;
    }

    private static Layer layer(List<Layer> layers, String path) {
        return layers.stream().filter(l -> l.name().equals(path)).findFirst().orElseThrow();
    }
}
