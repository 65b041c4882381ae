package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @Softmax} over the last axis: exp, sum and divide per element. */
public record Softmax() implements Op {
    /** Per token: over the last axis, each token's. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** Every layout: it works on each element, whatever its axes mean. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(3, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "Softmax";
    }
}
