package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code @Embedding}: token ids {@code (T)} to tokens {@code (T, dim)} through a learned table. */
public record Embedding(int vocab, int dim) implements Op {
    /** Token ids {@code (T)}, which are channels first as any vector; never tokens or a map. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Message.EMBEDDING_NOT_TOKEN_IDS.onAnnotation(input);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.VOCAB, vocab, 1, "vocabulary size");
        Window.checkAtLeast(faults, Attr.DIM, dim, 1, "embedding width");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.rank() != 1) {
            return ShapeResult.failed(Message.EMBEDDING_NOT_TOKEN_IDS.onAnnotation(input));
        }
        return ShapeResult.of(Shape.of(input.dim(0), dim));
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.TOKENS;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // A lookup: no arithmetic.
        return new Cost(Math.multiplyExact((long) vocab, dim), 0, 0, 0);
    }

    /** A lookup reads one row per token, and never more than the table. */
    @Override
    public long parametersRead(Shape input, Cost cost, long batch) {
        return Math.min(cost.params(), Math.multiplyExact(Math.multiplyExact(batch, input.dim(0)), dim));
    }

    @Override
    public Optional<Shape> weightShape(Shape input) {
        return Optional.of(Shape.of(vocab, dim));
    }

    /**
     * Token ids take no gradient. The table's is {@code embedding_dense_backward}, an index add of each
     * token's output gradient into its row: one add per output element. It keeps its ids (its input),
     * as {@code derivatives.yaml}'s {@code embedding_backward(grad, indices, ...)}.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        Work toWeights = Work.flops(output.numel());
        return ProductGradients.of(forward.flops(), pass, Work.NONE, Work.NONE, toWeights,
                pass.weightGradient() ? Saved.INPUT : Saved.NOTHING);
    }

    @Override
    public String displayName(Shape input) {
        return "Embedding";
    }
}
