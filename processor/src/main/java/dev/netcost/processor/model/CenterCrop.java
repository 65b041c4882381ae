package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @CenterCrop}: a channels-first map cropped to the spatial size of the tensor {@code like}
 * names, as the original U-Net crops each skip connection to the up-sampled map it joins. The
 * channels are kept; the window starts at {@code floor((n - m) / 2)} in each dimension, as the
 * U-Net reference implementations crop (no figure depends on where). Free: a slice.
 *
 * @param like the tensor whose spatial size to crop to
 */
public record CenterCrop(String like) implements View {
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@CenterCrop", input, layout);
    }

    @Override
    public List<Fault> validate() {
        return like.isEmpty() ? List.of(Message.CROP_NAMES_NOTHING.on(Attr.LIKE)) : List.of();
    }

    /** Never called: a crop always names the tensor whose size it takes, which {@link #validate()} checks. */
    @Override
    public ShapeResult outputShape(Shape input) {
        throw new IllegalStateException("@CenterCrop takes the size of the tensor like names");
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout, SideTensor target) {
        var rank = Window.requireSpatial("@CenterCrop", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        var unfit = target.unfitFor(input);
        if (unfit.isPresent()) {
            return ShapeResult.failed(unfit.get());
        }
        long[] n = Window.spatial(input);
        long[] m = target.spatial();
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            if (m[i] > n[i]) {
                faults.add(Message.CROP_LARGER_THAN_INPUT.on(Attr.LIKE, target.producer(), target.shape(),
                        Window.dimensionName(n.length, i), m[i], n[i]));
                break;
            }
        }
        if (!faults.isEmpty()) {
            return ShapeResult.failed(faults);
        }
        return ShapeResult.of(Window.withSpatial(input.dim(0), m));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "CenterCrop";
    }
}
