package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Interpolation;
import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Upsample}'s shapes and figures by hand: the output size PyTorch's {@code nn.Upsample}
 * gives, no parameter and no MAC, and the FLOPs per output element of each mode by the cost model
 * (the weighted sum PyTorch's kernels compute, one dimension after the other).
 */
class UpsampleTest {
    private static Upsample byScale(Interpolation mode, Integer... scale) {
        return new Upsample(List.of(scale), List.of(), "", mode, false);
    }

    private static Upsample toSize(Interpolation mode, Integer... size) {
        return new Upsample(List.of(), List.of(size), "", mode, false);
    }

    private static Shape out(Op op, Shape in) {
        assertEquals(List.of(), op.validate());
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in)).shape();
    }

    private static Cost cost(Op op, Shape in) {
        return op.cost(in, out(op, in));
    }

    private static List<Fault> faults(ShapeResult result) {
        return assertInstanceOf(ShapeResult.Failed.class, result).faults();
    }

    @Test
    void nearestByTwoCopies() {
        // nn.Upsample(scale_factor=2) on (1, 64, 28, 28) gives (1, 64, 56, 56): a copy, no FLOP.
        Upsample up = byScale(Interpolation.NEAREST, 2);
        assertEquals(Shape.of(64, 56, 56), out(up, Shape.of(64, 28, 28)));
        assertEquals(Cost.ZERO, cost(up, Shape.of(64, 28, 28)));
    }

    @Test
    void bilinearCountsNineFlopsPerOutputElement() {
        // Two linear steps along the width (2 multiplies and 1 add each) and one along the height:
        // 9 per element of (21, 64, 64), 21 * 4,096 = 86,016 elements, 774,144 FLOPs, no MAC.
        Upsample up = byScale(Interpolation.BILINEAR, 8);
        Shape in = Shape.of(21, 8, 8);
        assertEquals(Shape.of(21, 64, 64), out(up, in));
        assertEquals(new Cost(0, 0, 0, 774_144), cost(up, in));
    }

    @Test
    void eachModeCountsItsSteps() {
        // linear: one step, 3; on (4, 10) by 3: (4, 30), 120 elements, 360 FLOPs.
        assertEquals(360, cost(byScale(Interpolation.LINEAR, 3), Shape.of(4, 10)).flops());
        // trilinear: 4 + 2 + 1 = 7 steps of 3, 21; on (2, 2, 3, 4) by 2: (2, 4, 6, 8), 384 elements, 8,064 FLOPs.
        assertEquals(8_064, cost(byScale(Interpolation.TRILINEAR, 2), Shape.of(2, 2, 3, 4)).flops());
        // bicubic: 4 + 1 cubic steps of 4 multiplies and 3 adds, 35; to (3, 5, 7): 105 elements, 3,675 FLOPs.
        assertEquals(3_675, cost(toSize(Interpolation.BICUBIC, 5, 7), Shape.of(3, 2, 2)).flops());
        // nearest on 1-d and 3-d maps: copies.
        assertEquals(0, cost(byScale(Interpolation.NEAREST, 2), Shape.of(4, 10)).flops());
        assertEquals(0, cost(byScale(Interpolation.NEAREST, 2), Shape.of(2, 2, 3, 4)).flops());
    }

    @Test
    void scaleAndSizePerDimension() {
        // scale_factor=(1, 2): (8, 5, 6) to (8, 5, 12); size=(7, 9): to (8, 7, 9), smaller or larger alike.
        assertEquals(Shape.of(8, 5, 12), out(byScale(Interpolation.NEAREST, 1, 2), Shape.of(8, 5, 6)));
        assertEquals(Shape.of(8, 7, 9), out(toSize(Interpolation.BILINEAR, 7, 9), Shape.of(8, 5, 6)));
        assertEquals(Shape.of(8, 3, 3), out(toSize(Interpolation.NEAREST, 3), Shape.of(8, 5, 6)));
    }

    @Test
    void likeTakesTheSpatialSizeOfAnotherMap() {
        // DeepLab's head: (21, 64, 64) to the input's (3, 512, 512): (21, 512, 512), 9 FLOPs each.
        Upsample up = new Upsample(List.of(), List.of(), "input", Interpolation.BILINEAR, false);
        assertEquals(List.of(), up.validate());
        Shape in = Shape.of(21, 64, 64);
        ShapeResult result = up.outputShape(in, Layout.FEATURES,
                new SideTensor(Shape.of(3, 512, 512), Layout.FEATURES, "input"));
        Shape output = assertInstanceOf(ShapeResult.Ok.class, result).shape();
        assertEquals(Shape.of(21, 512, 512), output);
        assertEquals(9L * 21 * 512 * 512, up.cost(in, output).flops());
    }

    @Test
    void exactlyOneOfScaleSizeAndLike() {
        Upsample none = new Upsample(List.of(), List.of(), "", Interpolation.NEAREST, false);
        assertEquals(ProblemKind.ONE_OF, none.validate().get(0).kind());
        assertEquals(java.util.Optional.empty(), none.validate().get(0).attr());
        Upsample two = new Upsample(List.of(2), List.of(), "input", Interpolation.NEAREST, false);
        assertEquals(java.util.Optional.of(Attr.LIKE), two.validate().get(0).attr());
        assertEquals("@Upsample takes one of scale, size and like, but scale and like are given; keep one",
                two.validate().get(0).message());
    }

    @Test
    void modesFitTheirRankAsPyTorchRequires() {
        // F.interpolate refuses bilinear on a 3-d tensor (N, C, L): "Got 3D input, but bilinear mode needs 4D input".
        List<Fault> bilinearOn1d = faults(byScale(Interpolation.BILINEAR, 2).outputShape(Shape.of(4, 10)));
        assertEquals(Attr.MODE, bilinearOn1d.get(0).attr().orElseThrow());
        assertEquals("mode = BILINEAR interpolates 2 spatial dimensions, as PyTorch's kernels do, but the input has"
                + " 1; use LINEAR or NEAREST", bilinearOn1d.get(0).message());
        assertEquals(ProblemKind.INTERPOLATION,
                faults(byScale(Interpolation.LINEAR, 2).outputShape(Shape.of(4, 10, 10))).get(0).kind());
        assertEquals(ProblemKind.INTERPOLATION,
                faults(byScale(Interpolation.TRILINEAR, 2).outputShape(Shape.of(4, 10, 10))).get(0).kind());
        // align_corners with nearest: "align_corners option can only be set with the interpolating modes".
        Upsample aligned = new Upsample(List.of(2), List.of(), "", Interpolation.NEAREST, true);
        assertEquals(Attr.ALIGN_CORNERS, aligned.validate().get(0).attr().orElseThrow());
        assertEquals(List.of(), new Upsample(List.of(2), List.of(), "", Interpolation.BILINEAR, true).validate());
    }

    @Test
    void acceptsChannelsFirstMapsOnly() {
        assertEquals(EnumSet.of(Layout.FEATURES), byScale(Interpolation.NEAREST, 2).accepts());
        assertEquals(ProblemKind.INPUT_SHAPE, faults(byScale(Interpolation.NEAREST, 2).outputShape(Shape.of(64)))
                .get(0).kind());
    }
}
