package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @MaxPool}. */
public record MaxPool(PoolWindow window) implements Op {
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
        return Refusals.needsChannelsFirstMap("@MaxPool", input, layout);
    }

    @Override
    public List<Fault> validate() {
        return window.validate();
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return window.outputShape("@MaxPool", input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // taps - 1 comparisons per output element.
        return Cost.flopsOnly(Math.multiplyExact(window.taps(input) - 1, output.numel()));
    }

    /**
     * PyTorch's {@code max_pool2d_with_indices_backward}: each output's gradient added at the index of
     * its maximum, one add per output element ({@code gradInput[index] += gradOutput}). It keeps its
     * input ({@code self}) and the indices, {@code int64}, 8 bytes per output element.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        return new Backprop(forward.flops(), Work.flops(output.numel()), Work.NONE,
                new Saved(true, false, 0, Math.multiplyExact(8, output.numel())));
    }

    @Override
    public String displayName(Shape input) {
        return "MaxPool" + (input.rank() - 1) + "d";
    }
}
