package dev.netcost.processor.model;

import java.util.List;

/** What a layer computes: an {@link Op} on one tensor, or a {@link Merge} of several. */
public sealed interface Computation permits Op, Merge {
    /** Checks that need no input: sizes in range and consistent with each other. */
    List<Fault> validate();
}
