package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;
import java.util.Optional;

/**
 * {@code @CosineSimilarity}: two vectors {@code (E)} compared as one logit {@code (1)}, CLIP's
 * {@code logit_scale.exp() * (x / norm(x)) . (y / norm(y))} for one image and one text. MACs
 * {@code 3E} (the dot product and the two squared norms); FLOPs {@code 2 * 3E}, the {@code 2E}
 * divisions that normalise both vectors, the two square roots, and with {@code logitScale} the
 * exponential of the scale and its product with the logit. One parameter with {@code logitScale}.
 */
public record CosineSimilarity(boolean logitScale) implements Merge {
    /**
     * Every layout, as every merge: a vector is channels first whatever made it (a selected token, a
     * flattened map), so the rank rule ({@link #ranksDiffer}) says all there is to say.
     */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    /**
     * Two inputs, each a vector. The walker asks this first, before the layouts and the shape, so the
     * count is checked here too: a merge of fewer than two is a declaration error already, and a third
     * vector would make no one similarity.
     */
    @Override
    public Optional<Fault> ranksDiffer(List<Shape> inputs, List<String> names) {
        if (inputs.size() != 2) {
            return Optional.of(Message.COSINE_SIMILARITY_NOT_TWO_INPUTS.on(Attr.FROM, inputs.size(),
                    Merge.describe(inputs, names)));
        }
        for (Shape input : inputs) {
            if (input.rank() != 1) {
                return Optional.of(Message.COSINE_SIMILARITY_NOT_VECTORS.on(Attr.FROM, Merge.describe(inputs, names)));
            }
        }
        return Optional.empty();
    }

    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        // The walker asked ranksDiffer first: two vectors.
        long first = inputs.get(0).dim(0);
        long second = inputs.get(1).dim(0);
        if (first != second) {
            return ShapeResult.failed(Message.COSINE_SIMILARITY_WIDTHS_DIFFER.on(Attr.FROM, names.get(0), first,
                    names.get(1), second));
        }
        return ShapeResult.of(Shape.of(1));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        long width = inputs.get(0).dim(0);
        // x . y, x . x and y . y: a multiply-accumulate per feature each.
        long macs = Math.multiplyExact(3L, width);
        // A multiply and an add per product; each vector divided by its norm; two square roots; and
        // the scale's exponential and its multiply, once for the one logit.
        long flops = Math.addExact(Math.addExact(Math.multiplyExact(2L, macs), Math.multiplyExact(2L, width)),
                logitScale ? 4 : 2);
        return new Cost(logitScale ? 1 : 0, 0, macs, flops);
    }

    /**
     * With CLIP's {@code logit_scale.exp() * u @ v}, {@code u = x / |x|}, {@code v = y / |y|}: the
     * dot product's gradients {@code g * v} and {@code g * s*u}, 2E MACs; each normalisation's
     * {@code dx = (du - (du . u) u) / |x|}, a dot product (E MACs) and 3 FLOPs per element; with
     * {@code logitScale}, the scale's product with u, 1 per element: {@code 4E} MACs and
     * {@code 2 * 4E + 6E (+ E)} FLOPs. The scale's gradient is {@code g * logit}, 1 FLOP. It keeps, as
     * torch 1.13 saves for CLIP's expression, both inputs, u, v and their norms, and with the scale
     * {@code s*u} and {@code exp(s)}: {@code 3E + 3} elements ({@code 2E + 2} without); only the
     * scale trained, u, v and {@code exp(s)}, {@code 2E + 1}.
     */
    @Override
    public Backprop backprop(List<Shape> inputs, Shape output, Cost forward, BackwardPass pass) {
        long e = inputs.get(0).dim(0);
        long macs = Math.multiplyExact(4, e);
        Work toInput = Work.products(macs).plus(Work.flops(Math.multiplyExact(logitScale ? 7 : 6, e)));
        Work toWeights = logitScale ? Work.flops(1) : Work.NONE;
        Saved saved = pass.inputGradient()
                ? new Saved(true, false, logitScale ? Math.addExact(Math.multiplyExact(3, e), 3)
                        : Math.addExact(Math.multiplyExact(2, e), 2), 0)
                : new Saved(false, false, Math.addExact(Math.multiplyExact(2, e), 1), 0);
        return ProductGradients.of(forward.flops(), pass, toInput, Work.NONE, toWeights, saved);
    }

    @Override
    public String displayName() {
        return "CosineSimilarity";
    }
}
