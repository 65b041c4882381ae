package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Shape;
import org.junit.jupiter.api.Test;

/**
 * A detector with three outputs ({@link Yolov5s}) and a two-tower model with two inputs
 * ({@link ClipVitB32}), against published counts and hand counts written out here.
 *
 * <p>YOLOv5s: ultralytics/yolov5 at 5081342f ({@code models/yolov5s.yaml}, {@code common.py},
 * {@code yolo.py}); its {@code tutorial.ipynb} prints the per-layer table and "Model summary: 214
 * layers, 7235389 parameters, 7235389 gradients, 16.6 GFLOPs", and after {@code fuse()} "213
 * layers, 7225885 parameters". Checked with PyTorch 1.13 by {@code yolov5s.py} (yolov5's
 * {@code Conv}, {@code Bottleneck}, {@code C3}, {@code SPPF}, {@code Concat}, {@code Detect} and
 * {@code parse_model} copied in substance; {@code sum(p.numel() for p in model.parameters())}; a
 * forward hook on every {@code nn.Conv2d} adding {@code out.numel() * in_channels / groups * kh * kw}
 * at 1 x 3 x 640 x 640) and {@code yolov5s_by_hand.py} (this declaration field by field, asserted
 * equal to the hooks per layer and per {@code Conv2d}), kept with the research notes.
 *
 * <p>CLIP ViT-B/32: openai/CLIP at d05afc43 ({@code clip/model.py}); its
 * {@code notebooks/Interacting_with_CLIP.ipynb} prints "Model parameters: 151,277,313" after
 * {@code clip.load("ViT-B/32")}. Checked with PyTorch 1.13 by {@code clip_vitb32.py} (the model
 * rebuilt from {@code model.py}'s classes with the checkpoint's shapes; its MACs by hand, by hooks
 * and by a {@code TorchDispatchMode} adding up every aten {@code convolution}, {@code mm},
 * {@code addmm}, {@code bmm} and {@code baddbmm} that {@code CLIP.forward(image, text)} runs) and
 * {@code clip_by_hand.py} (this declaration field by field).
 */
class DetectionAndClipFiguresTest {
    // ------------------------------------------------------------------------------------------
    // YOLOv5s

    /** yolov5's {@code Conv}, {@code c1} to {@code c2}, k x k: a conv without bias and a batch norm. */
    private static long convParams(long c1, long c2, long k) {
        return c2 * c1 * k * k + 2 * c2;
    }

    /** Its MACs at an output of side x side. */
    private static long convMacs(long c1, long c2, long k, long side) {
        return c2 * side * side * c1 * k * k;
    }

    /**
     * {@code C3(c1, c2, n)}: with {@code c_ = c2 / 2}, cv1 and cv2 {@code Conv(c1, c_, 1)}, n
     * bottlenecks of a 1 x 1 and a 3 x 3 {@code Conv(c_, c_)}, cv3 {@code Conv(2c_, c2, 1)}.
     */
    private static long c3Params(long c1, long c2, long n) {
        long c = c2 / 2;
        return 2 * convParams(c1, c, 1) + n * (convParams(c, c, 1) + convParams(c, c, 3)) + convParams(2 * c, c2, 1);
    }

    /** Its MACs at side x side (a C3 keeps the size): {@code side^2 (2 c1 c_ + 10 n c_^2 + 2 c_ c2)}. */
    private static long c3Macs(long c1, long c2, long n, long side) {
        long c = c2 / 2;
        return 2 * convMacs(c1, c, 1, side) + n * (convMacs(c, c, 1, side) + convMacs(c, c, 3, side))
                + convMacs(2 * c, c2, 1, side);
    }

    /** The batch-norm channels of a C3: cv1 and cv2 {@code c_} each, each bottleneck 2 {@code c_}, cv3 {@code c2}. */
    private static long c3Channels(long c2, long n) {
        long c = c2 / 2;
        return 2 * c + n * 2 * c + c2;
    }

    /** {@code SPPF(c1, c2)}: cv1 {@code Conv(c1, c1/2, 1)}, three max pools (no weights), cv2 {@code Conv(2 c1, c2, 1)}. */
    private static long sppfParams(long c1, long c2) {
        return convParams(c1, c1 / 2, 1) + convParams(2 * c1, c2, 1);
    }

    /** Detect's 1 x 1 convolutions with bias, to 3 anchors x (4 box + 1 objectness + 80 classes). */
    private static final long NO = 3 * (4 + 1 + 80);

    /** Each yolov5 layer's parameters by the formulas above, 0 to 23, then Detect (24). */
    private static final long[] LAYER_PARAMS = {
        convParams(3, 32, 6), convParams(32, 64, 3), c3Params(64, 64, 1), convParams(64, 128, 3),
        c3Params(128, 128, 2), convParams(128, 256, 3), c3Params(256, 256, 3), convParams(256, 512, 3),
        c3Params(512, 512, 1), sppfParams(512, 512), convParams(512, 256, 1), 0, 0,
        c3Params(512, 256, 1), convParams(256, 128, 1), 0, 0, c3Params(256, 128, 1),
        convParams(128, 128, 3), 0, c3Params(256, 256, 1), convParams(256, 256, 3), 0, c3Params(512, 512, 1),
        (128 * NO + NO) + (256 * NO + NO) + (512 * NO + NO),
    };

    /** The same, as yolov5 prints its table while it parses yolov5s.yaml (tutorial.ipynb). */
    private static final long[] PRINTED = {
        3_520, 18_560, 18_816, 73_984, 115_712, 295_424, 625_152, 1_180_672, 1_182_720, 656_896, 131_584, 0, 0,
        361_984, 33_024, 0, 0, 90_880, 147_712, 0, 296_448, 590_336, 0, 1_182_720, 229_245,
    };

    @Test
    void yolov5sParametersAreTheTableYolov5Prints() {
        assertArrayEquals(PRINTED, LAYER_PARAMS);
        long[] companion = {
            Yolov5sCost.CONV0_PARAMS, Yolov5sCost.CONV1_PARAMS, Yolov5sCost.C3_2_PARAMS, Yolov5sCost.CONV3_PARAMS,
            Yolov5sCost.C3_4_PARAMS, Yolov5sCost.CONV5_PARAMS, Yolov5sCost.C3_6_PARAMS, Yolov5sCost.CONV7_PARAMS,
            Yolov5sCost.C3_8_PARAMS, Yolov5sCost.SPPF9_PARAMS, Yolov5sCost.CONV10_PARAMS, Yolov5sCost.UP11_PARAMS,
            Yolov5sCost.CAT12_PARAMS, Yolov5sCost.C3_13_PARAMS, Yolov5sCost.CONV14_PARAMS, Yolov5sCost.UP15_PARAMS,
            Yolov5sCost.CAT16_PARAMS, Yolov5sCost.C3_17_PARAMS, Yolov5sCost.CONV18_PARAMS, Yolov5sCost.CAT19_PARAMS,
            Yolov5sCost.C3_20_PARAMS, Yolov5sCost.CONV21_PARAMS, Yolov5sCost.CAT22_PARAMS, Yolov5sCost.C3_23_PARAMS,
            Yolov5sCost.M0_PARAMS + Yolov5sCost.M1_PARAMS + Yolov5sCost.M2_PARAMS,
        };
        assertArrayEquals(PRINTED, companion);
        long total = 0;
        for (long layer : PRINTED) {
            total += layer;
        }
        assertEquals(7_235_389, total); // "Model summary: 214 layers, 7235389 parameters"
        assertEquals(total, Yolov5sCost.PARAMS);
        // Detect.m.0, m.1, m.2: 128, 256, 512 channels in, 255 out, with bias
        assertEquals(32_895, Yolov5sCost.M0_PARAMS);
        assertEquals(65_535, Yolov5sCost.M1_PARAMS);
        assertEquals(130_815, Yolov5sCost.M2_PARAMS);
    }

    /**
     * Inside the blocks: C3's bottlenecks {@code m0..m2} (a 1 x 1 and a 3 x 3 Conv of c_), its
     * 1 x 1s, and SPPF's two.
     */
    @Test
    void yolov5sBlockInstances() {
        assertEquals(convParams(32, 32, 1) + convParams(32, 32, 3), Yolov5sCost.C3_2_M0_PARAMS); // 10,368
        assertEquals(41_216, Yolov5sCost.C3_4_M1_PARAMS);
        assertEquals(convParams(128, 128, 1) + convParams(128, 128, 3), Yolov5sCost.C3_6_M2_PARAMS);
        assertEquals(164_352, Yolov5sCost.C3_6_M2_PARAMS);
        assertEquals(convParams(512, 256, 1), Yolov5sCost.C3_8_CV1_PARAMS); // 131,584
        assertEquals(convParams(512, 512, 1), Yolov5sCost.C3_8_CV3_PARAMS); // 263,168
        // the bottleneck: 256 x 256 at 20 x 20, once 1 x 1 and once 3 x 3: 400 * 65,536 * 10
        assertEquals(262_144_000, Yolov5sCost.C3_8_M0_MACS);
        assertEquals(convParams(512, 256, 1), Yolov5sCost.SPPF9_CV1_PARAMS);
        assertEquals(convParams(1024, 512, 1), Yolov5sCost.SPPF9_CV2_PARAMS); // 525,312
        assertEquals(convMacs(1024, 512, 1, 20), Yolov5sCost.SPPF9_CV2_MACS); // 209,715,200
    }

    /**
     * The running mean and variance of each batch norm, 2 per channel: 9,504 channels in the 57
     * batch norms, 19,008. PyTorch's {@code buffers()} holds 19,083: also 57
     * {@code num_batches_tracked}, which netcost leaves out, and Detect's anchors (3 x 3 x 2 = 18),
     * which no layer netcost has holds. The published fused count checks the channels:
     * {@code fuse()} folds each batch norm's 2 parameters per channel into 1 bias per channel, so
     * 7,235,389 - 9,504 = 7,225,885, the tutorial's "213 layers, 7225885 parameters".
     */
    @Test
    void yolov5sBuffersAreTheBatchNorms() {
        long channels = 32 + 64 + c3Channels(64, 1) + 128 + c3Channels(128, 2) + 256 + c3Channels(256, 3) + 512
                + c3Channels(512, 1) + (256 + 512) // sppf9
                + 256 + c3Channels(256, 1) + 128 + c3Channels(128, 1) + 128 + c3Channels(256, 1) + 256
                + c3Channels(512, 1);
        assertEquals(9_504, channels);
        assertEquals(7_225_885, Yolov5sCost.PARAMS - channels);
        assertEquals(2 * channels, Yolov5sCost.BUFFERS);
        assertEquals(19_008, Yolov5sCost.BUFFERS);
    }

    /** Every convolution's MACs, per yolov5 layer, each at its output's side. */
    private static final long[] LAYER_MACS = {
        convMacs(3, 32, 6, 320), convMacs(32, 64, 3, 160), c3Macs(64, 64, 1, 160), convMacs(64, 128, 3, 80),
        c3Macs(128, 128, 2, 80), convMacs(128, 256, 3, 40), c3Macs(256, 256, 3, 40), convMacs(256, 512, 3, 20),
        c3Macs(512, 512, 1, 20), convMacs(512, 256, 1, 20) + convMacs(1024, 512, 1, 20), convMacs(512, 256, 1, 20),
        0, 0, c3Macs(512, 256, 1, 40), convMacs(256, 128, 1, 40), 0, 0, c3Macs(256, 128, 1, 80),
        convMacs(128, 128, 3, 40), 0, c3Macs(256, 256, 1, 40), convMacs(256, 256, 3, 20), 0,
        c3Macs(512, 512, 1, 20),
    };

    /**
     * MACs by hand, each layer: {@code yolov5s.py}'s Conv2d hooks give the same per layer and
     * 8,216,780,800 in all. yolov5's "16.6 GFLOPs" is thop's count times 2: thop counts the
     * convolutions without their biases (these MACs) and 4 per batch-norm output element; fused,
     * without batch norms, it prints 16.4.
     */
    @Test
    void yolov5sMacsByHand() {
        long[] companion = {
            Yolov5sCost.CONV0_MACS, Yolov5sCost.CONV1_MACS, Yolov5sCost.C3_2_MACS, Yolov5sCost.CONV3_MACS,
            Yolov5sCost.C3_4_MACS, Yolov5sCost.CONV5_MACS, Yolov5sCost.C3_6_MACS, Yolov5sCost.CONV7_MACS,
            Yolov5sCost.C3_8_MACS, Yolov5sCost.SPPF9_MACS, Yolov5sCost.CONV10_MACS, Yolov5sCost.UP11_MACS,
            Yolov5sCost.CAT12_MACS, Yolov5sCost.C3_13_MACS, Yolov5sCost.CONV14_MACS, Yolov5sCost.UP15_MACS,
            Yolov5sCost.CAT16_MACS, Yolov5sCost.C3_17_MACS, Yolov5sCost.CONV18_MACS, Yolov5sCost.CAT19_MACS,
            Yolov5sCost.C3_20_MACS, Yolov5sCost.CONV21_MACS, Yolov5sCost.CAT22_MACS, Yolov5sCost.C3_23_MACS,
        };
        assertArrayEquals(LAYER_MACS, companion);
        // Detect: 1 x 1 to 255 from 128 channels at 80 x 80, 256 at 40 x 40, 512 at 20 x 20
        long p3 = NO * 80 * 80 * 128;
        long p4 = NO * 40 * 40 * 256;
        long p5 = NO * 20 * 20 * 512;
        assertEquals(208_896_000, p3);
        assertEquals(p3, Yolov5sCost.M0_MACS);
        assertEquals(p4, Yolov5sCost.M1_MACS);
        assertEquals(p5, Yolov5sCost.M2_MACS);

        long macs = p3 + p4 + p5;
        for (long layer : LAYER_MACS) {
            macs += layer;
        }
        assertEquals(8_216_780_800L, macs);
        assertEquals(macs, Yolov5sCost.MACS);

        long bnElements = batchNormElements();
        assertEquals(23_654_400, bnElements);
        assertEquals(16.6, Math.round(2 * (macs + 4 * bnElements) / 1e8) / 10.0); // 16.623 G
        assertEquals(16.4, Math.round(2 * macs / 1e8) / 10.0); // fused: 16.434 G
    }

    /** The batch norms' output elements: each yolov5 Conv's output, layer by layer. */
    private static long batchNormElements() {
        return 32L * 320 * 320 + 64 * 160 * 160 + c3Channels(64, 1) * 160 * 160 + 128 * 80 * 80
                + c3Channels(128, 2) * 80 * 80 + 256 * 40 * 40 + c3Channels(256, 3) * 40 * 40 + 512 * 20 * 20
                + c3Channels(512, 1) * 20 * 20 + (256 + 512) * 20 * 20 + 256 * 20 * 20
                + c3Channels(256, 1) * 40 * 40 + 128 * 40 * 40 + c3Channels(128, 1) * 80 * 80 + 128 * 40 * 40
                + c3Channels(256, 1) * 40 * 40 + 256 * 20 * 20 + c3Channels(512, 1) * 20 * 20;
    }

    /**
     * FLOPs under docs/cost-model.md, which no tool checks: a convolution without bias
     * {@code Cout * O * (2 Cin K - 1)}, batch norm 2 per element, SiLU 4, so each yolov5 Conv is
     * {@code 2 MACs + 5} per output element; Detect's convolutions with bias {@code 2 MACs}; the
     * max pools 24 per output (25 values compared); the backbone's bottleneck adds 1 per element;
     * upsampling and concatenation none.
     */
    @Test
    void yolov5sFlopsByTheCostModel() {
        long pools = 3 * 24 * 256 * 20 * 20;
        // the backbone's shortcuts: c3_2 one bottleneck of 32 at 160, c3_4 two of 64 at 80, c3_6
        // three of 128 at 40, c3_8 one of 256 at 20; the head's C3s have none
        long adds = 32 * 160 * 160 + 2 * 64 * 80 * 80 + 3 * 128 * 40 * 40 + 256 * 20 * 20;
        assertEquals(2_355_200, adds);
        long flops = 2 * Yolov5sCost.MACS + 5 * batchNormElements() + pools + adds;
        assertEquals(16_561_561_600L, flops);
        assertEquals(flops, Yolov5sCost.FLOPS);
        assertEquals(2 * Yolov5sCost.M0_MACS, Yolov5sCost.M0_FLOPS);
        assertEquals(2 * convMacs(512, 256, 1, 20) + 5 * 256 * 20 * 20, Yolov5sCost.CONV10_FLOPS);
    }

    /**
     * The three outputs, Detect's maps as it returns them in training: per cell, 3 anchors x 85
     * (4 box, 1 objectness, 80 classes), on the strides 8, 16 and 32 of a 640 x 640 image.
     */
    @Test
    void yolov5sHasThreeOutputsOfThreeAnchorsPerCell() {
        assertEquals(Shape.of(3, 640, 640), Yolov5sCost.INPUT_SHAPE);
        assertEquals(Shape.of(3 * 85, 640 / 8, 640 / 8), Yolov5sCost.M0_OUTPUT_SHAPE);
        // Detect's x[i].view(bs, 3, 85, ny, nx).permute(0, 1, 3, 4, 2): grids of 3 anchors x 85.
        assertEquals(Shape.of(3, 640 / 8, 640 / 8, 85), Yolov5sCost.P3_OUTPUT_SHAPE);
        assertEquals(Shape.of(3, 640 / 16, 640 / 16, 85), Yolov5sCost.P4_OUTPUT_SHAPE);
        assertEquals(Shape.of(3, 640 / 32, 640 / 32, 85), Yolov5sCost.P5_OUTPUT_SHAPE);
        assertEquals(0, Yolov5sCost.P3_FLOPS + Yolov5sCost.P4_FLOPS + Yolov5sCost.P5_FLOPS); // views and copies
        // what each Detect convolution reads: the head's C3s, 17 (P3/8), 20 (P4/16), 23 (P5/32)
        assertEquals(Shape.of(128, 80, 80), Yolov5sCost.C3_17_OUTPUT_SHAPE);
        assertEquals(Shape.of(256, 40, 40), Yolov5sCost.C3_20_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 20, 20), Yolov5sCost.C3_23_OUTPUT_SHAPE);
        assertEquals(Shape.of(512, 40, 40), Yolov5sCost.CAT12_OUTPUT_SHAPE);
    }

    /**
     * What only each output needs. p3 reads c3_17 and p4 reads c3_20, which conv18 and conv21
     * read too on the way down to P5: only the 1 x 1 convolution is p3's, and p4's. c3_23 is read
     * by p5 alone, and so are conv21 and the concatenation that feed it (yolov5 layers 21 to 23):
     * p5's share. Layers 0 to 20 serve all three.
     */
    @Test
    void yolov5sWhatOnlyEachOutputNeeds() {
        assertEquals(128 * NO + NO, Yolov5sCost.P3_ONLY_PARAMS); // 32,895
        assertEquals(NO * 80 * 80 * 128, Yolov5sCost.P3_ONLY_MACS);
        assertEquals(2 * NO * 80 * 80 * 128, Yolov5sCost.P3_ONLY_FLOPS); // a bias: 2 per MAC
        assertEquals(256 * NO + NO, Yolov5sCost.P4_ONLY_PARAMS); // 65,535
        assertEquals(NO * 40 * 40 * 256, Yolov5sCost.P4_ONLY_MACS);
        assertEquals(2 * NO * 40 * 40 * 256, Yolov5sCost.P4_ONLY_FLOPS);

        long p5Params = convParams(256, 256, 3) + c3Params(512, 512, 1) + (512 * NO + NO);
        long p5Macs = convMacs(256, 256, 3, 20) + c3Macs(512, 512, 1, 20) + NO * 20 * 20 * 512;
        // each yolov5 Conv 2 MACs + 5 per output element (see the FLOPs test); the head's C3 adds nothing
        long p5Flops = 2 * p5Macs + 5 * (256 + c3Channels(512, 1)) * 20 * 20;
        assertEquals(1_903_871, p5Params);
        assertEquals(760_012_800, p5Macs);
        assertEquals(1_523_609_600, p5Flops);
        assertEquals(p5Params, Yolov5sCost.P5_ONLY_PARAMS);
        assertEquals(p5Macs, Yolov5sCost.P5_ONLY_MACS);
        assertEquals(p5Flops, Yolov5sCost.P5_ONLY_FLOPS);

        long shared = 0;
        for (int layer = 0; layer <= 20; layer++) {
            shared += PRINTED[layer];
        }
        assertEquals(5_233_088, shared);
        assertEquals(Yolov5sCost.PARAMS,
                shared + Yolov5sCost.P3_ONLY_PARAMS + Yolov5sCost.P4_ONLY_PARAMS + Yolov5sCost.P5_ONLY_PARAMS);
    }

    // ------------------------------------------------------------------------------------------
    // CLIP ViT-B/32

    /**
     * CLIP's {@code ResidualAttentionBlock} of width E: two layer norms (2E each),
     * {@code nn.MultiheadAttention(E, heads)} ({@code in_proj} 3E x E + 3E, {@code out_proj}
     * E x E + E), the MLP's {@code c_fc} (E to 4E, with bias) and {@code c_proj} (4E to E):
     * {@code 12 E^2 + 13 E}.
     */
    private static long blockParams(long e) {
        return 2 * e + (4 * e * e + 4 * e) + 2 * e + (4 * e * e + 4 * e) + (4 * e * e + e);
    }

    /**
     * Its MACs on T tokens: q, k, v and out projections {@code 4 T E^2}, the scores and the
     * weighted sum {@code 2 T^2 E} (the causal mask is added to full scores: PyTorch runs every
     * product), the MLP {@code 8 T E^2}.
     */
    private static long blockMacs(long t, long e) {
        return 4 * t * e * e + 2 * t * t * e + 8 * t * e * e;
    }

    private static final long IMAGE_TOWER_PARAMS = 768L * 3 * 32 * 32 // conv1, no bias
            + 768 // class_embedding
            + 50 * 768 // positional_embedding, 7 x 7 patches + the class token
            + 2 * 768 // ln_pre
            + 12 * blockParams(768)
            + 2 * 768 // ln_post
            + 768 * 512; // proj

    private static final long TEXT_TOWER_PARAMS = 49_408L * 512 // token_embedding
            + 77 * 512 // positional_embedding
            + 12 * blockParams(512)
            + 2 * 512 // ln_final
            + 512 * 512; // text_projection

    @Test
    void clipParametersAreTheNotebooks() {
        assertEquals(7_087_872, blockParams(768));
        assertEquals(3_152_384, blockParams(512));
        assertEquals(87_849_216, IMAGE_TOWER_PARAMS);
        assertEquals(63_428_096, TEXT_TOWER_PARAMS);
        // + logit_scale, one learned number: "Model parameters: 151,277,313"
        assertEquals(151_277_313, IMAGE_TOWER_PARAMS + TEXT_TOWER_PARAMS + 1);
        assertEquals(IMAGE_TOWER_PARAMS + TEXT_TOWER_PARAMS + 1, ClipVitB32Cost.PARAMS);
        assertEquals(0, ClipVitB32Cost.BUFFERS); // the causal mask is a plain attribute, no buffer

        assertEquals(IMAGE_TOWER_PARAMS, ClipVitB32Cost.CONV1_PARAMS + ClipVitB32Cost.CLASS_EMBEDDING_PARAMS
                + ClipVitB32Cost.VISUAL_POSITIONAL_EMBEDDING_PARAMS + ClipVitB32Cost.LN_PRE_PARAMS
                + ClipVitB32Cost.VISUAL_TRANSFORMER_PARAMS + ClipVitB32Cost.LN_POST_PARAMS
                + ClipVitB32Cost.IMAGE_FEATURES_PARAMS);
        assertEquals(TEXT_TOWER_PARAMS, ClipVitB32Cost.TOKEN_EMBEDDING_PARAMS
                + ClipVitB32Cost.POSITIONAL_EMBEDDING_PARAMS + ClipVitB32Cost.TRANSFORMER_PARAMS
                + ClipVitB32Cost.LN_FINAL_PARAMS + ClipVitB32Cost.TEXT_FEATURES_PARAMS);
        assertEquals(blockParams(768), ClipVitB32Cost.VISUAL_TRANSFORMER_0_PARAMS);
        assertEquals(blockParams(512), ClipVitB32Cost.TRANSFORMER_0_PARAMS);
        assertEquals(1, ClipVitB32Cost.LOGITS_PARAMS);
    }

    /**
     * The image tower on 50 tokens of 768 (49 patches and the class token), the text tower on 77
     * of 512; {@code clip_vitb32.py}'s aten count gives the same per tower (image: convolution
     * 115,605,504, addmm 4,246,732,800, bmm 46,080,000, mm 393,216; text: addmm 2,906,652,672,
     * baddbmm and bmm 36,427,776 each, mm 262,144) and 512 for the logit, the (1, 512) by (512, 1)
     * {@code mm}: 7,388,582,400. docs/cost-model.md counts a cosine similarity as 3E MACs, the dot
     * product and the two squared norms ({@code x.norm()} is no matrix product in aten), so
     * netcost's total is 2 x 512 above it.
     */
    @Test
    void clipMacsByHand() {
        long image = 768L * 49 * 3 * 32 * 32 + 12 * blockMacs(50, 768) + 768 * 512;
        long text = 12 * blockMacs(77, 512) + 512 * 512;
        assertEquals(357_734_400, blockMacs(50, 768));
        assertEquals(248_292_352, blockMacs(77, 512));
        assertEquals(4_408_811_520L, image);
        assertEquals(2_979_770_368L, text);
        long aten = image + text + 512;
        assertEquals(7_388_582_400L, aten);

        long logit = 3 * 512;
        assertEquals(logit, ClipVitB32Cost.LOGITS_MACS);
        assertEquals(aten + 2 * 512, ClipVitB32Cost.MACS);
        assertEquals(blockMacs(50, 768), ClipVitB32Cost.VISUAL_TRANSFORMER_0_MACS);
        assertEquals(blockMacs(77, 512), ClipVitB32Cost.TRANSFORMER_0_MACS);
        assertEquals(image, ClipVitB32Cost.CONV1_MACS + ClipVitB32Cost.VISUAL_TRANSFORMER_MACS
                + ClipVitB32Cost.IMAGE_FEATURES_MACS);
        assertEquals(text, ClipVitB32Cost.TRANSFORMER_MACS + ClipVitB32Cost.TEXT_FEATURES_MACS);
        // the logit's FLOPs, the cost model's 8E + 4: the products 2 x 3E, each vector divided by
        // its norm 2E, two square roots, exp(logit_scale) and its product with the cosine
        assertEquals(8 * 512 + 4, ClipVitB32Cost.LOGITS_FLOPS);
    }

    /**
     * The two inputs, the image's patches and tokens, the text's tokens, and the three outputs.
     * The logit needs both towers, so nothing is needed by a tower's features alone: their
     * {@code _ONLY_} figures are 0, and the logit's are the similarity's own.
     */
    @Test
    void clipInputsAndOutputs() {
        assertEquals(Shape.of(3, 224, 224), ClipVitB32Cost.INPUT_SHAPE);
        assertEquals(Shape.of(77), ClipVitB32Cost.TEXT_INPUT_SHAPE);
        assertEquals(Shape.of(768, 224 / 32, 224 / 32), ClipVitB32Cost.CONV1_OUTPUT_SHAPE);
        assertEquals(Shape.of(49, 768), ClipVitB32Cost.PATCHES_OUTPUT_SHAPE);
        assertEquals(Shape.of(50, 768), ClipVitB32Cost.CLASS_EMBEDDING_OUTPUT_SHAPE);
        assertEquals(Shape.of(768), ClipVitB32Cost.CLS_OUTPUT_SHAPE);
        assertEquals(Shape.of(77, 512), ClipVitB32Cost.TOKEN_EMBEDDING_OUTPUT_SHAPE);
        assertEquals(Shape.of(77, 512), ClipVitB32Cost.LN_FINAL_OUTPUT_SHAPE);
        assertEquals(Shape.of(512), ClipVitB32Cost.IMAGE_FEATURES_OUTPUT_SHAPE);
        assertEquals(Shape.of(512), ClipVitB32Cost.TEXT_FEATURES_OUTPUT_SHAPE);
        assertEquals(Shape.of(1), ClipVitB32Cost.LOGITS_OUTPUT_SHAPE);

        assertEquals(0, ClipVitB32Cost.IMAGE_FEATURES_ONLY_PARAMS);
        assertEquals(0, ClipVitB32Cost.IMAGE_FEATURES_ONLY_MACS);
        assertEquals(0, ClipVitB32Cost.IMAGE_FEATURES_ONLY_FLOPS);
        assertEquals(0, ClipVitB32Cost.TEXT_FEATURES_ONLY_PARAMS);
        assertEquals(0, ClipVitB32Cost.TEXT_FEATURES_ONLY_MACS);
        assertEquals(0, ClipVitB32Cost.TEXT_FEATURES_ONLY_FLOPS);
        assertEquals(1, ClipVitB32Cost.LOGITS_ONLY_PARAMS); // logit_scale
        assertEquals(3 * 512, ClipVitB32Cost.LOGITS_ONLY_MACS);
        assertEquals(8 * 512 + 4, ClipVitB32Cost.LOGITS_ONLY_FLOPS);
    }
}
