package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @ZeroPad}: PyTorch's {@code nn.ZeroPad2d} and {@code F.pad(x, padding)} with zeros on a
 * channels-first map. The zeros are written, nothing is computed.
 *
 * @param padding one value for every side, or two per spatial dimension in PyTorch's order, the
 *                last dimension first: {@code (left, right, top, bottom, front, back)}
 */
public record ZeroPad(List<Integer> padding) implements Rearrangement {
    /** The sides of each dimension, in PyTorch's order: the last dimension's first. */
    private static final List<String> SIDES = List.of("left", "right", "top", "bottom", "front", "back");

    public ZeroPad {
        padding = List.copyOf(padding);
    }

    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.FEATURES);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsFirstMap("@ZeroPad", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        for (int p : padding) {
            if (p < 0) {
                faults.add(Message.PER_DIMENSION_BELOW_MINIMUM.on(Attr.PADDING, Attr.PADDING.javaName(),
                        Window.braces(padding), "padding", 0, p));
                break;
            }
        }
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        var rank = Window.requireSpatial("@ZeroPad", input);
        if (rank.isPresent()) {
            return ShapeResult.failed(rank.get());
        }
        int spatial = input.rank() - 1;
        if (padding.size() != 1 && padding.size() != 2 * spatial) {
            String written = padding.isEmpty() ? "{}" : Window.braces(padding);
            return ShapeResult.failed(Message.PAD_SIDES_NOT_MATCHING.on(Attr.PADDING, written, padding.size(),
                    spatial, 2 * spatial, "(" + String.join(", ", SIDES.subList(0, 2 * spatial)) + ")"));
        }
        long[] out = Window.spatial(input);
        for (int i = 0; i < spatial; i++) {
            // PyTorch pads the last dimension first: dimension i takes the pair spatial - 1 - i.
            int pair = spatial - 1 - i;
            long before = side(2 * pair);
            long after = side(2 * pair + 1);
            out[i] = Math.addExact(out[i], Math.addExact(before, after));
        }
        return ShapeResult.of(Window.withSpatial(input.dim(0), out));
    }

    private long side(int index) {
        return padding.size() == 1 ? padding.get(0) : padding.get(index);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    @Override
    public String displayName(Shape input) {
        return "ZeroPad" + (input.rank() - 1) + "d";
    }
}
