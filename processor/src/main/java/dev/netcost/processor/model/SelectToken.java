package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @SelectToken}: one token of {@code (T, E)}, as a vector {@code (E)}. Free. */
public record SelectToken(int index) implements TokenOp, View {
    @Override
    public ShapeResult outputOfTokens(Shape input) {
        if (input.rank() == 3) {
            return ShapeResult.failed(Message.SELECT_TOKEN_OF_SEQUENCES.onAnnotation(input, input.dim(0),
                    input.dim(1)));
        }
        long tokens = input.dim(0);
        if (index >= tokens || index < -tokens) {
            return ShapeResult.failed(Message.TOKEN_INDEX_OUT_OF_RANGE.on(Attr.INDEX, index, tokens, -tokens,
                    tokens - 1));
        }
        return ShapeResult.of(Shape.of(input.dim(1)));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String annotation() {
        return "@SelectToken";
    }

    @Override
    public String displayName(Shape input) {
        return "SelectToken";
    }
}
