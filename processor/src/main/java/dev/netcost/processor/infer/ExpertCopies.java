package dev.netcost.processor.infer;

import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Routing;

/**
 * How many copies of a layer inside the expert of a mixture of experts the network stores, and
 * how many of them one token passes through, by the cost model's "Mixtures of experts": a layer
 * of Mixtral's expert is stored 8 times and run twice per token. Outside any mixture, one of each.
 * The walker expands an expert once, on every token, and scales its layers' figures by these.
 *
 * @param stored the copies whose weights the network holds: {@code n + s} per enclosing mixture
 * @param active the copies one token goes through: {@code k + s} per enclosing mixture
 * @param inExperts whether the layer is inside an expert at all: a mixture of one expert, top 1, has
 *     one copy of each, yet its expert must still work per token
 * @param shared    inside one mixture, its {@code s} shared experts, which every token runs; -1 inside a
 *     mixture within another, whose copies a batch runs {@link #decodeCopies} bounds less tightly
 */
public record ExpertCopies(long stored, long active, boolean inExperts, long shared) {
    /** A layer in no mixture of experts. */
    public static final ExpertCopies ONE = new ExpertCopies(1, 1, false, 0);

    /**
     * Inside a further mixture of experts, {@code routing}, within this one.
     *
     * @throws ArithmeticException if the copies do not fit a {@code long}
     */
    ExpertCopies within(Routing routing) {
        return new ExpertCopies(Math.multiplyExact(stored, routing.storedCopies()),
                Math.multiplyExact(active, routing.activeCopies()), true, inExperts ? -1 : routing.shared());
    }

    /**
     * The copies whose weights one decode step of {@code batch} sequences reads, by the cost model's "A
     * decoder's times": the shared experts once, and of the routed ones those the batch's tokens run as
     * a balanced router sends them, at most those stored: {@code s + min(n, N * k)}. Inside nested
     * mixtures, {@code min(stored, N * active)}, which counts a shared expert once per token. 1 outside
     * any mixture.
     *
     * @throws ArithmeticException if the product does not fit a {@code long}
     */
    long decodeCopies(long batch) {
        if (shared < 0) {
            return Math.min(stored, Math.multiplyExact(batch, active));
        }
        return Math.addExact(shared, Math.min(stored - shared, Math.multiplyExact(batch, active - shared)));
    }

    /**
     * The figures of every copy of a layer whose one copy, on every token, costs {@code one}: its
     * weights stored {@code stored} times, its compute run {@code active} times over (each token
     * through {@code active} copies), its active parameters those {@code active} copies hold.
     */
    Cost scale(Cost one) {
        return new Cost(Math.multiplyExact(one.params(), stored), Math.multiplyExact(one.buffers(), stored),
                Math.multiplyExact(one.macs(), active), Math.multiplyExact(one.flops(), active),
                Math.multiplyExact(one.activeParams(), active));
    }
}
