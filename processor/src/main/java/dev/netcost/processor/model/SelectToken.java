package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;
import java.util.Optional;

/** {@code @SelectToken}: one token of {@code (T, E)}, as a vector {@code (E)}. Free. */
public record SelectToken(int index) implements Op {
    @Override
    public List<Fault> validate() {
        return List.of();
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.TOKENS);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        Optional<Fault> notTokens = Sequences.requireTokens("@SelectToken", input, layout);
        if (notTokens.isPresent()) {
            return ShapeResult.failed(notTokens.get());
        }
        long tokens = input.dim(0);
        if (index >= tokens || index < -tokens) {
            return ShapeResult.failed(Fault.on(Attr.INDEX, ProblemKind.OUT_OF_RANGE, "index = " + index + " is not"
                    + " one of the " + tokens + " tokens: it must be from " + -tokens + " to " + (tokens - 1)));
        }
        return ShapeResult.of(Shape.of(input.dim(1)));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "SelectToken";
    }
}
