package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code @PatchMerging}: each 2 x 2 neighbourhood of a channels-last map joined into one position,
 * {@code (H, W, C)} to {@code (ceil(H / 2), ceil(W / 2), 4C)}, an odd size padded with zeros
 * first, as torchvision's {@code _patch_merging_pad}. Free: a pad, views and a concat. Its norm
 * and linear layer are layers of their own.
 */
public record PatchMerging() implements Rearrangement {
    /** A map with its channels last, {@code (H, W, C)}, as torchvision's Swin holds it. */
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.CHANNELS_LAST);
    }

    /** Tokens have no height and width; a channels-first map needs {@code @ChannelsLast}. */
    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsLastMap("@PatchMerging", input, layout);
    }

    /** As if the input were a channels-last map; for tests that need no layout. */
    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.CHANNELS_LAST);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        // The walker refused every other layout; a channels-last map of three spatial axes is no 2-d one.
        if (input.rank() != 3) {
            return ShapeResult.failed(Message.CHANNELS_LAST_MAP_NEEDED.onAnnotation("@PatchMerging", input));
        }
        // F.pad(x, (0, 0, 0, W % 2, 0, H % 2)), then x[..., 0::2, 0::2, :] and its three neighbours.
        return ShapeResult.of(Shape.of(half(input.dim(0)), half(input.dim(1)), Math.multiplyExact(4, input.dim(2))));
    }

    /** {@code ceil(n / 2)}, without overflow. */
    private static long half(long n) {
        return n / 2 + n % 2;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "PatchMerging";
    }
}
