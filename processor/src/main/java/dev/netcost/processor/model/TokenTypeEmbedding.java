package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code @TokenTypeEmbedding}: BERT's segment embeddings, a row of a {@code (types, E)} table added to each token. */
public record TokenTypeEmbedding(int types) implements Op {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.TYPES, types, 1, "number of token types");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.TOKENS);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        Optional<Fault> notTokens = Sequences.requireTokens("@TokenTypeEmbedding", input, layout);
        return notTokens.isPresent() ? ShapeResult.failed(notTokens.get()) : ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return new Cost(Math.multiplyExact((long) types, input.dim(1)), 0, 0, output.numel());
    }

    @Override
    public String displayName(Shape input) {
        return "TokenTypeEmbedding";
    }
}
