package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * {@code @Add}: element-wise sum with PyTorch's broadcasting on tensors of one rank
 * ({@link Broadcast}), as a residual connection adds tensors of one shape or a bias
 * {@code (C, 1, 1)} is added to {@code (C, H, W)};
 * {@code numel} of the output FLOPs per extra input.
 */
public record Add() implements Merge {
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
        return Broadcast.ranksDiffer("@Add", inputs, names);
    }

    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        // The walker asked ranksDiffer first; inputs of two ranks broadcast to nothing here either.
        java.util.Optional<Shape> broadcast = Broadcast.of(inputs);
        if (broadcast.isPresent()) {
            return ShapeResult.of(broadcast.get());
        }
        return ShapeResult.failed(Message.ADD_SHAPES_DIFFER.on(Attr.FROM, Merge.describe(inputs, names)));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(inputs.size() - 1L, output.numel()));
    }

    /**
     * The output's gradient is every input's: nothing computed, but for an input broadcast to the
     * output, whose gradient is summed back to its shape ({@code sum_to_size}), {@code numel(output) -
     * numel(input)} adds. It keeps nothing but sizes.
     */
    @Override
    public Backprop backprop(List<Shape> inputs, Shape output, Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        long adds = 0;
        for (Shape in : inputs) {
            adds = Math.addExact(adds, Math.subtractExact(output.numel(), in.numel()));
        }
        return new Backprop(forward.flops(), Work.flops(adds), Work.NONE, Saved.NOTHING);
    }

    @Override
    public String displayName() {
        return "Add";
    }
}
