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

    @Override
    public String displayName(Shape input) {
        return "GroupNorm";
    }
}
