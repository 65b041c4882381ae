package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @RMSNorm} over the last dimension: a learnable scale, no shift. */
public record RmsNorm() implements Op {
    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // Four per element, by the cost model (square, mean, normalize, scale).
        return new Cost(input.dim(input.rank() - 1), 0, 0, Math.multiplyExact(4, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "RMSNorm";
    }
}
