package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * {@code @LayerNorm} over the last axis, as PyTorch's {@code LayerNorm(E)}: scale and, with bias,
 * shift learnable. On tokens, on a channels-last map (each position's channels, as ConvNeXt's
 * blocks hold it) and on a vector. On a map with its channels first the last axis is its width, so
 * that is an error naming the norm over its channels ({@code @LayerNorm2d}) or {@code @ChannelsLast}.
 */
public record LayerNorm(boolean affine, boolean bias) implements Op {
    /** Per token: over each token's E. */
    @Override
    public boolean perToken() {
        return true;
    }

    /** A norm with a learned scale, and with {@code bias} a learned shift. */
    public LayerNorm(boolean bias) {
        this(true, bias);
    }

    /** Every layout, but of a map with its channels first only a vector ({@link #outputShape(Shape, Layout)}). */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (layout == Layout.FEATURES && input.rank() == 2) {
            return ShapeResult.failed(Message.NORM_ON_ONE_DIMENSIONAL_MAP.onAnnotation("@LayerNorm", input,
                    input.dim(1), input.dim(0)));
        }
        if (layout == Layout.FEATURES && input.rank() > 2) {
            return ShapeResult.failed(Message.LAYER_NORM_ON_CHANNELS_FIRST_MAP.onAnnotation(input,
                    input.dim(input.rank() - 1), input.dim(0)));
        }
        return outputShape(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long features = input.dim(input.rank() - 1);
        // Mean, subtract, variance, divide, scale and shift: five per element, by the cost model.
        return new Cost(affine ? Math.multiplyExact(features, bias ? 2 : 1) : 0, 0, 0, Math.multiplyExact(5, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "LayerNorm";
    }
}
