package dev.netcost;

import java.util.Objects;

/**
 * One layer of a network with its figures, as a generated {@code <Network>Cost.LAYERS} lists it.
 *
 * <p>In a network class, fields of this type are declarations: the annotation on the field
 * says what the layer is, and the field itself is never read.
 *
 * @param name    the field's name
 * @param op      what the layer computes, as PyTorch names the module ({@code Conv2d}, {@code ReLU})
 * @param input   the shape of one input sample
 * @param output  the shape of one output sample
 * @param params  learnable parameters
 * @param buffers non-learnable state, such as batch-norm running statistics
 * @param macs    multiply-accumulates of the whole batch
 * @param flops   floating-point operations of the whole batch
 */
public record Layer(
        String name, String op, Shape input, Shape output, long params, long buffers, long macs, long flops) {
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
