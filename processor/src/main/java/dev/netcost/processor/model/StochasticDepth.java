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

    @Override
    public String displayName(Shape input) {
        return "StochasticDepth";
    }
}
