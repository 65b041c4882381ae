package dev.netcost.processor.model;

import dev.netcost.Shape;

/**
 * What a one-input layer computes. Each op is one record that knows everything about itself: its
 * attributes, the checks they need, its output shape, and its figures by
 * {@code shared/spec/cost-model.md}. The inference stage only walks the layers and asks.
 *
 * <p>The rules live on the records rather than in a separate rule table because Java 17 has
 * no pattern-matching {@code switch} over a sealed interface: a table would be an
 * {@code instanceof} ladder or a class-keyed map, and an op's knowledge would live in two places.
 */
public sealed interface Op extends Computation
        permits Conv, ConvTranspose, Linear, MaxPool, AvgPool, AdaptiveAvgPool, GlobalAvgPool, BatchNorm,
                Activation, Softmax, Dropout, Flatten, ChannelSplit, ChannelShuffle {

    /**
     * The output for one sample of {@code input}, or what prevents it. Called only when
     * {@link #validate()} found nothing.
     *
     * @throws ArithmeticException if a dimension does not fit a {@code long}
     */
    ShapeResult outputShape(Shape input);

    /**
     * The figures for one sample, given the shapes {@link #outputShape} accepted.
     *
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    Cost cost(Shape input, Shape output);

    /** What PyTorch calls this module for this input: {@code Conv2d}, {@code MaxPool1d}, {@code ReLU}. */
    String displayName(Shape input);
}
