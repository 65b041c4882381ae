package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @Dropout}: the identity at inference, costing nothing. */
public record Dropout(double p) implements Op {
    /** Per token: the identity at inference. */
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
    public List<Fault> validate() {
        return Probability.check(p);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    /**
     * In training PyTorch's {@code native_dropout} draws a mask and applies it with its scale:
     * per element a compare of a uniform draw with {@code p} (the draw itself is no FLOP), a multiply
     * by the mask and one by {@code 1 / (1 - p)}, {@code 3 * numel}. Backward
     * {@code native_dropout_backward(grad, mask, scale)}, {@code dy * mask * scale}: 2 per element. It
     * keeps its mask, {@code bool}, 1 byte per element. With {@code p = 0} PyTorch returns its input:
     * the identity in training too.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (p == 0) {
            return Backprop.passThrough(forward.flops());
        }
        long training = Math.multiplyExact(3, output.numel());
        if (!pass.inputGradient()) {
            return Backprop.passThrough(training);
        }
        return new Backprop(training, Work.flops(Math.multiplyExact(2, output.numel())), Work.NONE,
                new Saved(false, false, 0, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "Dropout";
    }
}
