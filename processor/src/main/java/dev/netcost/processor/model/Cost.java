package dev.netcost.processor.model;

/**
 * The four figures of {@code shared/spec/cost-model.md}. All arithmetic is exact: an overflow
 * throws {@link ArithmeticException}, which the inference stage reports on the layer.
 */
public record Cost(long params, long buffers, long macs, long flops) {
    public static final Cost ZERO = new Cost(0, 0, 0, 0);

    /** An op with no parameters and no multiply-accumulates: activations, pooling. */
    public static Cost flopsOnly(long flops) {
        return new Cost(0, 0, 0, flops);
    }

    public Cost plus(Cost other) {
        return new Cost(
                Math.addExact(params, other.params),
                Math.addExact(buffers, other.buffers),
                Math.addExact(macs, other.macs),
                Math.addExact(flops, other.flops));
    }

    /** Compute scales with the batch; parameters and buffers do not. */
    public Cost forBatch(long batch) {
        return new Cost(params, buffers, Math.multiplyExact(macs, batch), Math.multiplyExact(flops, batch));
    }
}
