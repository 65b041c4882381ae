package dev.netcost.processor.model;

/**
 * Compute of one part of a training step: multiply-accumulates and floating-point operations, as
 * the cost model counts them. All arithmetic is exact.
 */
public record Work(long macs, long flops) {
    public static final Work NONE = new Work(0, 0);

    /** Element-wise work: FLOPs only. */
    public static Work flops(long flops) {
        return new Work(0, flops);
    }

    /**
     * Products as the backward pass counts them: {@code macs} multiply-accumulates, two FLOPs each
     * (a multiply and an add), as the cost model's section "Training" says.
     */
    public static Work products(long macs) {
        return new Work(macs, Math.multiplyExact(2, macs));
    }

    public Work plus(Work other) {
        return new Work(Math.addExact(macs, other.macs), Math.addExact(flops, other.flops));
    }

    public Work times(long factor) {
        return new Work(Math.multiplyExact(macs, factor), Math.multiplyExact(flops, factor));
    }

    // Written out, as ColdPathRulesTest asks of a record compared or hashed on every compile's path:
    // the generated ones link an invokedynamic call site on first use (docs/architecture.md, "Cold builds").
    @Override
    public boolean equals(Object other) {
        return other instanceof Work that && macs == that.macs && flops == that.flops;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + Long.hashCode(macs);
        hash = 31 * hash + Long.hashCode(flops);
        return hash;
    }
}
