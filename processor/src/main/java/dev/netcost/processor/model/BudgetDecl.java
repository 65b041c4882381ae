package dev.netcost.processor.model;

import java.util.Map;

/**
 * {@code @Budget} as written: only the limits the user wrote, by their attribute.
 *
 * @param warning {@code level = WARNING}: an overrun warns rather than fails
 */
public record BudgetDecl(Map<Attr, Long> limits, boolean warning) {
    public BudgetDecl {
        limits = Map.copyOf(limits);
    }
}
