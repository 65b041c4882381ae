package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Unfold}: MobileViT's unfolding of a map with its channels first into patches,
 * {@code (C, H, W)} to {@code (P, N, C)}: P = the positions of a patch, N = the patches. The
 * result is P sequences of N tokens ({@link Layout#TOKENS} of rank 3), as MobileViT's
 * {@code (B*P, N, C)}, so that attention after it works within each. Free.
 */
public record Unfold(List<Integer> patch) implements Rearrangement {
    public Unfold {
        patch = List.copyOf(patch);
    }

    /** A map with its channels first only: its patches are cut from the spatial axes. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@Unfold", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkValues(faults, Attr.PATCH, patch, 1, "patch size");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@Unfold", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        List<Fault> faults = new ArrayList<>();
        Window.checkArity(faults, Attr.PATCH, patch, input);
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        int spatial = input.rank() - 1;
        long[] n = Window.spatial(input);
        long[] p = Window.perDimension(patch, spatial);
        for (int i = 0; i < spatial; i++) {
            if (n[i] % p[i] != 0) {
                return ShapeResult.failed(Message.UNFOLD_PATCH_NOT_DIVIDING.on(Attr.PATCH,
                        Window.dimensionName(spatial, i), n[i], p[i]));
            }
        }
        long positions = Window.product(p);
        return ShapeResult.of(Shape.of(positions, input.numel() / input.dim(0) / positions, input.dim(0)));
    }

    @Override
    public Layout outputLayout(Layout input) {
        return Layout.TOKENS;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "Unfold";
    }
}
