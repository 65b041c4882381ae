package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;

/**
 * The tensor a layer names besides its input ({@link TensorName}): by {@code like}
 * ({@code @Upsample(like = "input")}), whose spatial size it takes and never its elements, or by
 * {@code memory} ({@code @CrossAttention}), which it reads. One sample's shape, its layout, and who
 * made it ({@code input}, or a layer's path), for messages.
 */
public record SideTensor(Shape shape, Layout layout, String producer) {
    /**
     * Why this tensor's spatial size cannot be taken for {@code input}: it is tokens, or has not as
     * many spatial dimensions; empty when it can.
     */
    public Optional<Fault> unfitFor(Shape input) {
        if (layout != Layout.FEATURES) {
            String what = layout == Layout.TOKENS ? "tokens (T, E)" : "a channels-last map (H, W, C)";
            return Optional.of(Message.LIKE_NOT_A_FEATURE_MAP.on(Attr.LIKE, producer, shape, what));
        }
        if (shape.rank() != input.rank()) {
            return Optional.of(Message.LIKE_OF_OTHER_RANK.on(Attr.LIKE, producer, shape, shape.rank() - 1,
                    input.rank() - 1));
        }
        return Optional.empty();
    }

    /** The spatial size: every dimension after the channels. */
    public long[] spatial() {
        return Window.spatial(shape);
    }
}
