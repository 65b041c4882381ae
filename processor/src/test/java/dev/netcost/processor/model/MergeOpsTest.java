package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merges and channel ops the graphs brought, against the cost model's rows by hand. */
class MergeOpsTest {
    private static Shape ok(ShapeResult result) {
        return assertInstanceOf(ShapeResult.Ok.class, result).shape();
    }

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void addCostsOneFlopPerElementPerExtraInput() {
        Shape s = Shape.of(256, 56, 56);
        assertEquals(s, ok(new Add().outputShape(List.of(s, s), NAMES)));
        assertEquals(Cost.flopsOnly(256L * 56 * 56), new Add().cost(List.of(s, s), s));
        assertEquals(Cost.flopsOnly(2L * 256 * 56 * 56), new Add().cost(List.of(s, s, s), s));
    }

    /** Squeeze-and-excitation: (C, 1, 1) times (C, H, W) broadcasts to (C, H, W); one multiply per output. */
    @Test
    void mulBroadcastsTheGate() {
        Shape gate = Shape.of(72, 1, 1);
        Shape map = Shape.of(72, 28, 28);
        assertEquals(map, ok(new Mul().outputShape(List.of(gate, map), NAMES)));
        assertEquals(map, ok(new Mul().outputShape(List.of(map, gate), NAMES)));
        // (4, 1, 5) times (3, 1) is (N, 4, 1, 5) times (N, 3, 1) in PyTorch: N would meet the 4. Once
        // broadcast to (4, 3, 5) from the last dimension; now refused: one rank only.
        assertInstanceOf(ShapeResult.Failed.class,
                new Mul().outputShape(List.of(Shape.of(4, 1, 5), Shape.of(3, 1)), NAMES));
        assertEquals(Cost.flopsOnly(72L * 28 * 28), new Mul().cost(List.of(gate, map), map));
        assertInstanceOf(ShapeResult.Failed.class,
                new Mul().outputShape(List.of(Shape.of(16, 1, 1), Shape.of(72, 28, 28)), NAMES));
    }

    @Test
    void concatAddsChannelsAndIsFree() {
        List<Shape> branches = List.of(Shape.of(64, 28, 28), Shape.of(128, 28, 28), Shape.of(32, 28, 28));
        assertEquals(Shape.of(224, 28, 28), ok(new Concat().outputShape(branches, NAMES)));
        assertEquals(Cost.ZERO, new Concat().cost(branches, Shape.of(224, 28, 28)));
        assertInstanceOf(ShapeResult.Failed.class,
                new Concat().outputShape(List.of(Shape.of(64, 28, 28), Shape.of(64, 14, 14)), NAMES));
        assertInstanceOf(ShapeResult.Failed.class,
                new Concat().outputShape(List.of(Shape.of(64, 28, 28), Shape.of(64)), NAMES));
    }

    @Test
    void channelSplitAndShuffle() {
        Shape in = Shape.of(116, 28, 28);
        assertEquals(Shape.of(58, 28, 28), ok(new ChannelSplit(2, 1).outputShape(in)));
        assertInstanceOf(ShapeResult.Failed.class, new ChannelSplit(3, 0).outputShape(in));
        assertEquals(1, new ChannelSplit(2, 2).validate().size());
        assertEquals(in, ok(new ChannelShuffle(2).outputShape(in)));
        assertInstanceOf(ShapeResult.Failed.class, new ChannelShuffle(3).outputShape(in));
        assertEquals(Cost.ZERO, new ChannelShuffle(2).cost(in, in));
    }

    /** Hard sigmoid: add 3, clamp (counted once, as ReLU6), divide by 6; hard swish adds the multiply. */
    @Test
    void hardActivations() {
        Shape s = Shape.of(16, 112, 112);
        assertEquals(Cost.flopsOnly(3L * 16 * 112 * 112), new Activation(Activation.Kind.HARDSIGMOID).cost(s, s));
        assertEquals(Cost.flopsOnly(4L * 16 * 112 * 112), new Activation(Activation.Kind.HARDSWISH).cost(s, s));
    }
}
