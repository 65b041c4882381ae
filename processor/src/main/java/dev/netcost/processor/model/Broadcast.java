package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * PyTorch's broadcasting of element-wise merges ({@code @Add}, {@code @Mul}): shapes aligned on
 * their last dimension, each pair of dimensions equal or one of them 1, the missing leading ones
 * read as 1. One sample's shapes, as every shape in netcost.
 */
final class Broadcast {
    private Broadcast() {}

    /** The shape the inputs broadcast to; empty if two of them do not. */
    static Optional<Shape> of(List<Shape> inputs) {
        int rank = 0;
        for (Shape shape : inputs) {
            rank = Math.max(rank, shape.rank());
        }
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        for (Shape shape : inputs) {
            for (int i = 0; i < shape.rank(); i++) {
                int at = rank - shape.rank() + i;
                long d = shape.dim(i);
                if (out[at] == 1) {
                    out[at] = d;
                } else if (d != 1 && d != out[at]) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(Shape.of(out));
    }
}
