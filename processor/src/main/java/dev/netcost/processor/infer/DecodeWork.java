package dev.netcost.processor.infer;

/**
 * What one decode step of the whole batch asks of one layer at the decoder's context, by the cost
 * model's "A decoder's times": its FLOPs and the bytes it reads and writes.
 *
 * @param layer the layer's index among the network's layers
 * @param flops {@code 2 * N * m}: twice its decode MACs of one token, for the N sequences
 * @param bytes its weights read once, what N tokens move through it, and what it keeps from token to
 *     token (a KV cache, a recurrent state), in the network's dtype
 * @param flopsPerContextToken what one more token of context adds to {@code flops}: an attention
 *     layer's scores and weighted sum against it
 * @param bytesPerContextToken what one more token of context adds to {@code bytes}: an attention
 *     layer's keys and values of it, read
 */
public record DecodeWork(int layer, long flops, long bytes, long flopsPerContextToken, long bytesPerContextToken) {
    /** A layer whose work does not grow with the context. */
    public DecodeWork(int layer, long flops, long bytes) {
        this(layer, flops, bytes, 0, 0);
    }

    /**
     * Its FLOPs at {@code tokens} of context, from those at {@code context}.
     *
     * @throws ArithmeticException if they do not fit a {@code long}
     */
    public long flopsAt(long context, long tokens) {
        return Math.addExact(flops, Math.multiplyExact(flopsPerContextToken, Math.subtractExact(tokens, context)));
    }

    /**
     * Its bytes at {@code tokens} of context, from those at {@code context}.
     *
     * @throws ArithmeticException if they do not fit a {@code long}
     */
    public long bytesAt(long context, long tokens) {
        return Math.addExact(bytes, Math.multiplyExact(bytesPerContextToken, Math.subtractExact(tokens, context)));
    }
}
