package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code @InstanceNorm}, PyTorch's {@code InstanceNorm1d/2d/3d(C, affine, track_running_stats)}:
 * each channel of each sample normalized over its positions. With {@code affine} a scale and shift
 * per channel (parameters); with {@code trackRunningStats} a running mean and variance (buffers),
 * which PyTorch's inference then normalizes with, as batch norm's does.
 */
public record InstanceNorm(boolean affine, boolean trackRunningStats) implements Op {
    @Override
    public Set<Layout> accepts() {
        // PyTorch's channels are axis 1 of (N, C, L...): a channels-first map only.
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@InstanceNorm", input, layout);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        // A vector (C) would be PyTorch's (N, C), which InstanceNorm1d reads as one unbatched (C, L).
        if (input.rank() < 2) {
            return ShapeResult.failed(Message.INSTANCE_NORM_WITHOUT_POSITIONS.onAnnotation(input));
        }
        // Without running statistics PyTorch normalizes with each sample's own, in eval too, and
        // refuses a channel of one position (PyTorch 1.13, InstanceNorm2d(6) on (2, 6, 1, 1)).
        if (!trackRunningStats && input.numel() == input.dim(0)) {
            return ShapeResult.failed(Message.INSTANCE_NORM_ONE_POSITION.onAnnotation(input));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long perChannel = Math.multiplyExact(2, input.dim(0));
        // PyTorch's num_batches_tracked is not counted, as batch norm's is not: BUFFERS are Keras's
        // non-trainable count, the running mean and variance.
        long buffers = trackRunningStats ? perChannel : 0;
        // With running stats, inference scales and shifts (batch norm's rule); without, each sample's own
        // statistics are computed (layer norm's rule).
        long flops = Math.multiplyExact(trackRunningStats ? 2 : 5, output.numel());
        return new Cost(affine ? perChannel : 0, buffers, 0, flops);
    }

    /**
     * PyTorch's {@code instance_norm} is batch norm over {@code (1, N*C, ...)}: in training (with
     * running statistics or without) each sample's own statistics, layer norm's {@code 5 * numel}, and
     * batch norm's backward, keeping its input and, per channel of each sample, a float32 mean and
     * inverse deviation, and the copies {@code instance_norm} hands {@code batch_norm}: the scale repeated
     * per sample with {@code affine}, the running mean and variance with {@code trackRunningStats}.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long n = output.numel();
        // xhat = (x - mean) * invstd again 2, dgamma = sum(dy * xhat) 2, dbeta = sum(dy) 1.
        Work weights = pass.weightGradient() && affine ? Work.flops(Math.multiplyExact(5, n)) : Work.NONE;
        Work toInput = Work.NONE;
        if (pass.inputGradient()) {
            // dx = gamma * invstd * (dy - sum(dy) / M - xhat * sum(dy * xhat) / M): per element xhat times
            // a factor, two subtracts, a multiply, 4; the two sums, with xhat, are the weights' 5 when
            // they are not computed for the weights.
            toInput = Work.flops(Math.multiplyExact(weights.equals(Work.NONE) ? 9 : 4, n));
        }
        // Its input, and float32 tensors of one element per channel of the sample: save_mean and
        // save_invstd; the scale repeated per sample (weight.repeat(N)) with affine; the running mean and
        // variance repeated with trackRunningStats: batch_norm keeps the copies it is given.
        int perChannel = 2 + (affine ? 1 : 0) + (trackRunningStats ? 2 : 0);
        Saved saved = pass.any()
                ? new Saved(true, false, 0, Math.multiplyExact(4L * perChannel, input.dim(0))) : Saved.NOTHING;
        return new Backprop(Math.multiplyExact(5, n), toInput, weights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "InstanceNorm" + (input.rank() - 1) + "d";
    }
}
