package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @StochasticDepth}: the identity at inference, costing nothing. Its probability and mode
 * matter only in training; they are kept so that the summary shows what was declared.
 */
public record StochasticDepth(double p, dev.netcost.StochasticDepth.Mode mode) implements Op {
    /** Per token: the identity at inference. */
    @Override
    public boolean perToken() {
        return true;
    }

    @Override
    public Set<Layout> accepts() {
        return EnumSet.allOf(Layout.class);
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
     * torchvision's {@code stochastic_depth}: in training a noise of one element per sample
     * ({@code ROW}) or per batch ({@code BATCH}), drawn and divided by the survival rate, times the
     * input: {@code numel} multiplies (the noise's draw and divide, one per sample, are not counted).
     * Backward, the product's {@code dy * noise}: {@code numel}. It keeps the noise, a tensor of its
     * own of one element per sample in {@code ROW} mode (one per batch in {@code BATCH}, not counted
     * per sample). With {@code p = 0} torchvision returns its input.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (p == 0) {
            return Backprop.passThrough(forward.flops());
        }
        if (!pass.inputGradient()) {
            return Backprop.passThrough(output.numel());
        }
        long noise = mode == dev.netcost.StochasticDepth.Mode.ROW ? 1 : 0;
        return new Backprop(output.numel(), Work.flops(output.numel()), Work.NONE, new Saved(false, false, noise, 0));
    }

    @Override
    public String displayName(Shape input) {
        return "StochasticDepth";
    }
}
