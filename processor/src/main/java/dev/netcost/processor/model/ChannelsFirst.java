package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/** {@code @ChannelsFirst}: a channels-last {@code (H, W, C)} back to {@code (C, H, W)}, a permuted view. Free. */
public record ChannelsFirst() implements View {
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.CHANNELS_LAST);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return layout == Layout.TOKENS
                ? Message.CHANNELS_FIRST_ON_TOKENS.onAnnotation(input)
                : Message.CHANNELS_FIRST_ON_CHANNELS_FIRST.onAnnotation(input);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return ShapeResult.of(permute(input));
    }

    /**
     * A channels-last {@code (H, W, C)} with its channels first: {@code (C, H, W)}; the inverse of
     * {@link ChannelsLast#permute}.
     */
    static Shape permute(Shape channelsLast) {
        long[] dims = new long[channelsLast.rank()];
        dims[0] = channelsLast.dim(channelsLast.rank() - 1);
        for (int i = 0; i < channelsLast.rank() - 1; i++) {
            dims[i + 1] = channelsLast.dim(i);
        }
        return Shape.of(dims);
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.FEATURES;
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
