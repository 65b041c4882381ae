package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code @LayerNorm2d}: torchvision's {@code LayerNorm2d}, a layer norm over the C channels of a
 * channels-first map at each of its positions; scale and, with bias, shift learnable per channel.
 * PyTorch permutes the map channels-last, normalises the last axis and permutes it back, so the
 * figures are those of a layer norm over C on every position.
 */
public record LayerNorm2d(boolean affine, boolean bias) implements Op {
    /** A norm with a learned scale, and with {@code bias} a learned shift. */
    public LayerNorm2d(boolean bias) {
        this(true, bias);
    }

    /** A channels-first map; anything else keeps its features last, where {@code @LayerNorm} works. */
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.FEATURES);
    }

    /** Tokens and a channels-last map have their features last: {@code @LayerNorm} is the norm for them. */
    @Override
    public Fault refuse(Shape input, Layout layout) {
        return layout == Layout.TOKENS ? Message.LAYER_NORM_2D_ON_TOKENS.onAnnotation(input)
                : Message.LAYER_NORM_2D_ON_CHANNELS_LAST.onAnnotation(input);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (input.rank() < 2) {
            return ShapeResult.failed(Message.LAYER_NORM_2D_ON_VECTOR.onAnnotation(input));
        }
        if (input.rank() != 3) {
            // torchvision's LayerNorm2d permutes (N, C, H, W) to (N, H, W, C): no other rank runs.
            return ShapeResult.failed(Message.LAYER_NORM_2D_NOT_TWO_DIMENSIONAL.onAnnotation(input));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long channels = input.dim(0);
        // Per position as @LayerNorm over C: mean, subtract, variance, divide, scale and shift, five
        // per element, by the cost model.
        return new Cost(affine ? Math.multiplyExact(channels, bias ? 2 : 1) : 0, 0, 0, Math.multiplyExact(5, output.numel()));
    }

    /**
     * torchvision's permute, layer norm and permute back: layer norm's backward over C at every
     * position. Keeps its (permuted) input, and {@code mean} and {@code rstd}, float32, one each per
     * position.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        return LayerNorm.backprop(output.numel(), input.dim(0), affine, bias, forward, pass);
    }

    @Override
    public String displayName(Shape input) {
        return "LayerNorm2d";
    }
}
