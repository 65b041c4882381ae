package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * {@code @Mul}: element-wise product with PyTorch's broadcasting on tensors of one rank
 * ({@link Broadcast}): each pair of dimensions equal or one of them 1. {@code numel} FLOPs per extra input.
 */
public record Mul() implements Merge {
    /** Per token: element by element. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** Every layout: it works on each element, whatever its axes mean. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    /** Inputs of one rank only: the batch PyTorch puts in front would misalign the others ({@link Broadcast}). */
    @Override
    public java.util.Optional<Fault> ranksDiffer(List<Shape> inputs, List<String> names) {
        return Broadcast.ranksDiffer("@Mul", inputs, names);
    }

    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        // The walker asked ranksDiffer first; inputs of two ranks broadcast to nothing here either.
        java.util.Optional<Shape> broadcast = Broadcast.of(inputs);
        if (broadcast.isPresent()) {
            return ShapeResult.of(broadcast.get());
        }
        return ShapeResult.failed(Message.MUL_SHAPES_DO_NOT_BROADCAST.on(Attr.FROM, Merge.describe(inputs, names)));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(inputs.size() - 1L, output.numel()));
    }

    /**
     * PyTorch multiplies {@code a * b * c} pairwise, left to right. Each product's backward
     * ({@code mul_tensor_backward}) multiplies its output's gradient by the other factor, for each of
     * its two factors, {@code 2 * numel} of that product, and sums a broadcast factor's gradient back to
     * its shape, {@code numel(product) - numel(factor)} adds. Each product keeps both factors: the
     * inputs, and the partial products of three or more inputs, tensors of its own.
     */
    @Override
    public Backprop backprop(List<Shape> inputs, Shape output, Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        long flops = 0;
        long partials = 0;
        Shape left = inputs.get(0);
        for (int j = 1; j < inputs.size(); j++) {
            Shape right = inputs.get(j);
            Shape product = Broadcast.of(List.of(left, right)).orElseThrow();
            long both = Math.multiplyExact(4, product.numel());
            flops = Math.addExact(flops, Math.subtractExact(both, Math.addExact(left.numel(), right.numel())));
            if (j > 1) {
                partials = Math.addExact(partials, left.numel());
            }
            left = product;
        }
        return new Backprop(forward.flops(), Work.flops(flops), Work.NONE, new Saved(true, false, partials, 0));
    }

    @Override
    public String displayName() {
        return "Mul";
    }
}
