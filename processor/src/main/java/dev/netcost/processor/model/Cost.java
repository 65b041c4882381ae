package dev.netcost.processor.model;

/**
 * The figures of {@code shared/spec/cost-model.md}: the four totals, and the parameters one token's
 * pass uses ({@code ACTIVE_PARAMS}, which only a mixture of experts makes differ from the
 * parameters). All arithmetic is exact: an overflow throws {@link ArithmeticException}, which the
 * inference stage reports on the layer.
 *
 * @param activeParams of {@code params}, those one token's inference pass uses: all of an op's own;
 *     fewer for the experts of a mixture a token is not routed to, none of a training-only layer
 */
public record Cost(long params, long buffers, long macs, long flops, long activeParams) {
    public static final Cost ZERO = new Cost(0, 0, 0, 0);

    /** An op's figures: every parameter it has is used. */
    public Cost(long params, long buffers, long macs, long flops) {
        this(params, buffers, macs, flops, params);
    }

    /** An op with no parameters and no multiply-accumulates: activations, pooling. */
    public static Cost flopsOnly(long flops) {
        return new Cost(0, 0, 0, flops);
    }

    public Cost plus(Cost other) {
        return new Cost(
                Math.addExact(params, other.params),
                Math.addExact(buffers, other.buffers),
                Math.addExact(macs, other.macs),
                Math.addExact(flops, other.flops),
                Math.addExact(activeParams, other.activeParams));
    }

    /** Compute scales with the batch; parameters and buffers do not. */
    public Cost forBatch(long batch) {
        return new Cost(params, buffers, Math.multiplyExact(macs, batch), Math.multiplyExact(flops, batch),
                activeParams);
    }

    /** The parameters and buffers it stores, without compute: a training-only layer's share of inference. */
    public Cost storedOnly() {
        return new Cost(params, buffers, 0, 0, 0);
    }

    // Written out, as ColdPathRulesTest asks of a record compared or hashed on every compile's path:
    // the generated ones link an invokedynamic call site on first use (docs/architecture.md, "Cold builds").
    @Override
    public boolean equals(Object other) {
        return other instanceof Cost that && params == that.params && buffers == that.buffers && macs == that.macs
                && flops == that.flops && activeParams == that.activeParams;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + Long.hashCode(params);
        hash = 31 * hash + Long.hashCode(buffers);
        hash = 31 * hash + Long.hashCode(macs);
        hash = 31 * hash + Long.hashCode(flops);
        hash = 31 * hash + Long.hashCode(activeParams);
        return hash;
    }
}
