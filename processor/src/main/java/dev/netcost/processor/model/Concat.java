package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @Concat}: tensors joined on the channel axis; every other dimension must agree. Free. */
public record Concat() implements Merge {
    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        Shape first = inputs.get(0);
        long channels = 0;
        for (Shape shape : inputs) {
            boolean agrees = shape.rank() == first.rank();
            for (int i = 1; agrees && i < shape.rank(); i++) {
                agrees = shape.dim(i) == first.dim(i);
            }
            if (!agrees) {
                return ShapeResult.failed(Message.CONCAT_SIZES_DIFFER.on(Attr.FROM, Merge.describe(inputs, names)));
            }
            channels = Math.addExact(channels, shape.dim(0));
        }
        long[] dims = first.dims();
        dims[0] = channels;
        return ShapeResult.of(Shape.of(dims));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName() {
        return "Concat";
    }
}
