package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @Softmax} over the last axis: exp, sum and divide per element. */
public record Softmax() implements Op {
    /** Per token: over the last axis, each token's. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** Every layout: it works on each element, whatever its axes mean. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(3, output.numel()));
    }

    /**
     * PyTorch's {@code _softmax_backward_data(grad, output)}: {@code dx = y * (dy - sum(dy * y))}, per
     * element a multiply, an add of the row's sum, a subtract and a multiply, {@code 4 * numel}. It keeps
     * its output {@code y} ({@code result} in {@code derivatives.yaml}). Attention's softmax counts the same.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        return new Backprop(forward.flops(), Work.flops(Math.multiplyExact(4, output.numel())), Work.NONE,
                Saved.OUTPUT);
    }

    @Override
    public String displayName(Shape input) {
        return "Softmax";
    }
}
