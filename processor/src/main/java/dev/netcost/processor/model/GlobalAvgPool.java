package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @GlobalAvgPool}: every channel to one value, keeping the rank: {@code (C, H, W)} to {@code (C, 1, 1)}. */
public record GlobalAvgPool() implements Op {
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
        return Refusals.needsChannelsFirstMap("@GlobalAvgPool", input, layout);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@GlobalAvgPool", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        long[] ones = new long[input.rank() - 1];
        java.util.Arrays.fill(ones, 1);
        return ShapeResult.of(Window.withSpatial(input.dim(0), ones));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // K = every spatial cell, numel = C: K * numel is every input element once.
        return Cost.flopsOnly(input.numel());
    }

    /**
     * PyTorch's {@code x.mean(spatial, keepdim=True)} (what {@code AdaptiveAvgPool2d(1)} computes):
     * backward {@code grad.expand(...) / cells}, one divide per input element. It keeps its input: torch
     * 1.13's {@code mean} saves {@code self}, though its backward reads only the sizes.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        return new Backprop(forward.flops(), Work.flops(input.numel()), Work.NONE, Saved.INPUT);
    }

    @Override
    public String displayName(Shape input) {
        return "GlobalAvgPool" + (input.rank() - 1) + "d";
    }
}
