package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @ToMap}: tokens {@code (T, E)} back to a map with its channels first, {@code (E, size...)},
 * the inverse of {@code @ToTokens}; the product of the sizes must be T. Free.
 */
public record ToMap(List<Integer> size) implements View {
    public ToMap {
        size = List.copyOf(size);
    }

    /** Tokens only; the sequences of {@code @Unfold} are folded back by {@code @Fold} ({@link #outputShape(Shape, Layout)}). */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.Set.of(Layout.TOKENS);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Message.TO_MAP_NOT_ON_TOKENS.onAnnotation(input);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkValues(faults, Attr.SIZE, size, 1, "size");
        return faults;
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.TOKENS);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        if (input.rank() == 3) {
            return ShapeResult.failed(Message.TO_MAP_ON_SEQUENCES.onAnnotation(input, input.dim(0), input.dim(1)));
        }
        long[] spatial = Window.perDimension(size, size.size());
        long positions = Window.product(spatial);
        if (positions != input.dim(0)) {
            return ShapeResult.failed(Message.TO_MAP_SIZE_NOT_TOKENS.on(Attr.SIZE, Window.braces(size), positions,
                    input.dim(0)));
        }
        return ShapeResult.of(Window.withSpatial(input.dim(1), spatial));
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
        return "ToMap";
    }
}
