package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * What the axes of a tensor mean, which its shape alone cannot tell: {@code (56, 56, 96)} may be
 * a map of 56 channels or a map of 96 channels laid out channels-last, and {@code (C, L)} a 1-d
 * map or a sequence of tokens {@code (T, E)}. The difference decides where a linear layer, a norm
 * and {@code in} find the features. The walker keeps a layout beside every tensor; every op states
 * which it accepts ({@link Computation#accepts()}) and refuses any other with a located error that
 * names the layer to put before it ({@link Computation#refuse}), so no op reads one axis as another.
 */
public enum Layout {
    /** Channels first, as PyTorch's modules hold a map: {@code (C)}, {@code (C, L)}, {@code (C, H, W)}, {@code (C, D, H, W)}. */
    FEATURES,
    /**
     * A map of rank 3 or more with its channels last, {@code (H, W, C)}: what {@code x.permute(0, 2, 3, 1)}
     * gives, on which ConvNeXt's and Swin's linear layers and norms work per position.
     */
    CHANNELS_LAST,
    /**
     * A sequence of tokens {@code (T, E)}, features last; or, of rank 3, {@code (S, T, E)}: S
     * independent sequences of T tokens each, as MobileViT's unfolding gives them
     * ({@code @Unfold}), which attention mixes only within each sequence.
     */
    TOKENS;

    /**
     * The size of the axis the features are on, what {@code in} names in {@code @With}: the
     * channels of a feature map, the last axis of a channels-last map, the width E of tokens.
     */
    public long features(Shape shape) {
        return this == FEATURES ? shape.dim(0) : shape.dim(shape.rank() - 1);
    }

    /**
     * The layout of a tensor of {@code shape} that an op would give as {@code layout}: only ranks
     * 2 and 3 have tokens, only rank 3 and more a channels-last map; anything else is channels first.
     */
    public static Layout of(Shape shape, Layout layout) {
        return layout.allows(shape.rank()) ? layout : FEATURES;
    }

    /**
     * Whether a tensor of {@code rank} can be in this layout: tokens have rank 2 or 3, a
     * channels-last map rank 3 or more, a channels-first one any rank.
     */
    public boolean allows(int rank) {
        return switch (this) {
            case TOKENS -> rank == 2 || rank == 3;
            case CHANNELS_LAST -> rank >= 3;
            case FEATURES -> true;
        };
    }

    /**
     * The layout in a word or two, as a merge's message names each input's: {@code channels first},
     * {@code channels last}, {@code tokens}.
     */
    public String words() {
        return switch (this) {
            case FEATURES -> "channels first";
            case CHANNELS_LAST -> "channels last";
            case TOKENS -> "tokens";
        };
    }
}
