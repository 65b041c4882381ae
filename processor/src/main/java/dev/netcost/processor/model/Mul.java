package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * {@code @Mul}: element-wise product with PyTorch's broadcasting: shapes aligned on their last
 * dimension, each pair equal or one of them 1. {@code numel} FLOPs per extra input.
 */
public record Mul() implements Merge {
    /** Every layout: it works on each element, whatever its axes mean. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        int rank = 0;
        for (Shape shape : inputs) {
            rank = Math.max(rank, shape.rank());
        }
        long[] out = new long[rank];
        java.util.Arrays.fill(out, 1);
        for (Shape shape : inputs) {
            for (int i = 0; i < shape.rank(); i++) {
                int at = rank - shape.rank() + i;
                long d = shape.dim(i);
                if (out[at] == 1) {
                    out[at] = d;
                } else if (d != 1 && d != out[at]) {
                    return ShapeResult.failed(Message.MUL_SHAPES_DO_NOT_BROADCAST.on(Attr.FROM,
                            Merge.describe(inputs, names)));
                }
            }
        }
        return ShapeResult.of(Shape.of(out));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(inputs.size() - 1L, output.numel()));
    }

    @Override
    public String displayName() {
        return "Mul";
    }
}
