package dev.netcost.processor.model;

/**
 * The MACs of one layer for one new token of one sequence, in a decoder with a KV cache:
 * {@code macs + macsPerContextToken * T} at context T (attention reads every cached token).
 */
public record DecodeCost(long macs, long macsPerContextToken) {
    public static final DecodeCost ZERO = new DecodeCost(0, 0);

    /** At context {@code tokens}. */
    public long at(long tokens) {
        return Math.addExact(macs, Math.multiplyExact(macsPerContextToken, tokens));
    }
}
