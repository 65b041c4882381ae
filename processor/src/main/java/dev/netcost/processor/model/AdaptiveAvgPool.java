package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @AdaptiveAvgPool}: average pooling to a fixed output size. */
public record AdaptiveAvgPool(List<Integer> output) implements Op {
    public AdaptiveAvgPool {
        output = List.copyOf(output);
    }

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
        return Refusals.needsChannelsFirstMap("@AdaptiveAvgPool", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkValues(faults, Attr.OUTPUT, output, 1, "output size");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@AdaptiveAvgPool", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkArity(faults, Attr.OUTPUT, output, input);
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        return ShapeResult.of(Window.withSpatial(input.dim(0), Window.perDimension(output, input.rank() - 1)));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // K * numel with K varying per cell: the cells read, summed over output cells, per channel.
        // Windows are separable, so the sum over cells is the product of the per-dimension sums.
        long[] in = Window.spatial(input);
        long[] out = Window.spatial(output);
        long cells = input.dim(0);
        for (int i = 0; i < in.length; i++) {
            cells = Math.multiplyExact(cells, Pooling.adaptiveWindowSum(in[i], out[i]));
        }
        return Cost.flopsOnly(cells);
    }

    /**
     * To an output of one cell per dimension PyTorch computes {@code input.mean(spatial)} (the fast path
     * of {@code adaptive_avg_pool2d}), whose backward divides the gradient once per input element and
     * keeps its input (torch 1.13's {@code mean} saves {@code self} for its sizes); to any other size
     * {@code _adaptive_avg_pool2d}, whose backward divides each output's gradient once and adds it to
     * each cell of its window (the forward's count and one more per output element), and which keeps
     * its input too ({@code self}, for its sizes).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        if (output.numel() == output.dim(0)) {
            return new Backprop(forward.flops(), Work.flops(input.numel()), Work.NONE, Saved.INPUT);
        }
        return new Backprop(forward.flops(), Work.flops(Math.addExact(forward.flops(), output.numel())), Work.NONE,
                Saved.INPUT);
    }

    @Override
    public String displayName(Shape input) {
        return "AdaptiveAvgPool" + (input.rank() - 1) + "d";
    }
}
