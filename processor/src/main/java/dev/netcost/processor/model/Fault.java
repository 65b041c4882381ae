package dev.netcost.processor.model;

import java.util.Optional;

/**
 * What is wrong with one declaration, found by the pure core: which attribute (or, at a block's
 * use, which argument) is at fault (neither: the annotation as a whole) and a message that says what came in and what would fix it.
 */
public record Fault(ProblemKind kind, Optional<Attr> attr, Optional<String> argument, String message) {
    public Fault(ProblemKind kind, Optional<Attr> attr, String message) {
        this(kind, attr, Optional.empty(), message);
    }

    /** On the value of a block argument at a use of the block: {@code @Bottleneck(groups = 3)}. */
    public static Fault onArgument(String argument, ProblemKind kind, String message) {
        return new Fault(kind, Optional.empty(), Optional.of(argument), message);
    }

    /** The same place, another message. */
    public Fault withMessage(String text) {
        return new Fault(kind, attr, argument, text);
    }

    public static Fault on(Attr attr, ProblemKind kind, String message) {
        return new Fault(kind, Optional.of(attr), message);
    }

    public static Fault onAnnotation(ProblemKind kind, String message) {
        return new Fault(kind, Optional.empty(), message);
    }
}
