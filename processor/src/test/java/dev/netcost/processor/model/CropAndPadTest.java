package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @CenterCrop} and {@code @ZeroPad}: their shapes as PyTorch gives them (checked with
 * PyTorch 1.13: {@code F.pad(torch.zeros(1, 3, 10, 10), (1, 2, 3, 4)).shape} is
 * {@code (1, 3, 17, 13)}, {@code F.pad(torch.zeros(1, 4, 10), (2, 2))} {@code (1, 4, 14)},
 * {@code F.pad(torch.zeros(1, 2, 4, 5, 6), (1, 1, 2, 2, 3, 3))} {@code (1, 2, 10, 9, 8)},
 * {@code nn.ZeroPad2d(2)} on {@code (1, 3, 10, 10)} {@code (1, 3, 14, 14)}), and no figure but zero.
 */
class CropAndPadTest {
    private static Shape padded(List<Integer> padding, Shape in) {
        ZeroPad pad = new ZeroPad(padding);
        assertEquals(List.of(), pad.validate());
        Shape out = assertInstanceOf(ShapeResult.Ok.class, pad.outputShape(in)).shape();
        assertEquals(Cost.ZERO, pad.cost(in, out));
        return out;
    }

    @Test
    void zeroPadTakesPyTorchsOrderLastDimensionFirst() {
        assertEquals(Shape.of(3, 17, 13), padded(List.of(1, 2, 3, 4), Shape.of(3, 10, 10)));
        assertEquals(Shape.of(4, 14), padded(List.of(2, 2), Shape.of(4, 10)));
        assertEquals(Shape.of(2, 10, 9, 8), padded(List.of(1, 1, 2, 2, 3, 3), Shape.of(2, 4, 5, 6)));
        assertEquals(Shape.of(3, 14, 14), padded(List.of(2), Shape.of(3, 10, 10)));
        assertEquals("ZeroPad2d", new ZeroPad(List.of(1)).displayName(Shape.of(3, 10, 10)));
    }

    @Test
    void zeroPadWantsOneValueOrTwoPerDimension() {
        ShapeResult three = new ZeroPad(List.of(1, 1, 1)).outputShape(Shape.of(3, 10, 10));
        Fault fault = assertInstanceOf(ShapeResult.Failed.class, three).faults().get(0);
        assertEquals(ProblemKind.VALUE_COUNT, fault.kind());
        assertEquals("padding = {1, 1, 1} has 3 values but the input has 2 spatial dimensions; give one value for"
                + " every side, or 4, two per dimension in PyTorch's order (left, right, top, bottom)", fault.message());
        assertEquals(ProblemKind.OUT_OF_RANGE, new ZeroPad(List.of(1, -1)).validate().get(0).kind());
        assertEquals(EnumSet.of(Layout.FEATURES), new ZeroPad(List.of(1)).accepts());
    }

    /**
     * The U-Net's first skip, unpadded: (64, 568, 568) cropped to the (64, 392, 392) of the
     * up-sampled map: (64, 392, 392), the window from floor((568 - 392) / 2) = 88 in each dimension.
     */
    @Test
    void centerCropTakesTheSpatialSizeOfTheOtherMapAndKeepsTheChannels() {
        CenterCrop crop = new CenterCrop("up1");
        assertEquals(List.of(), crop.validate());
        Shape in = Shape.of(64, 568, 568);
        ShapeResult result = crop.outputShape(in, Layout.FEATURES,
                new SideTensor(Shape.of(64, 392, 392), Layout.FEATURES, "up1"));
        Shape out = assertInstanceOf(ShapeResult.Ok.class, result).shape();
        assertEquals(Shape.of(64, 392, 392), out);
        assertEquals(Cost.ZERO, crop.cost(in, out));
        assertEquals(EnumSet.of(Layout.FEATURES), crop.accepts());
    }

    @Test
    void centerCropCannotGrow() {
        ShapeResult result = new CenterCrop("up").outputShape(Shape.of(8, 20, 30), Layout.FEATURES,
                new SideTensor(Shape.of(4, 16, 32), Layout.FEATURES, "up"));
        Fault fault = assertInstanceOf(ShapeResult.Failed.class, result).faults().get(0);
        assertEquals(ProblemKind.LIKE, fault.kind());
        assertEquals("like names up, which gives (4, 16, 32): its width 32 is larger than the input's 30, and a crop"
                + " cannot grow; crop the larger tensor to the smaller, or pad the smaller with @ZeroPad",
                fault.message());
        assertEquals(ProblemKind.LIKE, new CenterCrop("").validate().get(0).kind());
    }
}
