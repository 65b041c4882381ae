package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @Flatten}: one sample to a vector, free. */
public record Flatten() implements View {
    /**
     * Every layout, each to the vector of its elements, as PyTorch's {@code x.flatten(1)}: tokens
     * {@code (T, E)} to {@code (T*E)}, a channels-last map {@code (H, W, C)} to {@code (H*W*C)}. The
     * order of the elements differs with the layout, but no figure of this or a later layer does.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(Shape.of(input.numel()));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "Flatten";
    }
}
