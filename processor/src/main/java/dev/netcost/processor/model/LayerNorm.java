package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @LayerNorm} over the last dimension: scale and, with bias, shift learnable. */
public record LayerNorm(boolean bias) implements Op {
    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long features = input.dim(input.rank() - 1);
        // Mean, subtract, variance, divide, scale and shift: five per element, by the cost model.
        return new Cost(Math.multiplyExact(features, bias ? 2 : 1), 0, 0, Math.multiplyExact(5, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "LayerNorm";
    }
}
