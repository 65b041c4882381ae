package dev.netcost.processor.model;

import dev.netcost.Training;

/**
 * What the backward passes of products and layers with parameters share, by the cost model's table
 * "Backward of products and layers with parameters": where a gradient inside an op is counted, and
 * attention's core (scores, softmax, weighted sum) under either kernel.
 */
final class ProductGradients {
    private ProductGradients() {
    }

    /**
     * An op's part in a step as {@code pass} asks: {@code toInput} and the gradients inside the op
     * ({@code inside}) when the input needs a gradient; the parameters' gradients when they get one,
     * with {@code inside} counted there instead when the input needs none (its weights' gradients still
     * need it); {@code saved} when the op runs any backward.
     */
    static Backprop of(long forwardFlops, BackwardPass pass, Work toInput, Work inside, Work toWeights, Saved saved) {
        Work input = pass.inputGradient() ? toInput.plus(inside) : Work.NONE;
        Work weights = pass.weightGradient() ? (pass.inputGradient() ? toWeights : toWeights.plus(inside)) : Work.NONE;
        return new Backprop(forwardFlops, input, weights, pass.any() ? saved : Saved.NOTHING);
    }

    /**
     * A layer of one product per weight and input element, a linear layer or a convolution: its input's
     * gradient and its weight's are each one product per product of the forward pass, its bias's one add
     * per element of {@code biasSums} it sums over (the output, with a bias).
     */
    static Backprop ofProducts(Cost forward, BackwardPass pass, long biasSums, Saved saved) {
        Work products = Work.products(forward.macs());
        return of(forward.flops(), pass, products, Work.NONE, products.plus(Work.flops(biasSums)), saved);
    }

    /**
     * The backward of attention's core, from the gradient of its output O to those of Q, K and V:
     * {@code dV = P^T dO}, {@code dP = dO V^T}, {@code dQ = dS K}, {@code dK = dS^T Q}, four products
     * of {@code productMacs} each (the forward's scores {@code Q K^T} are one), and the softmax's backward
     * {@code dS = P * (dP - rowsum(dP * P))}, 4 FLOPs per score. FlashAttention's kernel ({@code FUSED})
     * keeps no probabilities, so it computes the scores again (a fifth product) and
     * {@code P = exp(S - lse)} from them, 2 FLOPs per score.
     *
     * @param productMacs the MACs of the scores {@code Q K^T}: {@code T*T*E} per sequence
     * @param scores      the scores over all heads: {@code h*T*T} per sequence
     */
    static Work attentionCore(long productMacs, long scores, Training.AttentionKernel kernel) {
        boolean fused = kernel == Training.AttentionKernel.FUSED;
        return Work.products(Math.multiplyExact(fused ? 5 : 4, productMacs))
                .plus(Work.flops(Math.multiplyExact(fused ? 4 + 2 : 4, scores)));
    }

    /**
     * What attention's core keeps besides Q, K and V, in elements: the probabilities ({@code EAGER},
     * {@code scores} elements) or none ({@code FUSED}, which keeps its output and {@link #logSumExpBytes}).
     */
    static long probabilities(long scores, Training.AttentionKernel kernel) {
        return kernel == Training.AttentionKernel.FUSED ? 0 : scores;
    }

    /** FlashAttention's float32 log-sum-exp, one per head and query row: {@code 4 * h * rows} bytes; none eager. */
    static long logSumExpBytes(long heads, long rows, Training.AttentionKernel kernel) {
        return kernel == Training.AttentionKernel.FUSED ? Math.multiplyExact(4, Math.multiplyExact(heads, rows)) : 0;
    }
}
