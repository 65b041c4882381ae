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
        return Broadcast.of(inputs).map(ShapeResult::of).orElseGet(() -> ShapeResult.failed(
                Message.MUL_SHAPES_DO_NOT_BROADCAST.on(Attr.FROM, Merge.describe(inputs, names))));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(inputs.size() - 1L, output.numel()));
    }

    @Override
    public String displayName() {
        return "Mul";
    }
}
