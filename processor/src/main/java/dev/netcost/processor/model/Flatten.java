package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @Flatten}: one sample to a vector, free. */
public record Flatten() implements Op {
    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(Shape.of(input.numel()));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "Flatten";
    }
}
