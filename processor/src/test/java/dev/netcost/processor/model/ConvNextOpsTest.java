package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * ConvNeXt's two ops of its own, {@code @LayerNorm2d} and {@code @LayerScale}, against hand
 * figures: what layouts each takes, on which axis its channels are, and its cost by the cost
 * model's rows.
 */
class ConvNextOpsTest {
    private static Shape out(Op op, Shape in, Layout layout) {
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
    }

    private static Fault refused(Op op, Shape in, Layout layout) {
        ShapeResult.Failed failed = assertInstanceOf(ShapeResult.Failed.class, op.outputShape(in, layout));
        assertEquals(1, failed.faults().size());
        return failed.faults().get(0);
    }

    @Test
    void layerNorm2dOnAMapOfChannelsFirst() {
        // torchvision's LayerNorm2d(96) on (96, 56, 56): weight and bias of 96 each, 192; five FLOPs
        // for each of the 96 x 56 x 56 = 301,056 elements, 1,505,280.
        LayerNorm2d norm = new LayerNorm2d(true);
        Shape in = Shape.of(96, 56, 56);
        assertEquals(in, out(norm, in, Layout.FEATURES));
        assertEquals(new Cost(192, 0, 0, 1_505_280), norm.cost(in, in, Layout.FEATURES));
        assertEquals("LayerNorm2d", norm.displayName(in));
    }

    @Test
    void layerNorm2dWithoutBiasAndOnOtherRanks() {
        // No shift: C = 8 parameters. (8, 2, 5): 80 elements, 400 FLOPs.
        LayerNorm2d norm = new LayerNorm2d(false);
        Shape map = Shape.of(8, 2, 5);
        assertEquals(map, out(norm, map, Layout.FEATURES));
        assertEquals(new Cost(8, 0, 0, 400), norm.cost(map, map));
        // torchvision's LayerNorm2d permutes (N, C, H, W) and runs on nothing else (PyTorch 1.13:
        // "number of dimensions in the tensor input does not match the length of the desired
        // ordering of dimensions" on (1, 8, 10) and (1, 8, 2, 3, 4)).
        assertEquals(Message.LAYER_NORM_2D_NOT_TWO_DIMENSIONAL.onAnnotation(Shape.of(8, 10)),
                refused(norm, Shape.of(8, 10), Layout.FEATURES));
        assertEquals(Message.LAYER_NORM_2D_NOT_TWO_DIMENSIONAL.onAnnotation(Shape.of(8, 2, 3, 4)),
                refused(norm, Shape.of(8, 2, 3, 4), Layout.FEATURES));
        // The classifier's norm in ConvNeXt-Tiny, on the pooled (768, 1, 1): 1,536 parameters.
        assertEquals(1_536, new LayerNorm2d(true).cost(Shape.of(768, 1, 1), Shape.of(768, 1, 1)).params());
    }

    @Test
    void layerNorm2dTakesAChannelsFirstMapOnly() {
        LayerNorm2d norm = new LayerNorm2d(true);
        assertEquals(EnumSet.of(Layout.FEATURES), norm.accepts());
        // Other layouts are refused by the walker before any shape (Computation.refuse).
        assertEquals(Message.LAYER_NORM_2D_ON_TOKENS.onAnnotation(Shape.of(16, 64)),
                norm.refuse(Shape.of(16, 64), Layout.TOKENS));
        assertEquals(Message.LAYER_NORM_2D_ON_CHANNELS_LAST.onAnnotation(Shape.of(4, 4, 8)),
                norm.refuse(Shape.of(4, 4, 8), Layout.CHANNELS_LAST));
        assertEquals(Message.LAYER_NORM_2D_ON_VECTOR.onAnnotation(Shape.of(64)),
                refused(norm, Shape.of(64), Layout.FEATURES));
    }

    @Test
    void layerScaleFindsItsChannelsWhereTheLayoutKeepsThem() {
        LayerScale scale = new LayerScale();
        assertEquals(EnumSet.allOf(Layout.class), scale.accepts());
        // One shape, (4, 6, 8), 192 elements, so one multiply each: 192 FLOPs in every layout.
        // Channels first: C = 4, ConvNeXt's (C, 1, 1) parameter.
        Shape in = Shape.of(4, 6, 8);
        assertEquals(in, out(scale, in, Layout.FEATURES));
        assertEquals(new Cost(4, 0, 0, 192), scale.cost(in, in, Layout.FEATURES));
        // Channels last (H, W, C): C = 8.
        assertEquals(in, out(scale, in, Layout.CHANNELS_LAST));
        assertEquals(new Cost(8, 0, 0, 192), scale.cost(in, in, Layout.CHANNELS_LAST));
        // Tokens (T, E) = (6, 8): E = 8 scales, 48 multiplies.
        Shape tokens = Shape.of(6, 8);
        assertEquals(tokens, out(scale, tokens, Layout.TOKENS));
        assertEquals(new Cost(8, 0, 0, 48), scale.cost(tokens, tokens, Layout.TOKENS));
        // The same (6, 8) as a 1-d map of 6 channels: 6 scales.
        assertEquals(new Cost(6, 0, 0, 48), scale.cost(tokens, tokens, Layout.FEATURES));
        // A vector (F): F scales, F multiplies.
        assertEquals(new Cost(10, 0, 0, 10), scale.cost(Shape.of(10), Shape.of(10), Layout.FEATURES));
        assertEquals("LayerScale", scale.displayName(in));
    }

    @Test
    void layerScaleOfConvNextsBlocks() {
        // ConvNeXt-Tiny's 3, 3, 9 and 3 blocks of 96, 192, 384 and 768 channels: 288 + 576 + 3,456
        // + 2,304 = 6,624 layer-scale parameters, as torch counts the parameters named
        // "layer_scale" in convnext_tiny (6,624).
        LayerScale scale = new LayerScale();
        long total = 3 * scale.cost(Shape.of(96, 56, 56), Shape.of(96, 56, 56), Layout.FEATURES).params()
                + 3 * scale.cost(Shape.of(192, 28, 28), Shape.of(192, 28, 28), Layout.FEATURES).params()
                + 9 * scale.cost(Shape.of(384, 14, 14), Shape.of(384, 14, 14), Layout.FEATURES).params()
                + 3 * scale.cost(Shape.of(768, 7, 7), Shape.of(768, 7, 7), Layout.FEATURES).params();
        assertEquals(6_624, total);
    }
}
