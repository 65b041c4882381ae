package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Layer;
import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/**
 * The U-Net, padded ({@link UNet}) and as the paper draws it ({@link UNetValid}), against hand
 * counts written out here and the shapes of the paper's Fig. 1 (Ronneberger, Fischer and Brox,
 * 2015).
 *
 * <p>Both figures were checked with PyTorch 1.13: the network built as {@code nn.Module}s (two
 * {@code Conv2d(a, b, 3, padding=p)} + {@code ReLU} per level, {@code MaxPool2d(2)},
 * {@code ConvTranspose2d(2b, b, 2, stride=2)}, {@code torch.cat([crop(skip, x), x], 1)} with
 * {@code crop} taking {@code skip[..., t:t+h, l:l+w]} from {@code t = (H - h) // 2}, a final
 * {@code Conv2d(64, 2, 1)}); {@code sum(p.numel() for p in m.parameters())} gives 31,030,658 for
 * both; a forward hook adding {@code out.numel() * in_channels * kh * kw} for each {@code Conv2d}
 * and {@code inp.numel() * out_channels * kh * kw} for each {@code ConvTranspose2d} gives
 * 192,384,335,872 MACs at 512 x 512 with padding 1 and 150,428,424,448 at 572 x 572 without, whose
 * output is (1, 2, 388, 388).
 */
class SegmentationFiguresTest {
    /** A 3 x 3 convolution with bias, {@code a} to {@code b} channels: {@code 9ab + b}. */
    private static long conv3(long a, long b) {
        return 9 * a * b + b;
    }

    /** A 2 x 2 transposed convolution with bias, {@code a} to {@code b} channels: {@code 4ab + b}. */
    private static long up2(long a, long b) {
        return 4 * a * b + b;
    }

    /** MACs of a 3 x 3 convolution, {@code a} to {@code b} channels, at an output of {@code n} x {@code n}. */
    private static long conv3Macs(long a, long b, long n) {
        return 9 * a * b * n * n;
    }

    /** MACs of a 2 x 2 transposed convolution, {@code a} to {@code b} channels, from an input of {@code n} x {@code n}. */
    private static long up2Macs(long a, long b, long n) {
        return a * n * n * b * 4;
    }

    /**
     * Per level, the two 3 x 3 convolutions: 1 to 64 and 64 to 64 is 640 + 36,928 = 37,568;
     * 64-128-128 is 73,856 + 147,584 = 221,440; 128-256-256 is 295,168 + 590,080 = 885,248;
     * 256-512-512 is 1,180,160 + 2,359,808 = 3,539,968; the bottom, 512-1024-1024, 4,719,616 +
     * 9,438,208 = 14,157,824. Up: 1024 to 512 is 2,097,152 + 512 = 2,097,664, then 1024-512-512
     * (the skip's 512 channels and the up-sampled 512) 4,719,104 + 2,359,808 = 7,078,912; 512 to 256
     * is 524,544, then 512-256-256 1,179,904 + 590,080 = 1,769,984; 256 to 128 is 131,200, then
     * 256-128-128 295,040 + 147,584 = 442,624; 128 to 64 is 32,832, then 128-64-64 73,792 + 36,928
     * = 110,720; the 1 x 1 head 64 * 2 + 2 = 130. In all 31,030,658; the padding changes none.
     */
    private static final long PARAMS = conv3(1, 64) + conv3(64, 64)
            + conv3(64, 128) + conv3(128, 128)
            + conv3(128, 256) + conv3(256, 256)
            + conv3(256, 512) + conv3(512, 512)
            + conv3(512, 1024) + conv3(1024, 1024)
            + up2(1024, 512) + conv3(1024, 512) + conv3(512, 512)
            + up2(512, 256) + conv3(512, 256) + conv3(256, 256)
            + up2(256, 128) + conv3(256, 128) + conv3(128, 128)
            + up2(128, 64) + conv3(128, 64) + conv3(64, 64)
            + 64 * 2 + 2;

    @Test
    void parametersAreCountedPerStage() {
        assertEquals(31_030_658, PARAMS);
        assertEquals(PARAMS, UNetCost.PARAMS);
        assertEquals(PARAMS, UNetValidCost.PARAMS);
        assertEquals(0, UNetCost.BUFFERS); // no batch norm, as the paper
        assertEquals(37_568, UNetCost.ENC1_PARAMS);
        assertEquals(14_157_824, UNetCost.BOTTLENECK_PARAMS);
        assertEquals(2_097_664, UNetCost.UP4_PARAMS);
        assertEquals(7_078_912, UNetCost.DEC4_PARAMS);
        assertEquals(130, UNetCost.HEAD_PARAMS);
    }

    /**
     * Padded, every level keeps its size: 512, 256, 128, 64 down, 32 at the bottom; each transposed
     * convolution reads the map below (32, 64, 128, 256 a side) and doubles it. Nine of the 3 x 3
     * convolutions are 9,663,676,416 MACs each (64 to 64 at 512, 128 to 128 at 256, and so on: the
     * channels double as the cells quarter), the four that double the channels on the way down
     * 4,831,838,208 each and the four that read a concatenation on the way up 19,327,352,832 each,
     * the first 150,994,944; the four transposed convolutions 2,147,483,648 each and the head
     * 33,554,432: 192,384,335,872 in all.
     */
    @Test
    void uNetMacsAtFiveHundredTwelve() {
        long macs = conv3Macs(1, 64, 512) + conv3Macs(64, 64, 512)
                + conv3Macs(64, 128, 256) + conv3Macs(128, 128, 256)
                + conv3Macs(128, 256, 128) + conv3Macs(256, 256, 128)
                + conv3Macs(256, 512, 64) + conv3Macs(512, 512, 64)
                + conv3Macs(512, 1024, 32) + conv3Macs(1024, 1024, 32)
                + up2Macs(1024, 512, 32) + conv3Macs(1024, 512, 64) + conv3Macs(512, 512, 64)
                + up2Macs(512, 256, 64) + conv3Macs(512, 256, 128) + conv3Macs(256, 256, 128)
                + up2Macs(256, 128, 128) + conv3Macs(256, 128, 256) + conv3Macs(128, 128, 256)
                + up2Macs(128, 64, 256) + conv3Macs(128, 64, 512) + conv3Macs(64, 64, 512)
                + 64L * 2 * 512 * 512;
        assertEquals(192_384_335_872L, macs);
        assertEquals(macs, UNetCost.MACS);
        assertEquals(Shape.of(2, 512, 512), UNetCost.OUTPUT_SHAPE);
        assertEquals(Shape.of(1024, 32, 32), UNetCost.BOTTLENECK_OUTPUT_SHAPE);
        assertEquals(Shape.of(1024, 64, 64), UNetCost.CAT4_OUTPUT_SHAPE);
    }

    /** The shapes of the paper's Fig. 1, level by level. */
    @Test
    void uNetValidHasThePapersShapes() {
        assertEquals(Shape.of(1, 572, 572), UNetValidCost.INPUT_SHAPE);
        assertEquals(Shape.of(64, 568, 568), UNetValidCost.ENC1_OUTPUT_SHAPE);
        assertEquals(Shape.of(64, 284, 284), UNetValidCost.POOL1_OUTPUT_SHAPE);
        assertEquals(Shape.of(128, 280, 280), UNetValidCost.ENC2_OUTPUT_SHAPE);
        assertEquals(Shape.of(128, 140, 140), UNetValidCost.POOL2_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 136, 136), UNetValidCost.ENC3_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 68, 68), UNetValidCost.POOL3_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 64, 64), UNetValidCost.ENC4_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 32, 32), UNetValidCost.POOL4_OUTPUT_SHAPE);
        assertEquals(Shape.of(1024, 28, 28), UNetValidCost.BOTTLENECK_OUTPUT_SHAPE);

        assertEquals(Shape.of(512, 56, 56), UNetValidCost.UP4_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 56, 56), UNetValidCost.CROP4_OUTPUT_SHAPE); // 64 cropped from 4
        assertEquals(Shape.of(1024, 56, 56), UNetValidCost.CAT4_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 52, 52), UNetValidCost.DEC4_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 104, 104), UNetValidCost.UP3_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 104, 104), UNetValidCost.CROP3_OUTPUT_SHAPE); // 136 cropped from 16
        assertEquals(Shape.of(256, 100, 100), UNetValidCost.DEC3_OUTPUT_SHAPE);
        assertEquals(Shape.of(128, 200, 200), UNetValidCost.UP2_OUTPUT_SHAPE);
        assertEquals(Shape.of(128, 200, 200), UNetValidCost.CROP2_OUTPUT_SHAPE); // 280 cropped from 40
        assertEquals(Shape.of(128, 196, 196), UNetValidCost.DEC2_OUTPUT_SHAPE);
        assertEquals(Shape.of(64, 392, 392), UNetValidCost.UP1_OUTPUT_SHAPE);
        assertEquals(Shape.of(64, 392, 392), UNetValidCost.CROP1_OUTPUT_SHAPE); // 568 cropped from 88
        assertEquals(Shape.of(64, 388, 388), UNetValidCost.DEC1_OUTPUT_SHAPE);
        assertEquals(Shape.of(2, 388, 388), UNetValidCost.OUTPUT_SHAPE);
        // Each unpadded 3 x 3 convolution trims two cells: the first of the tile gives 570.
        Layer first = UNetValidCost.LAYERS.get(0);
        assertEquals("enc1.conv1", first.name());
        assertEquals(Shape.of(64, 570, 570), first.output());
    }

    /**
     * Unpadded, each 3 x 3 convolution trims two cells: 570 and 568 at the top, 282 and 280, 138
     * and 136, 66 and 64, 30 and 28 at the bottom; up from 28, 56 to 54 and 52; from 52, 104 to 102
     * and 100; from 100, 200 to 198 and 196; from 196, 392 to 390 and 388. The crops and the
     * concatenations add no MAC.
     */
    @Test
    void uNetValidMacsAtFiveHundredSeventyTwo() {
        long macs = conv3Macs(1, 64, 570) + conv3Macs(64, 64, 568)
                + conv3Macs(64, 128, 282) + conv3Macs(128, 128, 280)
                + conv3Macs(128, 256, 138) + conv3Macs(256, 256, 136)
                + conv3Macs(256, 512, 66) + conv3Macs(512, 512, 64)
                + conv3Macs(512, 1024, 30) + conv3Macs(1024, 1024, 28)
                + up2Macs(1024, 512, 28) + conv3Macs(1024, 512, 54) + conv3Macs(512, 512, 52)
                + up2Macs(512, 256, 52) + conv3Macs(512, 256, 102) + conv3Macs(256, 256, 100)
                + up2Macs(256, 128, 100) + conv3Macs(256, 128, 198) + conv3Macs(128, 128, 196)
                + up2Macs(128, 64, 196) + conv3Macs(128, 64, 390) + conv3Macs(64, 64, 388)
                + 64L * 2 * 388 * 388;
        assertEquals(150_428_424_448L, macs);
        assertEquals(macs, UNetValidCost.MACS);
        assertEquals(0, UNetValidCost.CROP4_MACS + UNetValidCost.CROP4_FLOPS + UNetValidCost.CROP4_PARAMS);
    }

    /**
     * A crop reads its skip's elements and writes its own; the map whose size it takes is read too,
     * for its shape: the report's graph draws both edges.
     */
    @Test
    void aCropReadsItsSkip() throws java.io.IOException {
        Layer crop = UNetValidCost.LAYERS.stream().filter(l -> l.name().equals("crop4")).findFirst().orElseThrow();
        assertEquals("CenterCrop", crop.op());
        assertEquals(Shape.of(512, 64, 64), crop.input());
        // 512 * 64 * 64 = 2,097,152 elements read, 512 * 56 * 56 = 1,605,632 written, 4 bytes each.
        assertEquals((2_097_152L + 1_605_632L) * 4, crop.memoryAccessBytes());
        String graph = java.nio.file.Files.readString(java.nio.file.Path.of("target", "classes", "META-INF",
                "netcost", "dev.netcost.samples.UNetValid.dot"));
        assertTrue(graph.contains("\"enc4.relu2\" -> \"crop4\" [label=\"(512, 64, 64)\"];"), graph);
        assertTrue(graph.contains("\"up4\" -> \"crop4\" [label=\"(512, 56, 56)\"];"), graph);
    }
}
