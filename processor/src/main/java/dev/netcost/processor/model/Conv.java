package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @Conv}: convolution over 1, 2 or 3 spatial dimensions. */
public record Conv(int out, List<Integer> kernel, List<Integer> stride, List<Integer> padding,
        List<Integer> dilation, int groups, boolean bias) implements Op {
    public Conv {
        kernel = List.copyOf(kernel);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        dilation = List.copyOf(dilation);
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
        if (layout == Layout.TOKENS && input.rank() == 2) {
            return Message.CONV_ON_TOKENS.onAnnotation(input, input.dim(0), input.dim(1), out);
        }
        return Refusals.needsChannelsFirstMap("@Conv", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkChannels(faults, out, groups);
        Window.checkConvolutionSizes(faults, kernel, stride, padding, dilation);
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@Conv", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkWindowArity(faults, input, kernel, stride, padding, dilation);
        Window.checkGroups(input.dim(0), groups, out).ifPresent(faults::add);
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        return Window.slide(input, out, kernel, stride, padding, dilation, false);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long inPerGroup = input.dim(0) / groups;
        long taps = Window.product(Window.perDimension(kernel, input.rank() - 1));
        long positions = Window.product(Window.spatial(output));
        long perOutput = Math.multiplyExact(inPerGroup, taps);
        long params = Math.addExact(Math.multiplyExact(out, perOutput), bias ? out : 0);
        long macs = Math.multiplyExact(Math.multiplyExact((long) out, positions), perOutput);
        // Per output element: perOutput multiplies, perOutput - 1 adds, one more add with a bias.
        long flops = Math.multiplyExact(Math.multiplyExact((long) out, positions),
                Math.multiplyExact(2, perOutput) - 1 + (bias ? 1 : 0));
        return new Cost(params, 0, macs, flops);
    }

    @Override
    public String displayName(Shape input) {
        return "Conv" + (input.rank() - 1) + "d";
    }

    /** The window this convolution slides over an input of {@code spatialRank} dimensions. */
    public SlidingWindow window(int spatialRank) {
        return SlidingWindow.of(kernel, stride, padding, dilation, spatialRank);
    }
}
