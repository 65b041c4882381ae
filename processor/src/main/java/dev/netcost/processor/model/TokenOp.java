package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Set;

/**
 * An op that takes only tokens: attention (self and cross), position and token-type embeddings, a
 * class token, a selected token. Tokens are {@code (T, E)}, or {@code (S, T, E)} for the S sequences that
 * {@code @Unfold} makes, each op working within each sequence. Any other input is a located error
 * with the fix ({@code @ToTokens}, or an {@code @Embedding} for token ids), said the same way for each.
 */
public sealed interface TokenOp extends Op
        permits Attention, CrossAttention, PositionEmbedding, TokenTypeEmbedding, ClassToken, SelectToken,
                RelativePositionBias {
    /** The annotation, as messages name it: {@code @MultiHeadAttention}. */
    String annotation();

    /** The output for tokens {@code (T, E)} or {@code (S, T, E)}, or what prevents it. */
    ShapeResult outputOfTokens(Shape tokens);

    @Override
    default Set<Layout> accepts() {
        return Set.of(Layout.TOKENS);
    }

    @Override
    default Fault refuse(Shape input, Layout layout) {
        return Refusals.needsTokens(annotation(), input, layout);
    }

    /** The tokens of a sequence {@code (T, E)}, or of each of the sequences {@code (S, T, E)}: T. */
    static long tokensPerSequence(Shape tokens) {
        return tokens.dim(tokens.rank() - 2);
    }

    /** How many sequences {@code tokens} holds: 1 for {@code (T, E)}, S for {@code (S, T, E)}. */
    static long sequences(Shape tokens) {
        return tokens.rank() == 3 ? tokens.dim(0) : 1;
    }

    /** As tokens: the walker gives a token op nothing else ({@link #accepts()}). */
    @Override
    default ShapeResult outputShape(Shape input) {
        return outputOfTokens(input);
    }
}
