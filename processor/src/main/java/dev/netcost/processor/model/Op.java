package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

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
                Activation, Softmax, Dropout, Embedding, LayerNorm, RmsNorm, TokenOp, Rearrangement,
                StochasticDepth, Upsample, GroupNorm, InstanceNorm, PRelu, WindowAttention,
                LayerNorm2d, LayerScale, UserOp, Router, Recurrent {

    /** No checks: for the ops without attributes to check. */
    @Override
    default List<Fault> validate() {
        return List.of();
    }

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

    /**
     * As {@link #cost(Shape, Shape)}, knowing the input's layout: an op whose parameters lie along
     * the channels ({@code @LayerScale}) finds them first in a channels-first map but last in a
     * channels-last one, which the shape alone cannot tell apart, and an op you declare names the
     * input's dimensions by it ({@code C}). The walker calls this one.
     *
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    default Cost cost(Shape input, Shape output, Layout layout) {
        return cost(input, output);
    }

    /**
     * As {@link #cost(Shape, Shape, Layout)}, for a layer that names a further tensor
     * ({@code @CrossAttention(memory = "encoded")}): an op that reads it computes with it; an op that
     * takes only its size ({@code like}) leaves this to the three-argument form.
     *
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    default Cost cost(Shape input, Shape output, Layout layout, SideTensor side) {
        return cost(input, output, layout);
    }

    /**
     * As {@link #outputShape(Shape)}, knowing whether the input is a feature map or tokens: the
     * ops of sequences take only tokens, and a linear layer works per token but not per channel.
     */
    default ShapeResult outputShape(Shape input, Layout layout) {
        return outputShape(input);
    }

    /**
     * As {@link #outputShape(Shape, Layout)}, for a layer that names a further tensor by
     * {@code like} ({@code @Upsample(like = "input")}), whose spatial size it takes. The walker calls
     * this form exactly when the layer names one, which only the ops with a {@code like} attribute do.
     */
    default ShapeResult outputShape(Shape input, Layout layout, SideTensor like) {
        throw new IllegalStateException(getClass().getSimpleName() + " names no tensor besides its input");
    }

    /** Whether the output is tokens, for an output of rank 2; any other rank is a feature map. */
    default Layout outputLayout(Layout input) {
        return input;
    }

    /**
     * The shape of the weight as PyTorch stores it, for {@code @Tied}: an embedding's
     * {@code (vocab, dim)}, a linear layer's {@code (out, in)}; empty for an op that has none to share.
     */
    default java.util.Optional<Shape> weightShape(Shape input) {
        return java.util.Optional.empty();
    }

    /**
     * The MACs of one new token of one sequence in a decoder that keeps a KV cache, given the
     * layer's figures (only whether it has MACs matters here); empty for an op that has MACs but
     * no per-token form (a convolution).
     */
    default java.util.Optional<DecodeCost> decodeCost(Shape input, Cost cost) {
        return cost.macs() == 0 ? java.util.Optional.of(DecodeCost.ZERO) : java.util.Optional.empty();
    }

    /**
     * As {@link #decodeCost(Shape, Cost)}, for a layer that names a further tensor: cross-attention
     * attends each new token to the encoder's output, whose keys and values were computed once.
     */
    default java.util.Optional<DecodeCost> decodeCost(Shape input, Cost cost, SideTensor side) {
        return decodeCost(input, cost);
    }

    /**
     * The parameter and buffer elements one forward pass of {@code batch} samples reads: all of
     * them, read once, for every op but a lookup.
     */
    default long parametersRead(Shape input, Cost cost, long batch) {
        return Math.addExact(cost.params(), cost.buffers());
    }

    /**
     * The activation elements one sample reads and writes, apart from parameters and buffers: its
     * input read and its output written, as the cost model's memory rule says, unless an op you
     * declare states otherwise.
     */
    default long activationsMoved(Shape input, Shape output, Layout layout) {
        return Math.addExact(input.numel(), output.numel());
    }

    /**
     * As {@link #activationsMoved(Shape, Shape, Layout)}, for a layer that names a further tensor:
     * a tensor named for its size only ({@code like}) is not read, so by default it is not counted;
     * an op that reads it ({@code memory}) adds it.
     */
    default long activationsMoved(Shape input, Shape output, Layout layout, SideTensor side) {
        return activationsMoved(input, output, layout);
    }

    /**
     * Its part in a training step for one sample, by the cost model's section "Training": its
     * forward FLOPs in training, the work of its input's and its weights' gradients, and what it
     * keeps for backward, each as {@code pass} asks.
     *
     * @param side    the tensor it names besides its input ({@code memory}, {@code like}), if any
     * @param forward its inference figures for one sample, as {@link #cost} gives them
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    default Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no training rule");
    }

    /** What PyTorch calls this module for this input: {@code Conv2d}, {@code MaxPool1d}, {@code ReLU}. */
    String displayName(Shape input);
}
