package dev.netcost.processor.model;

import java.util.Optional;

/**
 * What is wrong with one declaration, found by the pure core: which attribute is at fault
 * (empty: the annotation as a whole) and a message that says what came in and what would fix it.
 */
public record Fault(ProblemKind kind, Optional<Attr> attr, String message) {
    public static Fault on(Attr attr, ProblemKind kind, String message) {
        return new Fault(kind, Optional.of(attr), message);
    }

    public static Fault onAnnotation(ProblemKind kind, String message) {
        return new Fault(kind, Optional.empty(), message);
    }
}
