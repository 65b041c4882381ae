package dev.netcost.processor.model;

import dev.netcost.Padding;
import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Conv}: convolution over 1, 2 or 3 spatial dimensions, padded by the sizes in
 * {@code padding} or, with {@code autoPad}, as PyTorch's {@code padding='same'} or {@code 'valid'}.
 */
public record Conv(int out, List<Integer> kernel, List<Integer> stride, List<Integer> padding,
        List<Integer> dilation, int groups, boolean bias, Padding autoPad) implements Op {
    public Conv {
        kernel = List.copyOf(kernel);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        dilation = List.copyOf(dilation);
    }

    /** A convolution padded by the sizes in {@code padding}. */
    public Conv(int out, List<Integer> kernel, List<Integer> stride, List<Integer> padding, List<Integer> dilation,
            int groups, boolean bias) {
        this(out, kernel, stride, padding, dilation, groups, bias, Padding.EXPLICIT);
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
        checkAutoPad(faults);
        return faults;
    }

    /**
     * Same or valid padding sets the padding itself, so sizes in {@code padding} contradict it; and
     * PyTorch refuses same padding with a stride. Each is said only of values that are otherwise in
     * range, which {@link Window#checkConvolutionSizes} reports. In a block whose stride comes from
     * {@code @With}, this runs for each set of values, so the fault is on the argument that gave it.
     */
    private void checkAutoPad(List<Fault> faults) {
        if (autoPad == Padding.EXPLICIT) {
            return;
        }
        if (allAtLeast(padding, 0) && anyAbove(padding, 0)) {
            faults.add(Message.AUTO_PAD_WITH_PADDING.on(Attr.PADDING, autoPad.name(), Window.braces(padding)));
        }
        if (autoPad == Padding.SAME && allAtLeast(stride, 1) && anyAbove(stride, 1)
                && !kernel.isEmpty() && allAtLeast(kernel, 1)
                && !dilation.isEmpty() && allAtLeast(dilation, 1)) {
            faults.add(Message.SAME_PADDING_WITH_STRIDE.on(Attr.STRIDE, Window.braces(stride), halfSpans()));
        }
    }

    /** Whether every value is at least {@code min}: true of none, as {@code allMatch} is. */
    private static boolean allAtLeast(List<Integer> values, int min) {
        for (int value : values) {
            if (value < min) {
                return false;
            }
        }
        return true;
    }

    /** Whether some value is above {@code bound}. */
    private static boolean anyAbove(List<Integer> values, int bound) {
        for (int value : values) {
            if (value > bound) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code dilation * (kernel - 1) / 2} per dimension as written, the explicit padding that keeps
     * {@code ceil(n / stride)} for an odd kernel: the fix the same-padding message suggests.
     */
    private String halfSpans() {
        int count = Math.max(kernel.size(), dilation.size());
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long k = kernel.get(Math.min(i, kernel.size() - 1));
            long d = dilation.get(Math.min(i, dilation.size() - 1));
            values.add(Long.toString(Math.multiplyExact(d, k - 1) / 2));
        }
        return values.size() == 1 ? values.get(0) : "{" + String.join(", ", values) + "}";
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@Conv", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkWindowArity(faults, input, kernel, stride, padding, dilation);
        var groupFault = Window.checkGroups(input.dim(0), groups, out);
        if (groupFault.isPresent()) {
            faults.add(groupFault.get());
        }
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        if (autoPad == Padding.SAME) {
            // PyTorch pads d(k-1) in all, so out = (n + d(k-1) - d(k-1) - 1) / 1 + 1 = n, whatever the kernel.
            return ShapeResult.of(Window.withSpatial(out, Window.spatial(input)));
        }
        return Window.slide(input, out, kernel, stride, explicitPadding(), dilation, false);
    }

    /** The padding on each side: the sizes written, or none for {@code Padding.VALID}. */
    private List<Integer> explicitPadding() {
        return autoPad == Padding.VALID ? List.of(0) : padding;
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

    /**
     * The input's gradient is the transposed convolution of the output's, the weight's the correlation
     * of input and output gradient: each one product per product of the forward pass; the bias's one add
     * per output element. It keeps its input whenever it runs backward, frozen or not: PyTorch's
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
        return "Conv" + (input.rank() - 1) + "d";
    }

    /**
     * The window this convolution slides over an input of {@code spatialRank} dimensions, with the
     * padding before the input: for same padding PyTorch's {@code total // 2} of {@code d(k-1)}, the
     * rest going after the input.
     */
    public SlidingWindow window(int spatialRank) {
        if (autoPad != Padding.SAME) {
            return SlidingWindow.of(kernel, stride, explicitPadding(), dilation, spatialRank);
        }
        long[] k = Window.perDimension(kernel, spatialRank);
        long[] d = Window.perDimension(dilation, spatialRank);
        long[] before = new long[spatialRank];
        for (int i = 0; i < spatialRank; i++) {
            before[i] = Math.multiplyExact(d[i], k[i] - 1) / 2;
        }
        return new SlidingWindow(k, Window.perDimension(stride, spatialRank), before, d);
    }
}
