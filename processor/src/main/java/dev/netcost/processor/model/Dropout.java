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

    @Override
    public String displayName(Shape input) {
        return "Dropout";
    }
}
