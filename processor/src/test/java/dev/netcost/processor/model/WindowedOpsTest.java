package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Swin's windowed attention and patch merging against hand calculations written out here, each
 * checked too with PyTorch 1.13 and torchvision 0.14 ({@code /usr/bin/python3}): a
 * {@code ShiftedWindowAttention(C, window, shift, heads)} run on {@code torch.randn(1, H, W, C)},
 * parameters {@code sum(p.numel() for p in m.parameters())}, buffers likewise over
 * {@code m.buffers()}, MACs by wrapping {@code F.linear} (output elements times the weight's
 * input width) and {@code Tensor.matmul} (output elements times the shared axis); and against a
 * brute-force count that loops over the windows of the padded map.
 */
class WindowedOpsTest {
    private static WindowAttention attention(int heads, List<Integer> window, List<Integer> shift) {
        return new WindowAttention(heads, window, shift, true);
    }

    private static Cost cost(Op op, Shape in) {
        Shape out = assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, Layout.CHANNELS_LAST)).shape();
        return op.cost(in, out);
    }

    /**
     * Every multiply-accumulate of torchvision's {@code shifted_window_attention}, one loop per
     * index: the map padded at the bottom and right to whole windows, the projections on every
     * padded position, scores and weighted sum within each window and head.
     */
    private static long bruteForceMacs(int h, int w, int c, int heads, int mh, int mw) {
        int hp = h;
        while (hp % mh != 0) {
            hp++;
        }
        int wp = w;
        while (wp % mw != 0) {
            wp++;
        }
        int d = c / heads;
        long macs = 0;
        for (int y = 0; y < hp; y++) {
            for (int x = 0; x < wp; x++) {
                macs += 3L * c * c; // qkv
                macs += (long) c * c; // proj
            }
        }
        for (int wy = 0; wy < hp / mh; wy++) {
            for (int wx = 0; wx < wp / mw; wx++) {
                for (int head = 0; head < heads; head++) {
                    for (int i = 0; i < mh * mw; i++) {
                        for (int j = 0; j < mh * mw; j++) {
                            macs += d; // score (i, j) over d
                            macs += d; // a_ij * v_j for each of d outputs of i
                        }
                    }
                }
            }
        }
        return macs;
    }

    @Test
    void aWholeMapOfFourWindowsByHand() {
        // (8, 8, 16), window 4, 2 heads of 8: no padding, nW = (8/4) x (8/4) = 4 windows of N = 16.
        WindowAttention op = attention(2, List.of(4), List.of(0));
        Cost c = cost(op, Shape.of(8, 8, 16));
        // qkv 16 x 48 + 48 = 816; proj 16 x 16 + 16 = 272; table (2*4 - 1)^2 x 2 heads = 98. Sum 1,186
        // (torch: 1186).
        assertEquals(816 + 272 + 98, c.params());
        // The relative position index, N^2 = 256 (torch: 256).
        assertEquals(256, c.buffers());
        // Projections: 64 positions x 4 x 16^2 = 65,536; scores and weighted sum: 2 x 4 windows
        // x 16^2 x 16 channels = 32,768. Sum 98,304 (torch: F.linear 65,536, matmul 32,768).
        assertEquals(65_536 + 32_768, c.macs());
        // 2 x MACS = 196,608; softmax 3 and the bias table's add 1 per score, 4 x (2 heads x 4
        // windows x 256) = 8,192; the projections' biases 64 positions x 4 x 16 = 4,096.
        assertEquals(196_608 + 8_192 + 4_096, c.flops());
        assertEquals("ShiftedWindowAttention", op.displayName(Shape.of(8, 8, 16)));
        assertEquals("ShiftedWindowAttention (shifted)", attention(2, List.of(4), List.of(2))
                .displayName(Shape.of(8, 8, 16)));
        // Shifting changes no figure: a roll and a mask.
        assertEquals(c, cost(attention(2, List.of(4), List.of(2)), Shape.of(8, 8, 16)));
    }

    @Test
    void aMapPaddedToWholeWindows() {
        // (6, 5, 16), window 4, shift 2, 4 heads: padded to 8 x 8, 4 windows, as (8, 8, 16) costs.
        Cost c = cost(attention(4, List.of(4), List.of(2)), Shape.of(6, 5, 16));
        // 816 + 272 + 49 x 4 heads = 1,284 (torch: 1284).
        assertEquals(816 + 272 + 196, c.params());
        // torch: 98,304, the same as the unpadded 8 x 8 map's.
        assertEquals(98_304, c.macs());
        // 2 x 98,304 + 4 x (4 heads x 4 windows x 256) + 64 x 4 x 16.
        assertEquals(196_608 + 16_384 + 4_096, c.flops());
    }

    @Test
    void aMapSmallerThanTheWindowIsPaddedUpToIt() {
        // (4, 4, 8) under a 7 x 7 window: one window of 49 positions, 33 of them padding; the
        // window does not shrink, and the shift is dropped as the window covers the padded map.
        WindowAttention op = attention(2, List.of(7), List.of(3));
        Cost c = cost(op, Shape.of(4, 4, 8));
        // 4 x 64 + 4 x 8 + 13 x 13 x 2 = 256 + 32 + 338 = 626 (torch: 626); index 49^2 = 2,401.
        assertEquals(626, c.params());
        assertEquals(2_401, c.buffers());
        // 49 x 4 x 64 = 12,544; 2 x 49^2 x 8 = 38,416 (torch: 12,544 and 38,416).
        assertEquals(12_544 + 38_416, c.macs());
        assertEquals("ShiftedWindowAttention", op.displayName(Shape.of(4, 4, 8)));
    }

    @Test
    void aWindowOfTwoSizes() {
        // (4, 6, 8), window {2, 3}, shift 1, 2 heads: N = 6, 2 x 2 = 4 windows, no padding.
        Cost c = cost(attention(2, List.of(2, 3), List.of(1)), Shape.of(4, 6, 8));
        // 256 + 32 + (3 x 5) x 2 = 318 (torch: 318); index 36 (torch: 36).
        assertEquals(318, c.params());
        assertEquals(36, c.buffers());
        // 24 x 256 = 6,144; 2 x 4 x 36 x 8 = 2,304 (torch: 6,144 and 2,304).
        assertEquals(6_144 + 2_304, c.macs());
    }

    @Test
    void againstBruteForce() {
        for (int[] k : new int[][] {{8, 8, 16, 2, 4, 4}, {6, 5, 16, 4, 4, 4}, {4, 4, 8, 2, 7, 7}, {4, 6, 8, 2, 2, 3},
                {9, 3, 12, 3, 2, 5}, {1, 1, 4, 1, 1, 1}}) {
            WindowAttention op = attention(k[3], List.of(k[4], k[5]), List.of(0));
            assertEquals(bruteForceMacs(k[0], k[1], k[2], k[3], k[4], k[5]),
                    cost(op, Shape.of(k[0], k[1], k[2])).macs(), java.util.Arrays.toString(k));
        }
    }

    @Test
    void withoutBiases() {
        // (8, 8, 16), window 4, 2 heads, no biases: 4 x 256 + 98 parameters; no bias adds.
        Cost c = cost(new WindowAttention(2, List.of(4), List.of(0), false), Shape.of(8, 8, 16));
        assertEquals(1_024 + 98, c.params());
        assertEquals(196_608 + 8_192, c.flops());
    }

    @Test
    void onlyAChannelsLastMap() {
        WindowAttention op = attention(2, List.of(4), List.of(0));
        assertEquals(Set.of(Layout.CHANNELS_LAST), op.accepts());
        assertEquals(Set.of(Layout.CHANNELS_LAST), new PatchMerging().accepts());
        for (var input : List.of(new Object[] {Shape.of(16, 8, 8), Layout.FEATURES},
                new Object[] {Shape.of(64, 16), Layout.TOKENS}, new Object[] {Shape.of(4, 8, 8, 16), Layout.CHANNELS_LAST},
                new Object[] {Shape.of(16), Layout.FEATURES})) {
            Shape shape = (Shape) input[0];
            Layout layout = (Layout) input[1];
            // A layout the op does not take is refused by the walker before any shape; a channels-last
            // map of three spatial axes by the op's own shape rule.
            if (layout == Layout.CHANNELS_LAST) {
                ShapeResult.Failed failed = assertInstanceOf(ShapeResult.Failed.class, op.outputShape(shape, layout));
                assertEquals(ProblemKind.INPUT_SHAPE, failed.faults().get(0).kind());
                assertInstanceOf(ShapeResult.Failed.class, new PatchMerging().outputShape(shape, layout));
            } else {
                assertEquals(ProblemKind.INPUT_SHAPE, op.refuse(shape, layout).kind());
                assertEquals(ProblemKind.INPUT_SHAPE, new PatchMerging().refuse(shape, layout).kind());
            }
        }
    }

    @Test
    void outOfRangeAttributes() {
        assertEquals(List.of(), attention(2, List.of(7, 7), List.of(3, 3)).validate());
        assertEquals(ProblemKind.OUT_OF_RANGE, attention(0, List.of(7), List.of(0)).validate().get(0).kind());
        assertEquals(ProblemKind.OUT_OF_RANGE, attention(2, List.of(0), List.of(0)).validate().get(0).kind());
        assertEquals(ProblemKind.OUT_OF_RANGE, attention(2, List.of(7), List.of(-1)).validate().get(0).kind());
        assertEquals(ProblemKind.OUT_OF_RANGE, attention(2, List.of(7, 4), List.of(3, 4)).validate().get(0).kind());
        assertEquals(ProblemKind.VALUE_COUNT, attention(2, List.of(7, 7, 7), List.of(0)).validate().get(0).kind());
        assertEquals(ProblemKind.VALUE_COUNT, attention(2, List.of(), List.of(0)).validate().get(0).kind());
    }

    @Test
    void patchMergingJoinsTwoByTwoNeighbours() {
        // (5, 7, 8): odd sizes padded to (6, 8), then 2 x 2 joined: (3, 4, 32) (torch:
        // _patch_merging_pad(torch.zeros(1, 5, 7, 8)).shape is (1, 3, 4, 32)). Free.
        PatchMerging op = new PatchMerging();
        assertEquals(Shape.of(3, 4, 32), assertInstanceOf(ShapeResult.Ok.class,
                op.outputShape(Shape.of(5, 7, 8), Layout.CHANNELS_LAST)).shape());
        assertEquals(Shape.of(1, 1, 4), assertInstanceOf(ShapeResult.Ok.class,
                op.outputShape(Shape.of(1, 1, 1), Layout.CHANNELS_LAST)).shape());
        assertEquals(Cost.ZERO, op.cost(Shape.of(5, 7, 8), Shape.of(3, 4, 32)));
    }
}
