package dev.netcost.processor.model;

import dev.netcost.Shape;

/** {@code @BatchNorm} over the channel axis: scale and shift learnable, mean and variance buffers. */
public record BatchNorm() implements Op {
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
        if (layout == Layout.TOKENS && input.rank() == 2) {
            return Message.BATCH_NORM_ON_TOKENS.onAnnotation(input, input.dim(0), input.dim(1));
        }
        return Refusals.needsChannelsFirstMap("@BatchNorm", input, layout);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.rank() > Window.MAX_SPATIAL + 1) {
            return ShapeResult.failed(Message.BATCH_NORM_INPUT_RANK.onAnnotation());
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long channels = input.dim(0);
        long perChannel = Math.multiplyExact(2, channels);
        // Inference: one scale and one shift per element.
        return new Cost(perChannel, perChannel, 0, Math.multiplyExact(2, output.numel()));
    }

    @Override
    public String displayName(Shape input) {
        // PyTorch's BatchNorm1d takes (N, C) and (N, C, L).
        return "BatchNorm" + Math.max(1, input.rank() - 1) + "d";
    }
}
