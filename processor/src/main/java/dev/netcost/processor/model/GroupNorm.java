package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @GroupNorm}, PyTorch's {@code GroupNorm(groups, C, affine)}: the channels of a
 * channels-first tensor {@code (C, ...)} in {@code groups} groups of equal size, each normalized over
 * its channels and positions; with {@code affine} a scale and shift per channel, and never buffers.
 */
public record GroupNorm(int groups, boolean affine) implements Op {
    @Override
    public Set<Layout> accepts() {
        // PyTorch's channels are axis 1 of (N, C, *): a channels-first map or vector only.
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@GroupNorm", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.GROUPS, groups, 1, "number of groups");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        // PyTorch takes (N, C, *), a vector (N, C) included, so any rank netcost has is fine.
        long channels = input.dim(0);
        if (channels % groups != 0) {
            return ShapeResult.failed(Message.GROUP_NORM_GROUPS_NOT_DIVIDING_CHANNELS.on(Attr.GROUPS, groups, channels,
                    Attention.divisors(channels, groups)));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long params = affine ? Math.multiplyExact(2, input.dim(0)) : 0;
        // Layer norm's rule: mean, subtract, variance, divide, scale and shift, five per element.
        return new Cost(params, 0, 0, Math.multiplyExact(5, output.numel()));
    }

    /**
     * Backward by {@code native_group_norm_backward}, counted as layer norm's over each group: see the
     * cost model's row. Keeps its input, and {@code mean} and {@code rstd}, float32, one each per group.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long n = output.numel();
        boolean weighted = affine && pass.weightGradient();
        // xhat = (x - mean) * rstd again 2, dgamma = sum(dy * xhat) 2, dbeta = sum(dy) 1 with a bias.
        Work weights = weighted ? Work.flops(Math.multiplyExact(5, n)) : Work.NONE;
        Work toInput = Work.NONE;
        if (pass.inputGradient()) {
            // g = dy * gamma 1 (with a scale), sum(g) 1, sum(g * xhat) 2, then
            // rstd * (g - sum(g) / E - xhat * sum(g * xhat) / E) 4; xhat 2 when the weights did not compute it.
            toInput = Work.flops(Math.multiplyExact((affine ? 8 : 7) + (weighted ? 0 : 2), n));
        }
        // Its input, and the mean and rstd, float32, one each per group.
        Saved saved = pass.any() ? new Saved(true, false, 0, Math.multiplyExact(8, groups)) : Saved.NOTHING;
        return new Backprop(forward.flops(), toInput, weights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "GroupNorm";
    }
}
