package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netcost.Layer;
import dev.netcost.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torchvision's segmentation networks, on one 3 x 520 x 520 image (the size their weights'
 * transforms resize to), against figures that do not come from netcost.
 *
 * <p>Where the figures come from. PARAMS: torchvision's weight metadata, {@code num_params}.
 * MACS: a count made with real PyTorch (torch 1.13, torchvision 0.14.1, Debian's packages), a
 * forward hook on every {@code Conv2d} and {@code Linear} of the model in eval mode adding
 * {@code out.numel() * in_channels / groups * prod(kernel_size)} ({@code in_features} for a
 * {@code Linear}); BUFFERS: {@code sum(b.numel())} over the named buffers, less the batch norms'
 * {@code num_batches_tracked} counters (netcost counts running means and variances):
 *
 * <pre>{@code
 * model = deeplabv3_resnet50(weights=None, weights_backbone=None, num_classes=21, aux_loss=True).eval()
 * # or lraspp_mobilenet_v3_large(weights=None, weights_backbone=None, num_classes=21)
 * macs = {}
 * for name, m in model.named_modules():
 *     if isinstance(m, (nn.Conv2d, nn.Linear)):
 *         m.register_forward_hook(lambda m, i, o, name=name: macs.__setitem__(name, o.numel() * (
 *             m.in_channels // m.groups * prod(m.kernel_size) if isinstance(m, nn.Conv2d) else m.in_features)))
 * model(torch.zeros(1, 3, 520, 520))
 * sum(p.numel() for p in model.parameters()), sum(macs.values())
 * }</pre>
 *
 * <p>torchvision's GFLOPS ({@code _ops} in the metadata from torchvision 0.15 on, which netcost calls
 * MACs) are checked as what they are, the hook count rounded to three decimals; the exact figure
 * held is the hook count. Interpolation adds no MACs in netcost's convention, nor in torchvision's
 * figures (see each test).
 */
class SegmentationZooTest {
    /** {@code macs} in G, rounded to three decimals as torchvision's {@code _ops} are. */
    private static double gigaRounded(long macs) {
        return Math.round(macs / 1e6) / 1e3;
    }

    private static Layer layer(List<Layer> layers, String path) {
        return layers.stream().filter(l -> l.name().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer " + path));
    }

    /**
     * {@code deeplabv3_resnet50}: torchvision's {@code num_params} 42,004,074; GFLOPS 178.722.
     * The hook count is 178,721,945,088 MACs: per part, conv1 635,980,800, layer1 3,599,564,800,
     * layer2 5,537,792,000, layer3 29,904,076,800, layer4 63,130,828,800, the DeepLabV3 head
     * 65,922,962,688 (of which ASPP 63,408,242,688, its image-pooling branch 524,288), the auxiliary
     * FCNHead 9,990,739,200.
     *
     * <p>What the published 178.722 counts: the convolutions of the auxiliary head too (without
     * them, 168,731,205,888, 168.731 G), and the ASPP pooling branch's 1 x 1 convolution on its
     * one cell (2,048 x 256 = 524,288; without it the figure would round to 178.721). Its three
     * bilinear resizes (256 x 65 x 65 in the pooling branch, 21 x 520 x 520 for {@code out} and
     * for {@code aux}: 12,438,400 output elements, counted by wrapping {@code F.interpolate}) add
     * nothing to it: at even one multiply-add per output element it would be 178.734 G; at the four
     * taps a bilinear sample weighs (fvcore's count for {@code upsample_bilinear2d}), 49,753,600
     * more, 178.772 G. So the claim that 178.722 includes the pooling branch's up-sampling
     * holds for its convolution, not for its interpolation: torchvision's counter counts no
     * interpolation, as netcost counts none.
     */
    @Test
    void deepLabV3ResNet50() {
        assertEquals(42_004_074, DeepLabV3ResNet50Cost.PARAMS);
        assertEquals(178_721_945_088L, DeepLabV3ResNet50Cost.MACS);
        assertEquals(178.722, gigaRounded(DeepLabV3ResNet50Cost.MACS));
        // ResNet-50's 53,120 (Keras's non-trainable count) and two per channel of the heads' batch
        // norms: ASPP 5 x 256, its projection 256, the head's 3 x 3 256, FCNHead's 1,024 / 4 = 256.
        assertEquals(53_120 + 2 * (5 * 256 + 256 + 256 + 256), DeepLabV3ResNet50Cost.BUFFERS);
        assertEquals(57_216, DeepLabV3ResNet50Cost.BUFFERS); // the torch count
        assertEquals(Shape.of(21, 520, 520), DeepLabV3ResNet50Cost.OUT_OUTPUT_SHAPE);
        assertEquals(Shape.of(21, 520, 520), DeepLabV3ResNet50Cost.AUX_OUTPUT_SHAPE);
        // The two named outputs, and what only each needs. torch 1.13 / torchvision 0.14:
        // m = deeplabv3_resnet50(weights=None, weights_backbone=None, num_classes=21, aux_loss=True);
        // sum of parameters: aux_classifier 2,365,205, classifier 16,130,837, backbone.layer4 14,964,736.
        // aux reads layer3, so layer4 too is needed by out alone.
        assertEquals(2_365_205, DeepLabV3ResNet50Cost.AUX_ONLY_PARAMS); // 1024*256*9 + 2*256 + 256*21 + 21
        assertEquals(16_130_837 + 14_964_736, DeepLabV3ResNet50Cost.OUT_ONLY_PARAMS);
        // FCNHead on layer3's 65 x 65: a 3 x 3 conv 1024 -> 256 and a 1 x 1 conv 256 -> 21; the resize has no MACs.
        assertEquals(65L * 65 * (256 * 1024 * 9 + 21 * 256), DeepLabV3ResNet50Cost.AUX_ONLY_MACS); // 9,990,739,200
    }

    /** The parts, against the hook count per torchvision module, and by hand where short. */
    @Test
    void deepLabV3ResNet50Parts() {
        assertEquals(64L * 260 * 260 * 3 * 7 * 7, DeepLabV3ResNet50Cost.CONV1_MACS); // 635,980,800
        assertEquals(3_599_564_800L, DeepLabV3ResNet50Cost.LAYER1_MACS);
        assertEquals(5_537_792_000L, DeepLabV3ResNet50Cost.LAYER2_MACS);
        assertEquals(29_904_076_800L, DeepLabV3ResNet50Cost.LAYER3_MACS);
        assertEquals(63_130_828_800L, DeepLabV3ResNet50Cost.LAYER4_MACS);
        assertEquals(65_922_962_688L, DeepLabV3ResNet50Cost.CLASSIFIER_MACS);
        assertEquals(63_408_242_688L, DeepLabV3ResNet50Cost.CLASSIFIER_ASPP_MACS);
        // The image-level branch: a 1 x 1 convolution 2,048 to 256 on one cell.
        assertEquals(2048L * 256, DeepLabV3ResNet50Cost.CLASSIFIER_ASPP_POOLING_MACS);
        // FCNHead(1024, 21) at 65 x 65: 3 x 3 from 1,024 to 256, then 1 x 1 to 21.
        assertEquals(256L * 65 * 65 * 1024 * 9 + 21L * 65 * 65 * 256, DeepLabV3ResNet50Cost.AUX_CLASSIFIER_MACS);
        // Parameters per part, torch's sum(p.numel()) over each module.
        assertEquals(7_098_368, DeepLabV3ResNet50Cost.LAYER3_PARAMS);
        assertEquals(14_964_736, DeepLabV3ResNet50Cost.LAYER4_PARAMS);
        assertEquals(16_130_837, DeepLabV3ResNet50Cost.CLASSIFIER_PARAMS);
        assertEquals(2_365_205, DeepLabV3ResNet50Cost.AUX_CLASSIFIER_PARAMS);
    }

    /**
     * replace_stride_with_dilation=[False, True, True]: layer3 and layer4 keep 65 x 65 (output
     * stride 8), each 3 x 3 convolution padded by its dilation, so no size is lost; layer3's first
     * block still has its projection (512 to 1,024 channels), now without stride.
     */
    @Test
    void deepLabV3ResNet50Dilated() {
        assertEquals(Shape.of(512, 65, 65), DeepLabV3ResNet50Cost.LAYER2_OUTPUT_SHAPE);
        assertEquals(Shape.of(1024, 65, 65), DeepLabV3ResNet50Cost.LAYER3_OUTPUT_SHAPE);
        assertEquals(Shape.of(2048, 65, 65), DeepLabV3ResNet50Cost.LAYER4_OUTPUT_SHAPE);
        for (String path : List.of("layer3[0].conv2", "layer3[5].conv2", "layer4[0].conv2", "layer4[2].conv2")) {
            Layer conv2 = layer(DeepLabV3ResNet50Cost.LAYERS, path);
            assertEquals(conv2.input(), conv2.output(), path);
        }
        Layer projection = layer(DeepLabV3ResNet50Cost.LAYERS, "layer3[0].downsample");
        assertEquals(Shape.of(1024, 65, 65), projection.output());
        assertEquals(1024L * 65 * 65 * 512, projection.macs());
        // ASPP's five branches of 256 channels, the resized image-level one among them.
        assertEquals(Shape.of(1280, 65, 65), layer(DeepLabV3ResNet50Cost.LAYERS, "classifier.aspp.concat").output());
    }

    /**
     * The auxiliary output is read by no later layer (issue 14 brings several outputs): the walker
     * still counts it, in the layer list and in every total; its resize adds no MAC.
     */
    @Test
    void deepLabV3ResNet50CountsTheUnreadAuxiliaryOutput() {
        List<Layer> layers = DeepLabV3ResNet50Cost.LAYERS;
        assertEquals(DeepLabV3ResNet50Cost.MACS, layers.stream().mapToLong(Layer::macs).sum());
        assertEquals(DeepLabV3ResNet50Cost.PARAMS, layers.stream().mapToLong(Layer::params).sum());
        assertEquals(DeepLabV3ResNet50Cost.FLOPS, layers.stream().mapToLong(Layer::flops).sum());
        Layer aux = layer(layers, "aux");
        assertEquals(Shape.of(21, 65, 65), aux.input());
        assertEquals(0, aux.macs());
        assertEquals(0, DeepLabV3ResNet50Cost.OUT_MACS);
        // The torch count without the auxiliary head: 168,731,205,888.
        assertEquals(168_731_205_888L, DeepLabV3ResNet50Cost.MACS - DeepLabV3ResNet50Cost.AUX_CLASSIFIER_MACS);
    }

    /**
     * {@code lraspp_mobilenet_v3_large}: torchvision's {@code num_params} 3,221,538; GFLOPS 2.086
     * (torchvision 0.15's metadata). The hook count is 2,086,219,688 MACs: the backbone's
     * features 1,937,374,688, the LR-ASPP head 148,845,000. Its two bilinear resizes
     * (128 x 65 x 65 and 21 x 520 x 520, 6,219,200 output elements) would make it 2.092 G at one
     * multiply-add each: torchvision's 2.086 counts none, as netcost.
     */
    @Test
    void lrasppMobileNetV3() {
        assertEquals(3_221_538, LrasppMobileNetV3Cost.PARAMS);
        assertEquals(2_086_219_688L, LrasppMobileNetV3Cost.MACS);
        assertEquals(2.086, gigaRounded(LrasppMobileNetV3Cost.MACS));
        // mobilenet_v3_large's buffers (24,400 by torch) and the head's one batch norm over 128
        // channels: 24,656, the torch count.
        assertEquals(24_400 + 2 * 128, LrasppMobileNetV3Cost.BUFFERS);
        assertEquals(Shape.of(21, 520, 520), LrasppMobileNetV3Cost.OUTPUT_SHAPE);
        // mobilenet_v3_large's parameters (5,483,032) less its classifier (960 x 1,280 + 1,280,
        // 1,280 x 1,000 + 1,000) are its features' (2,971,952 by torch, dilated or not); the
        // head's by hand: cbr's 1 x 1 and batch norm, the scale's 1 x 1, the two classifiers.
        long features = 5_483_032 - (960 * 1_280 + 1_280 + 1_280 * 1_000 + 1_000);
        long head = 960 * 128 + 2 * 128 + 960 * 128 + (40 * 21 + 21) + (128 * 21 + 21);
        assertEquals(features + head, LrasppMobileNetV3Cost.PARAMS);
    }

    /**
     * The head reads block4 (C2, output stride 8: 40 x 65 x 65) and the last convolution (C5,
     * output stride 16 with the last stage dilated: 960 x 33 x 33). Its MACs by hand: cbr 1 x 1
     * 960 to 128 at 33 x 33; the scale's 1 x 1 960 to 128 on one cell; the low classifier 40 to 21
     * at 65 x 65; the high one 128 to 21 at 65 x 65, after the resize.
     */
    @Test
    void lrasppMobileNetV3Head() {
        assertEquals(Shape.of(40, 65, 65), LrasppMobileNetV3Cost.BLOCK4_OUTPUT_SHAPE);
        assertEquals(Shape.of(160, 33, 33), LrasppMobileNetV3Cost.BLOCK13_OUTPUT_SHAPE);
        assertEquals(Shape.of(960, 33, 33), LrasppMobileNetV3Cost.LAST_HARDSWISH_OUTPUT_SHAPE);
        assertEquals(128L * 33 * 33 * 960, LrasppMobileNetV3Cost.CBR_MACS); // 133,816,320
        assertEquals(128L * 960, LrasppMobileNetV3Cost.SCALE_CONV_MACS); // 122,880
        assertEquals(21L * 65 * 65 * 40, LrasppMobileNetV3Cost.LOW_CLASSIFIER_MACS); // 3,549,000
        assertEquals(21L * 65 * 65 * 128, LrasppMobileNetV3Cost.HIGH_CLASSIFIER_MACS); // 11,356,800
        assertEquals(Shape.of(128, 65, 65), LrasppMobileNetV3Cost.UPSAMPLED_OUTPUT_SHAPE);
        long head = LrasppMobileNetV3Cost.CBR_MACS + LrasppMobileNetV3Cost.SCALE_CONV_MACS
                + LrasppMobileNetV3Cost.LOW_CLASSIFIER_MACS + LrasppMobileNetV3Cost.HIGH_CLASSIFIER_MACS;
        assertEquals(148_845_000, head); // the torch count for torchvision's classifier module
        assertEquals(1_937_374_688L, LrasppMobileNetV3Cost.MACS - head); // and for its backbone
        assertEquals(0, LrasppMobileNetV3Cost.UPSAMPLED_MACS + LrasppMobileNetV3Cost.OUT_MACS);
    }
}
