package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @ClassToken}: learned tokens put before the sequence, {@code (T, E)} to {@code (T + tokens, E)};
 * before each of the sequences {@code (S, T, E)}, the same learned tokens.
 */
public record ClassToken(int tokens) implements TokenOp {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.TOKENS, tokens, 1, "number of learned tokens");
        return faults;
    }

    @Override
    public ShapeResult outputOfTokens(Shape input) {
        long[] dims = input.dims();
        dims[dims.length - 2] = Math.addExact(dims[dims.length - 2], tokens);
        return ShapeResult.of(Shape.of(dims));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // A concatenation: parameters only.
        return new Cost(Math.multiplyExact((long) tokens, input.dim(input.rank() - 1)), 0, 0, 0);
    }

    @Override
    public String annotation() {
        return "@ClassToken";
    }

    /**
     * The concatenation's gradient to the tokens is a slice; the learned tokens' gradient sums the
     * expanded copies of each sequence, one add per element summed ({@code S * tokens * E}). It keeps
     * nothing: a concatenation saves only sizes.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long summed = Math.multiplyExact(TokenOp.sequences(input), forward.params());
        return ProductGradients.of(forward.flops(), pass, Work.NONE, Work.NONE, Work.flops(summed), Saved.NOTHING);
    }

    @Override
    public String displayName(Shape input) {
        return "ClassToken";
    }
}
