package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a block use a sparse mixture of experts: the block is one expert, of which the layer holds
 * {@link #experts()} routed copies and {@link #shared()} shared ones, each with weights of its own.
 * A router (a linear layer from the token width to one score per expert) sends each token of
 * {@code (T, E)} to the {@link #topK()} experts it scores highest; the token's output is their
 * outputs weighted by the scores, plus the shared experts' outputs. Mixtral-8x7B's sparse block:
 *
 * <pre>{@code
 * @MixtralExpert(hidden = 14336) @MixtureOfExperts(experts = 8, topK = 2) Layer moe;
 * }</pre>
 *
 * <p>{@code PARAMS} counts every expert; {@code ACTIVE_PARAMS} what one token uses (the router, its
 * top k and the shared experts, and every other layer that runs at inference); MACs and FLOPs are
 * those of the experts each token goes through, the router's and the weighted sum's. An expert must work on each token alone (linear layers, activations, norms,
 * products), as the router sends tokens one by one. The cost model's "Mixtures of experts" gives
 * every figure.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MixtureOfExperts {
    /** The routed experts, n; at least 1. */
    int experts();

    /** The experts each token goes through, k: at least 1, at most {@link #experts()}. */
    int topK();

    /** Experts every token goes through besides its top k, unweighted (DeepSeekMoE's); at least 0. */
    int shared() default 0;

    /** Whether the router's linear layer has a bias (Mixtral's has none). */
    boolean routerBias() default false;
}
