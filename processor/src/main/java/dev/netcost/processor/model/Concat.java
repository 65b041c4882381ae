package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * {@code @Concat}: tensors joined on one axis, every other dimension equal. Free. The axis is the
 * one the layout grows on: a map's channels (the first axis channels first, the last channels
 * last), a sequence's tokens (T of {@code (T, E)} and of {@code (S, T, E)}).
 */
public record Concat() implements Merge {
    /**
     * Every layout, joining on the axis that layout grows on: a map's channels (the first axis
     * channels first, the last channels last, as Swin's {@code torch.cat(..., -1)}), the tokens of
     * a sequence.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    /** As on a map with its channels first. */
    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        return outputShape(inputs, names, Layout.FEATURES);
    }

    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names, Layout layout) {
        Shape first = inputs.get(0);
        // The inputs share the layout; one of another rank is the error below.
        int axis = Math.max(0, switch (layout) {
            case FEATURES -> 0;
            case CHANNELS_LAST -> first.rank() - 1;
            case TOKENS -> first.rank() - 2;
        });
        for (Shape shape : inputs) {
            boolean agrees = shape.rank() == first.rank();
            for (int i = 0; agrees && i < shape.rank(); i++) {
                agrees = i == axis || shape.dim(i) == first.dim(i);
            }
            if (!agrees) {
                Message message = switch (layout) {
                    case FEATURES -> Message.CONCAT_SIZES_DIFFER;
                    case CHANNELS_LAST -> Message.CONCAT_CHANNELS_LAST_SIZES_DIFFER;
                    case TOKENS -> Message.CONCAT_TOKEN_WIDTHS_DIFFER;
                };
                return ShapeResult.failed(message.on(Attr.FROM, Merge.describe(inputs, names)));
            }
        }
        long joined = 0;
        for (Shape shape : inputs) {
            joined = Math.addExact(joined, shape.dim(axis));
        }
        long[] dims = first.dims();
        dims[axis] = joined;
        return ShapeResult.of(Shape.of(dims));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.ZERO;
    }

    /** Each input's gradient is a slice of the output's: nothing computed, nothing kept but sizes. */
    @Override
    public Backprop backprop(List<Shape> inputs, Shape output, Cost forward, BackwardPass pass) {
        return Backprop.passThrough(forward.flops());
    }

    @Override
    public String displayName() {
        return "Concat";
    }
}
