package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;

/**
 * The one input Swin's windowed ops take: a 2-d map with its channels last, {@code (H, W, C)}.
 * Any other input is a located error with its fix, said the same way for each op.
 */
final class ChannelsLastMap {
    private ChannelsLastMap() {}

    /** Empty when {@code input} is a channels-last map {@code (H, W, C)}; else the fault, with the fix. */
    static Optional<Fault> require(String annotation, Shape input, Layout layout) {
        if (layout == Layout.CHANNELS_LAST && input.rank() == 3) {
            return Optional.empty();
        }
        if (layout == Layout.TOKENS) {
            return Optional.of(Message.CHANNELS_LAST_NEEDED_NOT_TOKENS.onAnnotation(annotation, input));
        }
        if (layout == Layout.FEATURES && input.rank() == 3) {
            return Optional.of(Message.CHANNELS_LAST_NEEDED_NOT_FEATURE_MAP.onAnnotation(annotation, input,
                    ChannelsLast.permute(input)));
        }
        return Optional.of(Message.CHANNELS_LAST_MAP_NEEDED.onAnnotation(annotation, input));
    }
}
