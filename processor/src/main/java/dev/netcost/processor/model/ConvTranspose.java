package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @ConvTranspose}: transposed convolution over 1, 2 or 3 spatial dimensions. */
public record ConvTranspose(int out, List<Integer> kernel, List<Integer> stride, List<Integer> padding,
        List<Integer> outputPadding, List<Integer> dilation, int groups, boolean bias) implements Op {
    public ConvTranspose {
        kernel = List.copyOf(kernel);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        outputPadding = List.copyOf(outputPadding);
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
        return Refusals.needsChannelsFirstMap("@ConvTranspose", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkChannels(faults, out, groups);
        Window.checkConvolutionSizes(faults, kernel, stride, padding, dilation);
        Window.checkValues(faults, Attr.OUTPUT_PADDING, outputPadding, 0, "output padding");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@ConvTranspose", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkWindowArity(faults, input, kernel, stride, padding, dilation);
        Window.checkArity(faults, Attr.OUTPUT_PADDING, outputPadding, input);
        var groupFault = Window.checkGroups(input.dim(0), groups, out);
        if (groupFault.isPresent()) {
            faults.add(groupFault.get());
        }
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        int spatial = input.rank() - 1;
        long[] n = Window.spatial(input);
        long[] k = Window.perDimension(kernel, spatial);
        long[] s = Window.perDimension(stride, spatial);
        long[] p = Window.perDimension(padding, spatial);
        long[] op = Window.perDimension(outputPadding, spatial);
        long[] d = Window.perDimension(dilation, spatial);
        long[] size = new long[spatial];
        for (int i = 0; i < spatial; i++) {
            if (op[i] >= s[i] && op[i] >= d[i]) {
                return ShapeResult.failed(Message.OUTPUT_PADDING_TOO_LARGE.on(Attr.OUTPUT_PADDING, op[i], s[i], d[i]));
            }
            size[i] = Window.transposedOutput(n[i], k[i], s[i], p[i], d[i], op[i]);
            if (size[i] < 1) {
                return ShapeResult.failed(Message.PADDING_TRIMS_OUTPUT.on(Attr.PADDING, p[i],
                        Window.dimensionName(spatial, i), size[i]));
            }
        }
        return ShapeResult.of(Window.withSpatial(out, size));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long outPerGroup = out / groups;
        long taps = Window.product(Window.perDimension(kernel, input.rank() - 1));
        long inputPositions = Window.product(Window.spatial(input));
        long params = Math.addExact(Math.multiplyExact(Math.multiplyExact(input.dim(0), outPerGroup), taps),
                bias ? out : 0);
        // Every input element is scattered through every tap to out/g channels.
        long macs = Math.multiplyExact(Math.multiplyExact(input.dim(0), inputPositions),
                Math.multiplyExact(outPerGroup, taps));
        long flops = Math.addExact(Math.multiplyExact(2, macs), bias ? output.numel() : 0);
        return new Cost(params, 0, macs, flops);
    }

    /**
     * As a convolution's: the input's gradient is the convolution of the output's gradient, the
     * weight's the correlation of the two; each one product per product of the forward pass, and the
     * bias's one add per output element. It keeps its input whenever it runs backward, frozen or not: PyTorch's
     * {@code convolution_backward} names input, weight and bias in one formula, so autograd saves all
     * three (torch 1.13 keeps the input of a frozen convolution).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        return ProductGradients.ofProducts(forward, pass, bias ? output.numel() : 0, Saved.INPUT);
    }

    @Override
    public String displayName(Shape input) {
        return "ConvTranspose" + (input.rank() - 1) + "d";
    }
}
