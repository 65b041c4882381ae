package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/**
 * Swin-T against torchvision's published figures ({@code Swin_T_Weights}: {@code num_params}
 * 28,288,354, {@code _ops} 4.491 GFLOPS), against counts made with PyTorch 1.13 and torchvision
 * 0.14 ({@code /usr/bin/python3}), and against the architecture's sums written out here by hand;
 * none of these numbers came from netcost.
 *
 * <p>The PyTorch counts, on {@code torchvision.models.swin_t().eval()} and one
 * {@code torch.zeros(1, 3, 224, 224)}:
 * <ul>
 *   <li>{@code sum(p.numel() for p in m.parameters())}: 28,288,354;
 *       {@code sum(b.numel() for b in m.buffers())}: 28,812, the 12 blocks' persistent
 *       {@code relative_position_index} of 2,401 each, which netcost counts as BUFFERS;
 *   <li>MACs with a forward hook on the {@code Conv2d} (output elements x in channels x 16):
 *       14,450,688; {@code F.linear} wrapped (output elements x the weight's input width; the
 *       attention's qkv and proj are {@code F.linear} calls, not modules): 4,335,974,400;
 *       {@code Tensor.matmul} wrapped (output elements x the shared axis: {@code q @ k^T} and
 *       {@code attn @ v}): 140,141,568. In all 4,490,566,656, 4.491 G;
 *   <li>{@code torch.profiler.profile(with_flops=True)} agrees, its FLOPs twice these MACs:
 *       {@code aten::conv2d} 28,901,376, {@code aten::addmm} + {@code aten::mm}
 *       8,671,948,800, {@code aten::bmm} 280,283,136.
 * </ul>
 */
class SwinFiguresTest {
    /** Window 7 x 7: N = 49 positions per window, a (2 x 7 - 1)^2 = 169-row bias table. */
    private static final long N = 49;

    /**
     * Parameters of one Swin block of C channels and h heads: two norms 4C; qkv and proj with
     * biases 4C^2 + 4C; the bias table 169h; the MLP C x 4C + 4C + 4C x C + C.
     */
    private static long blockParams(long c, long heads) {
        return 4 * c + 4 * c * c + 4 * c + 169 * heads + 8 * c * c + 5 * c;
    }

    /**
     * MACs of one Swin block on a map of {@code positions} (a multiple of 49: no padding in
     * Swin-T) of C channels: qkv and proj 4C^2 per position, the MLP 8C^2 per position, and the
     * scores and weighted sum N^2 C each per window.
     */
    private static long blockMacs(long positions, long c) {
        long windows = positions / N;
        return 12 * positions * c * c + 2 * windows * N * N * c;
    }

    /** Patch merging from C channels: LayerNorm(4C) and Linear(4C, 2C, bias=False). */
    private static long mergeParams(long c) {
        return 2 * 4 * c + 4 * c * 2 * c;
    }

    @Test
    void swinTHoldsTorchvisionsFigures() {
        assertEquals(28_288_354, SwinTCost.PARAMS); // torchvision swin_t num_params
        assertEquals("4.491", String.format("%.3f", SwinTCost.MACS / 1e9)); // torchvision _ops 4.491
        assertEquals(4_490_566_656L, SwinTCost.MACS); // PyTorch: 14,450,688 + 4,335,974,400 + 140,141,568
        assertEquals(12 * N * N, SwinTCost.BUFFERS); // PyTorch: 28,812
        assertEquals(Shape.of(1000), SwinTCost.OUTPUT_SHAPE);
    }

    @Test
    void swinTByHand() {
        long stem = 96 * 3 * 16 + 96 + 2 * 96; // the patch convolution and its norm
        long blocks = 2 * blockParams(96, 3) + 2 * blockParams(192, 6) + 6 * blockParams(384, 12)
                + 2 * blockParams(768, 24);
        long merges = mergeParams(96) + mergeParams(192) + mergeParams(384);
        long head = 2 * 768 + 768 * 1000 + 1000; // the last norm and the classifier
        assertEquals(stem + blocks + merges + head, SwinTCost.PARAMS);

        long patchConv = 96L * 56 * 56 * 3 * 4 * 4; // 14,450,688
        long blockMacs = 2 * blockMacs(56 * 56, 96) + 2 * blockMacs(28 * 28, 192) + 6 * blockMacs(14 * 14, 384)
                + 2 * blockMacs(7 * 7, 768);
        // Each merging: Linear(4C, 2C) on every position of the halved map.
        long mergeMacs = 28 * 28 * 384 * 192 + 14 * 14 * 768 * 384 + 7 * 7 * 1536 * 768;
        assertEquals(patchConv + blockMacs + mergeMacs + 768 * 1000, SwinTCost.MACS);
        // The attention products alone, what PyTorch counted in its matmuls: 140,141,568.
        long products = 2 * N * N * (2 * 64 * 96 + 2 * 16 * 192 + 6 * 4 * 384 + 2 * 768);
        assertEquals(140_141_568, products);
    }

    @Test
    void swinTStagesByHand() {
        // Stage 1, 56 x 56 x 96, 64 windows: each block 12 x 3,136 x 96^2 + 2 x 64 x 49^2 x 96.
        assertEquals(2 * (346_816_512L + 29_503_488), SwinTCost.STAGE1_MACS);
        assertEquals(2 * 112_347, SwinTCost.STAGE1_PARAMS); // 12 x 96^2 + 13 x 96 + 169 x 3 each
        assertEquals(Shape.of(28, 28, 192), SwinTCost.MERGE1_OUTPUT_SHAPE);
        assertEquals(Shape.of(7, 7, 768), SwinTCost.STAGE4_OUTPUT_SHAPE);
        // Stage 4's 7 x 7 map is one window: the attention's products are 2 x 49^2 x 768 per block.
        assertEquals(2 * blockMacs(49, 768), SwinTCost.STAGE4_MACS);
    }
}
