package dev.netcost.processor.model;

import java.util.List;

/** What a layer computes: an {@link Op} on one tensor, or a {@link Merge} of several. */
public sealed interface Computation permits Op, Merge {
    /** Checks that need no input: sizes in range and consistent with each other. */
    List<Fault> validate();

    /**
     * The layouts this computation takes its input in. The walker reports any other as a located
     * error naming the layer that would give the right one, so no op reinterprets an axis.
     * Every op states its own; the default of all layouts is a stop-gap until each has.
     */
    default java.util.Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }
}
