package dev.netcost;

import java.util.Objects;

/**
 * One layer of a network with its figures, as a generated {@code <Network>Cost.LAYERS} lists it.
 *
 * <p>In a network class, fields of this type are declarations: the annotation on the field
 * says what the layer is, and the field itself is never read.
 *
 * @param name    the field's name, with the block instances around it ({@code layer3[0].conv2})
 * @param op      what the layer computes, as PyTorch names the module ({@code Conv2d}, {@code ReLU})
 * @param input   the shape of one input sample
 * @param output  the shape of one output sample
 * @param params  learnable parameters
 * @param buffers non-learnable state, such as batch-norm running statistics
 * @param macs    multiply-accumulates of the whole batch
 * @param flops   floating-point operations of the whole batch
 * @param activationBytes   bytes of the output, for the whole batch
 * @param memoryAccessBytes bytes read (inputs, parameters, buffers) and written (the output) in one
 *     forward pass of the batch
 * @param trainingOnly whether it runs only in training ({@link TrainingOnly}): its parameters and
 *     buffers count in the network's, its other figures (what it costs when it runs) in none of
 *     the network's inference figures
 */
public record Layer(String name, String op, Shape input, Shape output, long params, long buffers, long macs,
        long flops, long activationBytes, long memoryAccessBytes, boolean trainingOnly) {
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /** A layer that runs at inference. */
    public Layer(String name, String op, Shape input, Shape output, long params, long buffers, long macs,
            long flops, long activationBytes, long memoryAccessBytes) {
        this(name, op, input, output, params, buffers, macs, flops, activationBytes, memoryAccessBytes, false);
    }

    /**
     * FLOPs per byte of memory traffic: high means compute-bound, low memory-bound, as a roofline
     * model reads it. 0 for a layer that moves no memory.
     */
    public double arithmeticIntensity() {
        return memoryAccessBytes == 0 ? 0 : (double) flops / memoryAccessBytes;
    }
}
