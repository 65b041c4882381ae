package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The window shared by max and average pooling: its sizes, their checks, and the output shape.
 * Average pooling is this window with a dilation of 1. An empty {@code stride} means the kernel,
 * as in PyTorch.
 */
public record PoolWindow(List<Integer> kernel, List<Integer> stride, List<Integer> padding, List<Integer> dilation,
        boolean ceilMode) {
    public PoolWindow {
        kernel = List.copyOf(kernel);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        dilation = List.copyOf(dilation);
    }

    /** The window over an input of {@code spatialRank} dimensions, the stride in force included. */
    public SlidingWindow sliding(int spatialRank) {
        return SlidingWindow.of(kernel, effectiveStride(), padding, dilation, spatialRank);
    }

    /** The stride in force: the kernel when none is given. */
    public List<Integer> effectiveStride() {
        return stride.isEmpty() ? kernel : stride;
    }

    List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkValues(faults, Attr.KERNEL, kernel, 1, "kernel size");
        if (!stride.isEmpty()) {
            Window.checkValues(faults, Attr.STRIDE, stride, 1, "stride");
        }
        Window.checkValues(faults, Attr.PADDING, padding, 0, "padding");
        Window.checkValues(faults, Attr.DILATION, dilation, 1, "dilation");
        // Padding against the window needs no input when the sizes pair up by themselves: a
        // constant mistake in a block is then reported once, in the block, not at every use.
        int n = Math.max(kernel.size(), Math.max(padding.size(), dilation.size()));
        if (faults.isEmpty() && pairsUp(kernel, n) && pairsUp(padding, n) && pairsUp(dilation, n)) {
            long[] k = Window.perDimension(kernel, n);
            long[] p = Window.perDimension(padding, n);
            long[] d = Window.perDimension(dilation, n);
            for (int i = 0; i < n && faults.isEmpty(); i++) {
                var fault = Pooling.checkPadding(p[i], Window.dilatedKernel(k[i], d[i]), k[i], d[i]);
                if (fault.isPresent()) {
                    faults.add(fault.get());
                }
            }
        }
        return faults;
    }

    /** One value for every dimension, or one per dimension of {@code n}. */
    private static boolean pairsUp(List<Integer> values, int n) {
        return values.size() == 1 || values.size() == n;
    }

    ShapeResult outputShape(String annotation, Shape input) {
        var rank = Window.requireSpatial(annotation, input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkWindowArity(faults, input, kernel, effectiveStride(), padding, dilation);
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        int spatial = input.rank() - 1;
        long[] k = Window.perDimension(kernel, spatial);
        long[] p = Window.perDimension(padding, spatial);
        long[] d = Window.perDimension(dilation, spatial);
        for (int i = 0; i < spatial; i++) {
            var fault = Pooling.checkPadding(p[i], Window.dilatedKernel(k[i], d[i]), k[i], d[i]);
            if (fault.isPresent()) {
                return ShapeResult.failed(fault.get());
            }
        }
        return Window.slide(input, input.dim(0), kernel, effectiveStride(), padding, dilation, ceilMode);
    }

    /** Cells in one window: the kernel's product, whatever the dilation. */
    long taps(Shape input) {
        return Window.product(Window.perDimension(kernel, input.rank() - 1));
    }
}
