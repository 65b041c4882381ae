package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @ChannelShuffle}: a reshape and transpose of the channels; shape unchanged, free. */
public record ChannelShuffle(int groups) implements Rearrangement {
    /**
     * A map with its channels first only: on tokens or a channels-last map it would read another
     * axis as the channels.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@ChannelShuffle", input, layout);
    }

    @Override
    public List<Fault> validate() {
        if (groups < 1) {
            return List.of(Message.BELOW_MINIMUM.on(Attr.GROUPS, Attr.GROUPS.javaName(), groups, 1));
        }
        return List.of();
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        // PyTorch's channel_shuffle "expects input with > 2 dims": a map, never a vector.
        var spatial = Window.requireSpatial("@ChannelShuffle", input);
        if (spatial.isPresent()) {
            return ShapeResult.failed(spatial.get());
        }
        if (input.dim(0) % groups != 0) {
            return ShapeResult.failed(Message.SHUFFLE_GROUPS_NOT_DIVIDING_CHANNELS.on(Attr.GROUPS, groups, input.dim(0)));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "ChannelShuffle";
    }
}
