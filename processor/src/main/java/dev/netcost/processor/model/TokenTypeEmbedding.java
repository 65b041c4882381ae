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

    /**
     * The add passes the gradient to the tokens as it is; the table's gradient is the lookup's index
     * add, one add per output element. It keeps the token types' ids, one int64 per token, as the
     * lookup saves its indices, for its weight's gradient.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long tokens = output.numel() / output.dim(output.rank() - 1);
        Saved saved = pass.weightGradient() ? new Saved(false, false, 0, Math.multiplyExact(8, tokens)) : Saved.NOTHING;
        return ProductGradients.of(forward.flops(), pass, Work.NONE, Work.NONE, Work.flops(output.numel()), saved);
    }

    @Override
    public String displayName(Shape input) {
        return "TokenTypeEmbedding";
    }
}
