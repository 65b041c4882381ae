package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @ChannelSplit}: slice {@code index} of {@code parts} equal slices of the channels. Free. */
public record ChannelSplit(int parts, int index) implements Op {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        if (parts < 1) {
            faults.add(Fault.on(Attr.PARTS, ProblemKind.OUT_OF_RANGE, "parts = " + parts + " must be at least 1"));
        } else if (index < 0 || index >= parts) {
            faults.add(Fault.on(Attr.INDEX, ProblemKind.OUT_OF_RANGE, "index = " + index + " must be from 0 to "
                    + (parts - 1) + ", one of the " + parts + " parts"));
        }
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.dim(0) % parts != 0) {
            return ShapeResult.failed(Fault.on(Attr.PARTS, ProblemKind.CHANNELS, "the " + input.dim(0)
                    + " channels do not split into " + parts + " equal parts"));
        }
        long[] dims = input.dims();
        dims[0] = input.dim(0) / parts;
        return ShapeResult.of(Shape.of(dims));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "ChannelSplit";
    }
}
