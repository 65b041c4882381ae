package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;

/**
 * An op that takes only tokens {@code (T, E)}: attention, position and token-type embeddings, a
 * class token, a selected token. Any other input is a located error with the fix
 * ({@code @ToTokens}, or an {@code @Embedding} for token ids), said the same way for each.
 */
public sealed interface TokenOp extends Op
        permits Attention, PositionEmbedding, TokenTypeEmbedding, ClassToken, SelectToken {
    /** The annotation, as messages name it: {@code @MultiHeadAttention}. */
    String annotation();

    /** The output for tokens {@code (T, E)}, or what prevents it. */
    ShapeResult outputOfTokens(Shape tokens);

    /** As if the input were tokens; for tests that need no layout. */
    @Override
    default ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.TOKENS);
    }

    @Override
    default ShapeResult outputShape(Shape input, Layout layout) {
        Optional<Fault> notTokens = requireTokens(annotation(), input, layout);
        return notTokens.isPresent() ? ShapeResult.failed(notTokens.get()) : outputOfTokens(input);
    }

    /** Empty when {@code input} is tokens; else the fault, with the layer that would make tokens of it. */
    private static Optional<Fault> requireTokens(String annotation, Shape input, Layout layout) {
        if (input.rank() == 2 && layout == Layout.TOKENS) {
            return Optional.empty();
        }
        if (input.rank() == 1) {
            return Optional.of(Message.TOKENS_NEEDED_NOT_IDS.onAnnotation(annotation, input));
        }
        long positions = input.numel() / input.dim(0);
        return Optional.of(Message.TOKENS_NEEDED_NOT_FEATURE_MAP.onAnnotation(annotation, input, positions,
                input.dim(0)));
    }
}
