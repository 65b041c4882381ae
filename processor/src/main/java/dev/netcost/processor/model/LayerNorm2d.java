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
        long n = output.numel();
        boolean weighted = affine && pass.weightGradient();
        // xhat = (x - mean) * rstd again 2, dgamma = sum(dy * xhat) 2, dbeta = sum(dy) 1 with a bias.
        Work weights = weighted ? Work.flops(Math.multiplyExact(bias ? 5 : 4, n)) : Work.NONE;
        Work toInput = Work.NONE;
        if (pass.inputGradient()) {
            // g = dy * gamma 1 (with a scale), sum(g) 1, sum(g * xhat) 2, then
            // rstd * (g - sum(g) / E - xhat * sum(g * xhat) / E) 4; xhat 2 when the weights did not compute it.
            toInput = Work.flops(Math.multiplyExact((affine ? 8 : 7) + (weighted ? 0 : 2), n));
        }
        // Its input, and the mean and rstd, float32, one each per position.
        Saved saved = pass.any() ? new Saved(true, false, 0, Math.multiplyExact(8, n / input.dim(0))) : Saved.NOTHING;
        return new Backprop(forward.flops(), toInput, weights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "LayerNorm2d";
    }
}
