package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @AvgPool}: pooling without dilation, averaging each window. */
public record AvgPool(PoolWindow window) implements Op {
    public AvgPool {
        if (!window.dilation().equals(List.of(1))) {
            throw new IllegalArgumentException("average pooling has no dilation: " + window);
        }
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
        return Refusals.needsChannelsFirstMap("@AvgPool", input, layout);
    }

    /** The window PyTorch's {@code AvgPool} slides: these sizes, no dilation. */
    public static AvgPool of(List<Integer> kernel, List<Integer> stride, List<Integer> padding, boolean ceilMode) {
        return new AvgPool(new PoolWindow(kernel, stride, padding, List.of(1), ceilMode));
    }

    @Override
    public List<Fault> validate() {
        return window.validate();
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return window.outputShape("@AvgPool", input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // taps - 1 adds and one divide per output element.
        return Cost.flopsOnly(Math.multiplyExact(window.taps(input), output.numel()));
    }

    /**
     * PyTorch's {@code avg_pool2d_backward}: each output's gradient divided by its divisor once and
     * added to each of the K cells of its window, {@code (K + 1) * numel(output)}: the forward's
     * {@code K * numel} and one more per output. It keeps its input: {@code derivatives.yaml} passes
     * {@code self} to {@code avg_pool2d_backward}, which reads only its sizes, and torch 1.13's autograd
     * saves it all the same.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (!pass.inputGradient()) {
            return Backprop.passThrough(forward.flops());
        }
        return new Backprop(forward.flops(), Work.flops(Math.multiplyExact(window.taps(input) + 1, output.numel())),
                Work.NONE, Saved.INPUT);
    }

    @Override
    public String displayName(Shape input) {
        return "AvgPool" + (input.rank() - 1) + "d";
    }
}
