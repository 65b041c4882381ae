package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * {@code @RMSNorm} over the last axis: a learnable scale, no shift. On tokens, a channels-last map
 * and a vector; on a map with its channels first the last axis is its width, so that is an error
 * naming {@code @ChannelsLast}.
 */
public record RmsNorm() implements Op {
    /** Per token: over each token's E. */
    @Override
    public boolean perToken() {
        return true;
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
            return ShapeResult.failed(Message.NORM_ON_ONE_DIMENSIONAL_MAP.onAnnotation("@RMSNorm", input,
                    input.dim(1), input.dim(0)));
        }
        if (layout == Layout.FEATURES && input.rank() > 2) {
            return ShapeResult.failed(Message.NORM_ON_CHANNELS_FIRST_MAP.onAnnotation("@RMSNorm", input,
                    input.dim(input.rank() - 1), input.dim(0)));
        }
        return outputShape(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // Four per element, by the cost model (square, mean, normalize, scale).
        return new Cost(input.dim(input.rank() - 1), 0, 0, Math.multiplyExact(4, output.numel()));
    }

    /**
     * {@code y = x * rstd * gamma}, as a fused kernel computes it (PyTorch's {@code _fused_rms_norm},
     * apex's): backward {@code dgamma = sum(dy * xhat)} with {@code xhat = x * rstd} 3, and
     * {@code dx = rstd * (g - xhat * sum(g * xhat) / E)}, {@code g = dy * gamma}: g 1, the sum 2, then 3,
     * 6, and xhat 1 when the weights did not compute it. The fused kernel keeps its input and
     * {@code rstd}, float32, one per row; Hugging Face's Python {@code LlamaRMSNorm} keeps more (its
     * normalized {@code x * rstd} too, as autograd saves every product's factors).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long n = output.numel();
        Work weights = pass.weightGradient() ? Work.flops(Math.multiplyExact(3, n)) : Work.NONE;
        Work toInput = pass.inputGradient()
                ? Work.flops(Math.multiplyExact(pass.weightGradient() ? 6 : 7, n)) : Work.NONE;
        Saved saved = pass.any()
                ? new Saved(true, false, 0, Math.multiplyExact(4, n / input.dim(input.rank() - 1))) : Saved.NOTHING;
        return new Backprop(forward.flops(), toInput, weights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "RMSNorm";
    }
}
