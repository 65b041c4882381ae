package dev.netcost.processor.model;

/**
 * {@code @MixtureOfExperts} on a block use: the block is one expert, of which the layer holds
 * {@code experts} routed and {@code shared} shared copies; each token goes through {@code topK}
 * routed experts and every shared one. By the cost model's "Mixtures of experts".
 *
 * @param experts    the routed experts, n
 * @param topK       the routed experts each token goes through, k
 * @param shared     the experts every token goes through, unweighted, s
 * @param routerBias whether the router's linear layer has a bias
 */
public record Routing(int experts, int topK, int shared, boolean routerBias) {
    /** Copies of the expert's weights the layer stores: {@code n + s}. */
    public long storedCopies() {
        return (long) experts + shared;
    }

    /** Expert passes one token makes: {@code k + s}. */
    public long activeCopies() {
        return (long) topK + shared;
    }

    /** As the summary names the layer: {@code SwiGlu: 8 experts, top 2}. */
    public String describe(String expert) {
        return expert + ": " + experts + (experts == 1 ? " expert" : " experts") + ", top " + topK
                + (shared > 0 ? ", " + shared + " shared" : "");
    }
}
