package dev.netcost.processor.infer;

/**
 * What one decode step of the whole batch asks of one layer at the decoder's context, by the cost
 * model's "A decoder's times": its FLOPs and the bytes it reads and writes.
 *
 * @param layer the layer's index among the network's layers
 * @param flops {@code 2 * N * m}: twice its decode MACs of one token, for the N sequences
 * @param bytes its weights read once, what N tokens move through it, and what it keeps from token to
 *     token (a KV cache, a recurrent state), in the network's dtype
 */
public record DecodeWork(int layer, long flops, long bytes) {}
