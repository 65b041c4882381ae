package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * A layer that joins two or more earlier tensors: {@code @Add}, {@code @Concat}, {@code @Mul},
 * {@code @CosineSimilarity}.
 * Like {@link Op}, each record holds its own rules.
 */
public sealed interface Merge extends Computation permits Add, Concat, Mul, CosineSimilarity {
    /**
     * The output for one sample, or what prevents it.
     *
     * @param inputs the tensors joined, in the declared order
     * @param names  where each came from ({@code bn3}, {@code input}), for the messages
     */
    ShapeResult outputShape(List<Shape> inputs, List<String> names);

    /**
     * As {@link #outputShape(List, List)}, knowing the layout the inputs share (the walker checks
     * that they share one): a concatenation joins a map's channels but a sequence's tokens.
     */
    default ShapeResult outputShape(List<Shape> inputs, List<String> names, Layout layout) {
        return outputShape(inputs, names);
    }

    /** The figures for one sample. */
    Cost cost(List<Shape> inputs, Shape output);

    /**
     * Its part in a training step for one sample, as {@link Op#backprop}: {@code pass.inputGradient()}
     * asks for the gradient of every input, once any of them needs one.
     *
     * @param forward its inference figures for one sample, as {@link #cost} gives them
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    default Backprop backprop(List<Shape> inputs, Shape output, Cost forward, BackwardPass pass) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no training rule");
    }

    /** PyTorch's name for the operation. */
    String displayName();

    @Override
    default List<Fault> validate() {
        return List.of();
    }

    /**
     * Empty when the inputs' ranks suit this merge; else the fault. {@code @Add} and {@code @Mul}
     * broadcast tensors of one rank only; {@code @Concat} says of ranks in its own sizes rule.
     * The walker asks before the layouts, since tensors of two ranks are no two layouts of one.
     */
    default java.util.Optional<Fault> ranksDiffer(List<Shape> inputs, List<String> names) {
        return java.util.Optional.empty();
    }

    /**
     * Empty when every input is in one layout; else the fault naming each input's layout and the
     * layers that would make them agree.
     */
    static java.util.Optional<Fault> layoutsDiffer(List<Shape> inputs, List<String> names, List<Layout> layouts) {
        Layout shared = layouts.get(0);
        for (Layout layout : layouts) {
            if (layout != shared) {
                String described = describe(inputs, names, layouts);
                boolean maps = layout != Layout.TOKENS && shared != Layout.TOKENS;
                return java.util.Optional.of(maps
                        ? Message.MERGE_OF_CHANNELS_FIRST_AND_LAST.on(Attr.FROM, described)
                        : Message.MERGE_OF_MAP_AND_TOKENS.on(Attr.FROM, described));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * {@code conv gives (8, 8, 8) channels first and permute gives (8, 8, 8) channels last}: for
     * inputs whose layouts differ.
     */
    static String describe(List<Shape> inputs, List<String> names, List<Layout> layouts) {
        List<String> described = new java.util.ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            described.add(inputs.get(i) + " " + layouts.get(i).words());
        }
        return join(described, names);
    }

    /** {@code bn3 gives (256, 56, 56) and input gives (64, 56, 56)}. */
    static String describe(List<Shape> inputs, List<String> names) {
        return join(inputs, names);
    }

    private static String join(List<?> given, List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < given.size(); i++) {
            if (i > 0) {
                s.append(i == given.size() - 1 ? " and " : ", ");
            }
            s.append(names.get(i)).append(" gives ").append(given.get(i));
        }
        return s.toString();
    }
}
