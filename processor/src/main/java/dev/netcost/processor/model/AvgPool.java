package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @AvgPool}. An empty {@code stride} means the kernel, as in PyTorch. */
public record AvgPool(List<Integer> kernel, List<Integer> stride, List<Integer> padding, boolean ceilMode)
        implements Op {
    private static final List<Integer> NO_DILATION = List.of(1);

    public AvgPool {
        kernel = List.copyOf(kernel);
        stride = List.copyOf(stride);
        padding = List.copyOf(padding);
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
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@AvgPool", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkArity(faults, Attr.KERNEL, kernel, input);
        Window.checkArity(faults, Attr.STRIDE, effectiveStride(), input);
        Window.checkArity(faults, Attr.PADDING, padding, input);
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        int spatial = input.rank() - 1;
        long[] k = Window.perDimension(kernel, spatial);
        long[] p = Window.perDimension(padding, spatial);
        for (int i = 0; i < spatial; i++) {
            var fault = Pooling.checkPadding(p[i], k[i], k[i], 1);
            if (fault.isPresent()) {
                return ShapeResult.failed(fault.get());
            }
        }
        return Window.slide(input, input.dim(0), kernel, effectiveStride(), padding, NO_DILATION, ceilMode);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long taps = Window.product(Window.perDimension(kernel, input.rank() - 1));
        // taps - 1 adds and one divide per output element.
        return Cost.flopsOnly(Math.multiplyExact(taps, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        return "AvgPool" + (input.rank() - 1) + "d";
    }
}
