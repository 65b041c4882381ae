package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @ToTokens}: a feature map {@code (C, ...)} as one token per position, {@code (positions, C)}. Free. */
public record ToTokens() implements Op {
    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.FEATURES);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (layout == Layout.TOKENS && input.rank() == 2) {
            return ShapeResult.failed(Message.TO_TOKENS_ON_TOKENS.onAnnotation(input));
        }
        if (input.rank() < 2) {
            return ShapeResult.failed(Message.TO_TOKENS_ON_VECTOR.onAnnotation(input));
        }
        return ShapeResult.of(Shape.of(input.numel() / input.dim(0), input.dim(0)));
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.TOKENS;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "ToTokens";
    }
}
