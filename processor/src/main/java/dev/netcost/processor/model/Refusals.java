package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * The refusals ({@link Computation#refuse}) that several ops share, said the same way for each:
 * an op of maps given tokens or a channels-last map, an op of tokens given a map or token ids.
 * An op whose fix is its own (a 1 x 1 convolution on tokens is a {@code @Linear}) says it itself.
 */
final class Refusals {
    private Refusals() {}

    /**
     * For an op that takes only a map with its channels first ({@code @MaxPool}): tokens need
     * {@code @ToMap}, the sequences {@code @Unfold} makes need {@code @Fold}, a channels-last map
     * {@code @ChannelsFirst}.
     */
    static Fault needsChannelsFirstMap(String annotation, Shape input, Layout layout) {
        return switch (layout) {
            case TOKENS -> input.rank() == 3
                    ? Message.MAP_NEEDED_NOT_SEQUENCES.onAnnotation(annotation, input, input.dim(0), input.dim(1))
                    : Message.MAP_NEEDED_NOT_TOKENS.onAnnotation(annotation, input, input.dim(0), input.dim(1));
            case CHANNELS_LAST -> Message.MAP_NEEDED_NOT_CHANNELS_LAST.onAnnotation(annotation, input,
                    ChannelsFirst.permute(input));
            case FEATURES -> throw new IllegalStateException(annotation + " takes a map with its channels first");
        };
    }

    /**
     * For an op that takes only a 2-d map with its channels last, {@code (H, W, C)}, as Swin's
     * ({@code @WindowAttention}): tokens have no height and width; a channels-first {@code (C, H, W)}
     * needs {@code @ChannelsLast}, with the map it would give; anything else is no such map.
     */
    static Fault needsChannelsLastMap(String annotation, Shape input, Layout layout) {
        return switch (layout) {
            case TOKENS -> Message.CHANNELS_LAST_NEEDED_NOT_TOKENS.onAnnotation(annotation, input);
            case FEATURES -> input.rank() == 3
                    ? Message.CHANNELS_LAST_NEEDED_NOT_FEATURE_MAP.onAnnotation(annotation, input,
                            ChannelsLast.permute(input))
                    : Message.CHANNELS_LAST_MAP_NEEDED.onAnnotation(annotation, input);
            case CHANNELS_LAST -> throw new IllegalStateException(annotation + " takes a map with its channels last");
        };
    }

    /**
     * For an op that takes only tokens ({@code @MultiHeadAttention}): token ids need an
     * {@code @Embedding}, a map (either way round) {@code @ToTokens}, with the tokens it would make.
     */
    static Fault needsTokens(String annotation, Shape input, Layout layout) {
        if (layout == Layout.TOKENS) {
            throw new IllegalStateException(annotation + " takes tokens");
        }
        if (input.rank() == 1) {
            return Message.TOKENS_NEEDED_NOT_IDS.onAnnotation(annotation, input);
        }
        long channels = layout.features(input);
        long positions = input.numel() / channels;
        return layout == Layout.CHANNELS_LAST
                ? Message.TOKENS_NEEDED_NOT_CHANNELS_LAST_MAP.onAnnotation(annotation, input, positions, channels)
                : Message.TOKENS_NEEDED_NOT_FEATURE_MAP.onAnnotation(annotation, input, positions, channels);
    }
}
