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

    /**
     * Backward by {@code native_layer_norm_backward}: see the cost model's row. Keeps its input, and
     * {@code mean} and {@code rstd}, float32, one each per row (token).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        return backprop(output.numel(), input.dim(input.rank() - 1), affine, bias, forward, pass);
    }

    /**
     * Layer norm's backward over groups of {@code width} elements of {@code n}, each normalised alone
     * (a token's features; {@code @LayerNorm2d}'s channels at a position).
     */
    static Backprop backprop(long n, long width, boolean affine, boolean bias, Cost forward, BackwardPass pass) {
        boolean weighted = affine && pass.weightGradient();
        // xhat = (x - mean) * rstd again 2, dgamma = sum(dy * xhat) 2, dbeta = sum(dy) 1 with a bias.
        Work weights = weighted ? Work.flops(Math.multiplyExact(bias ? 5 : 4, n)) : Work.NONE;
        Work toInput = Work.NONE;
        if (pass.inputGradient()) {
            // g = dy * gamma 1 (with a scale), sum(g) 1, sum(g * xhat) 2, then
            // rstd * (g - sum(g) / E - xhat * sum(g * xhat) / E) 4; xhat 2 when the weights did not compute it.
            toInput = Work.flops(Math.multiplyExact((affine ? 8 : 7) + (weighted ? 0 : 2), n));
        }
        // Its input, and the mean and rstd, float32, one each per group.
        Saved saved = pass.any() ? new Saved(true, false, 0, Math.multiplyExact(8, n / width)) : Saved.NOTHING;
        return new Backprop(forward.flops(), toInput, weights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "LayerNorm";
    }
}
