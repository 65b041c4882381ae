package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Fold}: MobileViT's folding of the P sequences of N tokens that {@code @Unfold} makes,
 * {@code (P, N, E)}, back into a map with its channels first, {@code (E, size...)}. The patch holds
 * P positions, and the size N patches of it. Free.
 */
public record Fold(List<Integer> patch, List<Integer> size) implements Rearrangement {
    public Fold {
        patch = List.copyOf(patch);
        size = List.copyOf(size);
    }

    /** Tokens only, of rank 3 ({@link #outputShape(Shape, Layout)}): one sequence is made a map by {@code @ToMap}. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.TOKENS);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Message.FOLD_NOT_ON_TOKENS.onAnnotation(input);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkValues(faults, Attr.PATCH, patch, 1, "patch size");
        Window.checkValues(faults, Attr.SIZE, size, 1, "size");
        if (faults.isEmpty() && patch.size() != 1 && patch.size() != size.size()) {
            faults.add(Message.FOLD_PATCH_NOT_MATCHING_SIZE.on(Attr.PATCH, Window.braces(patch), patch.size(),
                    Window.braces(size), size.size()));
        }
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.TOKENS);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (input.rank() == 2) {
            return ShapeResult.failed(Message.FOLD_ON_ONE_SEQUENCE.onAnnotation(input));
        }
        int spatial = size.size();
        long[] p = Window.perDimension(patch, spatial);
        long[] n = Window.perDimension(size, spatial);
        long positions = Window.product(p);
        if (positions != input.dim(0)) {
            return ShapeResult.failed(Message.FOLD_PATCH_NOT_SEQUENCES.on(Attr.PATCH, Window.braces(patch), positions,
                    input.dim(0)));
        }
        long patches = 1;
        for (int i = 0; i < spatial; i++) {
            if (n[i] % p[i] != 0) {
                return ShapeResult.failed(Message.FOLD_SIZE_NOT_DIVIDING.on(Attr.SIZE, Window.dimensionName(spatial, i),
                        n[i], Window.braces(size), p[i]));
            }
            patches = Math.multiplyExact(patches, n[i] / p[i]);
        }
        if (patches != input.dim(1)) {
            return ShapeResult.failed(Message.FOLD_SIZE_NOT_TOKENS.on(Attr.SIZE, Window.braces(size), patches,
                    Window.braces(patch), input.dim(1)));
        }
        return ShapeResult.of(Window.withSpatial(input.dim(2), n));
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.FEATURES;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "Fold";
    }
}
