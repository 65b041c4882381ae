package dev.netcost.processor.model;

/**
 * What one layer keeps from its forward pass for its backward pass, for one sample, as PyTorch's
 * autograd saves it (the cost model's section "Training", "What each op saves").
 *
 * @param inputs   whether it keeps the tensors it reads (a convolution its input, for its weight
 *     gradient; a product of two tensors both): tensors of their own, which every layer that keeps
 *     them shares, so they count once
 * @param output   whether it keeps its output (a ReLU, a sigmoid, a softmax)
 * @param elements elements of tensors of its own, in the step's activation type (attention's
 *     queries, keys and values)
 * @param fixedBytes bytes kept in types of their own: a dropout's mask (1 byte per element), a
 *     max pool's indices (8), a norm's float32 statistics (4)
 * @param stepBytes bytes kept once per step, whatever its batch: batch norm's statistics, which are
 *     the batch's
 */
public record Saved(boolean inputs, boolean output, long elements, long fixedBytes, long stepBytes) {
    public static final Saved NOTHING = new Saved(false, false, 0, 0);
    public static final Saved INPUT = new Saved(true, false, 0, 0);
    public static final Saved OUTPUT = new Saved(false, true, 0, 0);

    /** Nothing kept once per step: all of it is the sample's. */
    public Saved(boolean inputs, boolean output, long elements, long fixedBytes) {
        this(inputs, output, elements, fixedBytes, 0);
    }
}
