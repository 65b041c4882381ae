package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/** {@code @Add}: element-wise sum of tensors of one shape; {@code numel} FLOPs per extra input. */
public record Add() implements Merge {
    /** Every layout: it works on each element, whatever its axes mean. */
    @Override
    public java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(List<Shape> inputs, List<String> names) {
        for (Shape shape : inputs) {
            if (!shape.equals(inputs.get(0))) {
                return ShapeResult.failed(Message.ADD_SHAPES_DIFFER.on(Attr.FROM, Merge.describe(inputs, names)));
            }
        }
        return ShapeResult.of(inputs.get(0));
    }

    @Override
    public Cost cost(List<Shape> inputs, Shape output) {
        return Cost.flopsOnly(Math.multiplyExact(inputs.size() - 1L, output.numel()));
    }

    @Override
    public String displayName() {
        return "Add";
    }
}
