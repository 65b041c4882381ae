package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @TokenTypeEmbedding}: BERT's segment embeddings, a row of a {@code (types, E)} table added to each token. */
public record TokenTypeEmbedding(int types) implements TokenOp {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.TYPES, types, 1, "number of token types");
        return faults;
    }

    @Override
    public ShapeResult outputOfTokens(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return new Cost(Math.multiplyExact((long) types, input.dim(input.rank() - 1)), 0, 0, output.numel());
    }

    @Override
    public String annotation() {
        return "@TokenTypeEmbedding";
    }

    @Override
    public String displayName(Shape input) {
        return "TokenTypeEmbedding";
    }
}
