package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;

/** What the ops of token sequences share: the check that their input is tokens {@code (T, E)}. */
final class Sequences {
    private Sequences() {}

    /** Empty when {@code input} is tokens; else the fault, with the layer that would make tokens of it. */
    static Optional<Fault> requireTokens(String annotation, Shape input, Layout layout) {
        if (input.rank() == 2 && layout == Layout.TOKENS) {
            return Optional.empty();
        }
        String fix;
        if (input.rank() == 1) {
            fix = "its input " + input + " has one dimension: if it is token ids, put an @Embedding before it";
        } else {
            long positions = input.numel() / input.dim(0);
            fix = "its input is the feature map " + input + "; put @ToTokens before it, which makes (" + positions
                    + ", " + input.dim(0) + ") tokens of it";
        }
        return Optional.of(Fault.onAnnotation(ProblemKind.INPUT_SHAPE, annotation + " works on tokens (T, E), but "
                + fix));
    }

    /** The failed result for a fault. */
    static ShapeResult failed(Fault fault) {
        return ShapeResult.failed(fault);
    }
}
