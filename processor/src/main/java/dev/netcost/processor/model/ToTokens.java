package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * {@code @ToTokens}: a feature map as one token per position, {@code (positions, C)}: {@code (C, H, W)}
 * to {@code (H*W, C)} (a reshape and a transpose), a channels-last {@code (H, W, C)} to {@code (H*W, C)}
 * (a reshape, Swin's {@code x.flatten(1, 2)}). Free.
 */
public record ToTokens() implements View {
    /** A map either way round; tokens are tokens already. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.FEATURES, Layout.CHANNELS_LAST);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Message.TO_TOKENS_ON_TOKENS.onAnnotation(input);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.FEATURES);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (input.rank() < 2) {
            return ShapeResult.failed(Message.TO_TOKENS_ON_VECTOR.onAnnotation(input));
        }
        long channels = layout.features(input);
        return ShapeResult.of(Shape.of(input.numel() / channels, channels));
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.TOKENS;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "ToTokens";
    }
}
