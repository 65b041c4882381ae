package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/** {@code @ChannelsFirst}: a channels-last {@code (H, W, C)} back to {@code (C, H, W)}, a permuted view. Free. */
public record ChannelsFirst() implements Op {
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.CHANNELS_LAST);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        long[] dims = new long[input.rank()];
        dims[0] = input.dim(input.rank() - 1);
        for (int i = 0; i < input.rank() - 1; i++) {
            dims[i + 1] = input.dim(i);
        }
        return ShapeResult.of(Shape.of(dims));
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
