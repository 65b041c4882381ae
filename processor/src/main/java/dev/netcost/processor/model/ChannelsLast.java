package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/** {@code @ChannelsLast}: {@code (C, H, W)} to {@code (H, W, C)}, a permuted view. Free. */
public record ChannelsLast() implements View {
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return layout == Layout.TOKENS
                ? Message.CHANNELS_LAST_ON_TOKENS.onAnnotation(input)
                : Message.CHANNELS_LAST_ON_CHANNELS_LAST.onAnnotation(input);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.rank() == 2) {
            return ShapeResult.failed(Message.CHANNELS_LAST_ON_SEQUENCE.onAnnotation(input, input.dim(1),
                    input.dim(0)));
        }
        if (input.rank() < 2) {
            return ShapeResult.failed(Message.CHANNELS_LAST_ON_VECTOR.onAnnotation(input));
        }
        return ShapeResult.of(permute(input));
    }

    /**
     * A channels-first {@code (C, H, W)} with its channels last: {@code (H, W, C)}; the inverse of
     * {@link ChannelsFirst#permute}.
     */
    static Shape permute(Shape channelsFirst) {
        long[] dims = new long[channelsFirst.rank()];
        for (int i = 1; i < channelsFirst.rank(); i++) {
            dims[i - 1] = channelsFirst.dim(i);
        }
        dims[channelsFirst.rank() - 1] = channelsFirst.dim(0);
        return Shape.of(dims);
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.CHANNELS_LAST;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "Permute";
    }
}
