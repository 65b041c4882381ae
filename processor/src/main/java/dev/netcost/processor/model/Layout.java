package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * What the axes of a tensor of rank 2 mean: a feature map {@code (C, L)}, channels first, or a
 * sequence of tokens {@code (T, E)}, features last. The shape alone cannot tell them apart, and
 * the difference decides where a linear layer, a norm and {@code in} find the features.
 */
public enum Layout {
    FEATURES,
    TOKENS;

    /**
     * The size of the axis the features are on, what {@code in} names in {@code @With}: the
     * channels of a feature map, the width E of tokens.
     */
    public long features(Shape shape) {
        return this == TOKENS ? shape.dim(shape.rank() - 1) : shape.dim(0);
    }

    /** The layout of a tensor of {@code shape} that an op would give as {@code layout}: only rank 2 has tokens. */
    public static Layout of(Shape shape, Layout layout) {
        return shape.rank() == 2 ? layout : FEATURES;
    }
}
