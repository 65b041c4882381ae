package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.Optional;
import java.util.Set;

/**
 * The router of a mixture of experts and the combine of its experts' outputs, a layer netcost
 * places after the expert of each {@code @MixtureOfExperts} block instance: it reads the expert's
 * output {@code (T, E')} and, as the tensor it names, the routed tokens {@code (T, E)}, whose
 * scores pick each token's experts. Its output is the layer's, {@code (T, E')}. By the cost
 * model's "Mixtures of experts": the router's linear layer, softmax and top-k, and the weighted
 * sum of the routed experts' outputs with the shared experts' added.
 */
public record Router(Routing routing) implements Op {
    /** Per token: each token's scores and the sum of its experts' outputs, so a mixture may hold mixtures. */
    @Override
    public boolean perToken() {
        return true;
    }

    /**
     * Any: whether the routed tokens are tokens is asked first, in {@link #outputShape(Shape, Layout,
     * SideTensor)}, since they are to blame before the expert's output is.
     */
    @Override
    public Set<Layout> accepts() {
        return java.util.EnumSet.allOf(Layout.class);
    }

    @Override
    public ShapeResult outputShape(Shape input) {
        throw new IllegalStateException("a router names the tokens it routes");
    }

    /** The expert's output, once the routed tokens are one sequence and the expert kept one output per token. */
    @Override
    public ShapeResult outputShape(Shape input, Layout layout, SideTensor routed) {
        if (routed.layout() != Layout.TOKENS || routed.shape().rank() != 2) {
            return ShapeResult.failed(Message.EXPERTS_NEED_TOKENS.on(Attr.MIXTURE, routed.producer(), routed.shape()));
        }
        if (layout != Layout.TOKENS || input.rank() != 2) {
            return ShapeResult.failed(Message.EXPERT_OUTPUT_NOT_TOKENS.on(Attr.MIXTURE, input));
        }
        if (input.dim(0) != routed.shape().dim(0)) {
            return ShapeResult.failed(Message.EXPERT_CHANGES_TOKENS.on(Attr.MIXTURE, routed.shape(), input));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        throw new IllegalStateException("a router names the tokens it routes");
    }

    @Override
    public Cost cost(Shape input, Shape output, Layout layout, SideTensor routed) {
        long tokens = routed.shape().dim(0);
        long width = routed.shape().dim(1);
        long n = routing.experts();
        long k = routing.topK();
        long outWidth = input.dim(1);
        long bias = routing.routerBias() ? 1 : 0;
        long params = Math.addExact(Math.multiplyExact(width, n), bias * n);
        long scores = Math.multiplyExact(tokens, Math.multiplyExact(width, n));
        // The combine weights each routed output element-wise, as @Mul does: FLOPs, no MACs.
        long combine = Math.multiplyExact(tokens, Math.multiplyExact(k, outWidth));
        long macs = scores;
        long flops = Math.multiplyExact(Math.multiplyExact(tokens, n), Math.subtractExact(Math.multiplyExact(2, width),
                1) + bias); // the router's linear layer, by the linear row
        flops = Math.addExact(flops, Math.multiplyExact(3, Math.multiplyExact(tokens, n))); // softmax
        flops = Math.addExact(flops, Math.multiplyExact(tokens, Math.multiplyExact(k, n - 1))); // top-k comparisons
        flops = Math.addExact(flops, Math.multiplyExact(2, combine)); // weight and add each routed output
        flops = Math.addExact(flops, Math.multiplyExact(tokens, Math.multiplyExact(routing.shared(), outWidth)));
        return new Cost(params, 0, macs, flops);
    }

    /** One token: its scores over the experts; its k routed outputs are weighted and added without MACs. */
    @Override
    public Optional<DecodeCost> decodeCost(Shape input, Cost cost, SideTensor routed) {
        return Optional.of(new DecodeCost(Math.multiplyExact(routed.shape().dim(1), (long) routing.experts()), 0));
    }

    /** It reads the routed tokens for their scores, besides the expert's output it weights. */
    @Override
    public long activationsMoved(Shape input, Shape output, Layout layout, SideTensor routed) {
        return Math.addExact(activationsMoved(input, output, layout), routed.shape().numel());
    }

    /**
     * The combine's backward, element-wise as its forward: each routed output's gradient
     * {@code w * dY} ({@code T*k*E'}) to the input, and each weight's {@code sum(dY * out)}
     * ({@code 2*T*k*E'}) inside; the softmax's backward, 4 per score ({@code 4*T*n}), inside; the
     * router's linear layer, {@code dX = dS Wr} to the routed tokens ({@code T*E*n} MACs) and
     * {@code dWr = dS^T X} with its bias's sum to the weights. The top-k passes the gradients of the
     * chosen scores back to their places, with no arithmetic. It keeps what it reads (the routed tokens
     * for {@code dWr}, the expert's output for the weights' gradients), the softmax's probabilities
     * ({@code T*n}), the chosen weights ({@code T*k}) and the top-k's int64 indices ({@code 8*T*k} bytes).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        if (side.isEmpty()) {
            throw new IllegalStateException("a router names the tokens it routes");
        }
        SideTensor routed = side.get();
        long tokens = routed.shape().dim(0);
        long width = routed.shape().dim(1);
        long n = routing.experts();
        long k = routing.topK();
        long outWidth = input.dim(1);
        long scores = Math.multiplyExact(tokens, n);
        long combined = Math.multiplyExact(tokens, Math.multiplyExact(k, outWidth));
        long routerMacs = Math.multiplyExact(scores, width);
        Work inside = Work.flops(Math.addExact(Math.multiplyExact(2, combined), Math.multiplyExact(4, scores)));
        Work toInput = Work.products(routerMacs).plus(Work.flops(combined));
        Work toWeights = Work.products(routerMacs).plus(Work.flops(routing.routerBias() ? scores : 0));
        long chosen = Math.multiplyExact(tokens, k);
        Saved saved = new Saved(true, false, Math.addExact(scores, chosen), Math.multiplyExact(8, chosen));
        return ProductGradients.of(forward.flops(), pass, toInput, inside, toWeights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "Router";
    }
}
