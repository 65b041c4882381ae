package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;
import java.util.Optional;

/**
 * PyTorch's broadcasting of element-wise merges ({@code @Add}, {@code @Mul}), on tensors of one
 * rank: each pair of dimensions equal or one of them 1. One sample's shapes, as every shape in
 * netcost; PyTorch's tensors have the batch in front, so a tensor of fewer dimensions, whose
 * missing leading ones PyTorch reads as 1, would line up with the wrong axes: {@code (C)} against
 * {@code (C, H, W)} is {@code (N, C)} against {@code (N, C, H, W)}, C beside W and N beside H.
 * Hence one rank, as a {@code (C, 1, 1)} has beside a {@code (C, H, W)}.
 */
final class Broadcast {
    private Broadcast() {}

    /** Empty when the inputs have one rank; else the fault, on the merge {@code annotation}. */
    static Optional<Fault> ranksDiffer(String annotation, List<Shape> inputs, List<String> names) {
        int rank = inputs.get(0).rank();
        for (Shape shape : inputs) {
            if (shape.rank() != rank) {
                return Optional.of(Message.BROADCAST_RANKS_DIFFER.on(Attr.FROM, annotation,
                        Merge.describe(inputs, names)));
            }
        }
        return Optional.empty();
    }

    /** The shape inputs of one rank broadcast to; empty if two of them do not. */
    static Optional<Shape> of(List<Shape> inputs) {
        long[] out = inputs.get(0).dims();
        for (Shape shape : inputs) {
            if (shape.rank() != out.length) {
                return Optional.empty();
            }
            for (int i = 0; i < out.length; i++) {
                long d = shape.dim(i);
                if (out[i] == 1) {
                    out[i] = d;
                } else if (d != 1 && d != out[i]) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(Shape.of(out));
    }
}
