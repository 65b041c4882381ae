package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * {@code @Chunk}: slice {@code index} of {@code parts} equal slices of the last axis,
 * {@code x.chunk(parts, dim=-1)[index]}. Free.
 */
public record Chunk(int parts, int index) implements View {
    /** Per token: a slice of each token's features. */
    @Override
    public boolean perToken() {
        return true;
    }

    /**
     * Every layout, but of a map with its channels first only a vector ({@link #outputShape(Shape, Layout)}):
     * there the last axis is spatial, and {@code @ChannelSplit} splits the channels.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public List<Fault> validate() {
        return EqualSlices.check(parts, index);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        long last = input.dim(input.rank() - 1);
        if (last % parts != 0) {
            return ShapeResult.failed(Message.CHUNK_PARTS_NOT_DIVIDING_LAST_AXIS.on(Attr.PARTS, last, parts));
        }
        long[] dims = input.dims();
        dims[dims.length - 1] = last / parts;
        return ShapeResult.of(Shape.of(dims));
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (layout == Layout.FEATURES && input.rank() >= 2) {
            return ShapeResult.failed(Message.CHUNK_ON_CHANNELS_FIRST_MAP.onAnnotation(input,
                    input.dim(input.rank() - 1), input.dim(0), parts, index));
        }
        return outputShape(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "Chunk";
    }
}
