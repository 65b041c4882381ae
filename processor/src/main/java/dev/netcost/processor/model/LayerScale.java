package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code @LayerScale}: a learned scale per channel, multiplying every element (ConvNeXt's
 * {@code layer_scale}, timm's {@code LayerScale}). Its C is where the input's layout keeps the
 * channels ({@link Layout#features}): the first axis of a channels-first map or a vector, the last
 * of tokens and of a channels-last map. The shape cannot tell {@code (56, 56, 96)} channels-last
 * from a map of 56 channels, so the figures need the layout ({@link #cost(Shape, Shape, Layout)}).
 */
public record LayerScale() implements Op {
    /** Per token: element by element. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** Every layout: each says which axis its channels are on. */
    @Override
    public Set<Layout> accepts() {
        return EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    /** As a channels-first map's, where C is the first axis; for tests that need no layout. */
    @Override
    public Cost cost(Shape input, Shape output) {
        return cost(input, output, Layout.FEATURES);
    }

    @Override
    public Cost cost(Shape input, Shape output, Layout layout) {
        // C scales; one multiply per element.
        return new Cost(layout.features(input), 0, 0, output.numel());
    }

    /**
     * {@code dX = dY * gamma}, one multiply per element; {@code dgamma = sum(dY * x)}, a multiply and an
     * add per element. It keeps its input only for its scale's gradient, as {@code mul} saves
     * {@code self} only when {@code other} requires a gradient.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        return ProductGradients.of(forward.flops(), pass, Work.flops(output.numel()), Work.NONE,
                Work.flops(Math.multiplyExact(2, output.numel())), pass.weightGradient() ? Saved.INPUT : Saved.NOTHING);
    }

    @Override
    public String displayName(Shape input) {
        return "LayerScale";
    }
}
