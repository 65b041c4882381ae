package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/** {@code @ChannelsLast}: {@code (C, H, W)} to {@code (H, W, C)}, a permuted view. Free. */
public record ChannelsLast() implements Op {
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.FEATURES);
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
        long[] dims = new long[input.rank()];
        for (int i = 1; i < input.rank(); i++) {
            dims[i - 1] = input.dim(i);
        }
        dims[input.rank() - 1] = input.dim(0);
        return ShapeResult.of(Shape.of(dims));
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
