package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @MaxPool}. An empty {@code stride} means the kernel, as in PyTorch. */
public record MaxPool(List<Integer> kernel, List<Integer> stride, List<Integer> padding, List<Integer> dilation,
        boolean ceilMode) implements Op {
    public MaxPool {
        kernel = List.copyOf(kernel);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
        dilation = List.copyOf(dilation);
    }

    /** The stride in force: the kernel when none is given. */
    public List<Integer> effectiveStride() {
        return stride.isEmpty() ? kernel : stride;
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkValues(faults, Attr.KERNEL, kernel, 1, "kernel size");
        if (!stride.isEmpty()) {
            Window.checkValues(faults, Attr.STRIDE, stride, 1, "stride");
        }
        Window.checkValues(faults, Attr.PADDING, padding, 0, "padding");
        Window.checkValues(faults, Attr.DILATION, dilation, 1, "dilation");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@MaxPool", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkArity(faults, Attr.KERNEL, kernel, input);
        Window.checkArity(faults, Attr.STRIDE, effectiveStride(), input);
        Window.checkArity(faults, Attr.PADDING, padding, input);
        Window.checkArity(faults, Attr.DILATION, dilation, input);
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        int spatial = input.rank() - 1;
        long[] k = Window.perDimension(kernel, spatial);
        long[] p = Window.perDimension(padding, spatial);
        long[] d = Window.perDimension(dilation, spatial);
        for (int i = 0; i < spatial; i++) {
            long effective = Math.addExact(Math.multiplyExact(d[i], k[i] - 1), 1);
            var fault = Pooling.checkPadding(p[i], effective, k[i], d[i]);
            if (fault.isPresent()) {
                return ShapeResult.failed(fault.get());
            }
        }
        return Window.slide(input, input.dim(0), kernel, effectiveStride(), padding, dilation, ceilMode);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long taps = Window.product(Window.perDimension(kernel, input.rank() - 1));
        // taps - 1 comparisons per output element.
        return Cost.flopsOnly(Math.multiplyExact(taps - 1, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "MaxPool" + (input.rank() - 1) + "d";
    }
}
