package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @ChannelSplit}: slice {@code index} of {@code parts} equal slices of the channels. Free. */
public record ChannelSplit(int parts, int index) implements View {
    /**
     * A map with its channels first only. Tokens and a channels-last map have their features last,
     * which {@code @Chunk} splits.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return layout == Layout.CHANNELS_LAST
                ? Message.CHANNEL_SPLIT_ON_CHANNELS_LAST.onAnnotation(input, parts, index)
                : Message.CHANNEL_SPLIT_ON_TOKENS.onAnnotation(input, parts, index);
    }

    @Override
    public List<Fault> validate() {
        return EqualSlices.check(parts, index);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.dim(0) % parts != 0) {
            return ShapeResult.failed(Message.SPLIT_PARTS_NOT_DIVIDING_CHANNELS.on(Attr.PARTS, input.dim(0), parts));
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
