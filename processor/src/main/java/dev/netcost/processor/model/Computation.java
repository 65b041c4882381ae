package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;
import java.util.Set;

/** What a layer computes: an {@link Op} on one tensor, or a {@link Merge} of several. */
public sealed interface Computation permits Op, Merge {
    /** Checks that need no input: sizes in range and consistent with each other. */
    List<Fault> validate();

    /**
     * The layouts this computation takes its input in, each op its own: a convolution only a map
     * with its channels first, attention only tokens. The walker asks {@link #refuse} for any
     * other, so no op reads one axis as another (a convolution would read tokens' T as channels).
     */
    Set<Layout> accepts();

    /**
     * Whether it works on each token of tokens {@code (T, E)} alone, so that its figures over T
     * tokens are T times those of one: what an expert of a mixture of experts must do, since the
     * router sends tokens to it one by one. False unless the op says so: an op that mixes tokens
     * (attention, a position table) or is not known to work per token is refused in an expert.
     */
    default boolean perToken() {
        return false;
    }

    /**
     * Whether its output is a view of what it reads, sharing its storage (a flatten, a slice, a
     * permute): a training step that saves both saves one tensor. False unless the op says so.
     */
    default boolean view() {
        return false;
    }

    /**
     * The located error for {@code input} in {@code layout}, one that {@link #accepts()} leaves
     * out: what came in, in words, and the layer that would give what this op takes
     * ({@code @ChannelsFirst}, {@code @ToMap}, {@code @ToTokens}). An op that takes every layout
     * is never asked.
     *
     * @throws IllegalStateException if this op takes {@code layout}, or takes every layout and so
     *     has nothing to refuse
     */
    default Fault refuse(Shape input, Layout layout) {
        throw new IllegalStateException(getClass().getSimpleName() + " takes " + accepts() + ", and " + layout
                + " is " + (accepts().contains(layout) ? "one of them" : "not, yet it says nothing of it"));
    }
}
