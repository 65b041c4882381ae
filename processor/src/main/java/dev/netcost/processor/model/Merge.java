package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * A layer that joins two or more earlier tensors: {@code @Add}, {@code @Concat}, {@code @Mul}.
 * Like {@link Op}, each record holds its own rules.
 */
public sealed interface Merge extends Computation permits Add, Concat, Mul {
    /**
     * The output for one sample, or what prevents it.
     *
     * @param inputs the tensors joined, in the declared order
     * @param names  where each came from ({@code bn3}, {@code input}), for the messages
     */
    ShapeResult outputShape(List<Shape> inputs, List<String> names);

    /** The figures for one sample. */
    Cost cost(List<Shape> inputs, Shape output);

    /** PyTorch's name for the operation. */
    String displayName();

    @Override
    default List<Fault> validate() {
        return List.of();
    }

    /** {@code bn3 gives (256, 56, 56) and input gives (64, 56, 56)}. */
    static String describe(List<Shape> inputs, List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0) {
                s.append(i == inputs.size() - 1 ? " and " : ", ");
            }
            s.append(names.get(i)).append(" gives ").append(inputs.get(i));
        }
        return s.toString();
    }
}
