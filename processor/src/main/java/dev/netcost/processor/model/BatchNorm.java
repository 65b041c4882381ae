package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @BatchNorm} over the channel axis: scale and shift learnable, mean and variance buffers. */
public record BatchNorm() implements Op {
    /**
     * A map with its channels first only: on tokens or a channels-last map it would read another
     * axis as the channels.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        if (layout == Layout.TOKENS && input.rank() == 2) {
            return Message.BATCH_NORM_ON_TOKENS.onAnnotation(input, input.dim(0), input.dim(1));
        }
        return Refusals.needsChannelsFirstMap("@BatchNorm", input, layout);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.rank() > Window.MAX_SPATIAL + 1) {
            return ShapeResult.failed(Message.BATCH_NORM_INPUT_RANK.onAnnotation());
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long channels = input.dim(0);
        long perChannel = Math.multiplyExact(2, channels);
        // Inference: one scale and one shift per element.
        return new Cost(perChannel, perChannel, 0, Math.multiplyExact(2, output.numel()));
    }

    /**
     * In training the batch's statistics are computed, layer norm's {@code 5 * numel} (the running
     * statistics' update, a few FLOPs per channel and batch, is not counted). Backward by
     * {@code native_batch_norm_backward}: see the cost model's row.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long n = output.numel();
        // xhat = (x - mean) * invstd again 2, dgamma = sum(dy * xhat) 2, dbeta = sum(dy) 1.
        Work weights = pass.weightGradient() ? Work.flops(Math.multiplyExact(5, n)) : Work.NONE;
        Work toInput = Work.NONE;
        if (pass.inputGradient()) {
            // dx = gamma * invstd * (dy - sum(dy) / M - xhat * sum(dy * xhat) / M): per element xhat times
            // a factor, two subtracts, a multiply, 4; the two sums, with xhat, are the weights' 5 when
            // they are not computed for the weights.
            toInput = Work.flops(Math.multiplyExact(weights.equals(Work.NONE) ? 9 : 4, n));
        }
        // Its input, and save_mean and save_invstd, float32, one each per channel: the batch's, once a step.
        Saved saved = pass.any() ? new Saved(true, false, 0, 0, Math.multiplyExact(8, input.dim(0))) : Saved.NOTHING;
        return new Backprop(Math.multiplyExact(5, n), toInput, weights, saved);
    }

    @Override
    public String displayName(Shape input) {
        // PyTorch's BatchNorm1d takes (N, C) and (N, C, L).
        return "BatchNorm" + Math.max(1, input.rank() - 1) + "d";
    }
}
