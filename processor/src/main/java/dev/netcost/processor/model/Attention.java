package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code @MultiHeadAttention}: self-attention on tokens {@code (T, E)} with its q, k, v and
 * output projections, by the cost model's section "Sequences and attention in detail". On the S
 * sequences {@code (S, T, E)} of {@code @Unfold}, each attends only within itself, as MobileViT's
 * {@code (B*P, N, C)}: S times the figures of one sequence, never those of one sequence of S * T.
 *
 * @param kvHeads key/value heads; 0 means as many as {@code heads}
 * @param biases  which of the four projections have a bias
 */
public record Attention(int heads, int kvHeads, ProjectionBiases biases, boolean causal, boolean rotary)
        implements TokenOp {
    /** With a bias on all four projections, or on none. */
    public Attention(int heads, int kvHeads, boolean bias, boolean causal, boolean rotary) {
        this(heads, kvHeads, ProjectionBiases.all(bias), causal, rotary);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        checkHeads(faults, heads, kvHeads);
        return faults;
    }

    /** At least one head, no negative key/value heads, and key/value heads that share the heads evenly. */
    static void checkHeads(List<Fault> faults, int heads, int kvHeads) {
        int before = faults.size();
        Window.checkAtLeast(faults, Attr.HEADS, heads, 1, "number of heads");
        Window.checkAtLeast(faults, Attr.KV_HEADS, kvHeads, 0, "number of key/value heads (0: as many as heads)");
        if (faults.size() == before && kvHeads > 0 && heads % kvHeads != 0) {
            faults.add(Message.KV_HEADS_NOT_DIVIDING_HEADS.on(Attr.KV_HEADS, heads, kvHeads, divisors(heads, kvHeads)));
        }
    }

    /** Why a token width {@code width} does not split into {@code heads} heads, if it does not. */
    static Optional<Fault> headsNotDividing(long width, int heads) {
        return width % heads == 0 ? Optional.empty()
                : Optional.of(Message.HEADS_NOT_DIVIDING_WIDTH.on(Attr.HEADS, width, heads,
                        divisors(width, heads)));
    }

    /** Key/value heads, with 0 read as {@code heads}. */
    public int keyValueHeads() {
        return kvHeads == 0 ? heads : kvHeads;
    }

    @Override
    public ShapeResult outputOfTokens(Shape input) {
        Optional<Fault> uneven = headsNotDividing(width(input), heads);
        return uneven.isPresent() ? ShapeResult.failed(uneven.get()) : ShapeResult.of(input);
    }

    /** The width of the keys and values together over their heads: {@code kvHeads * E / heads}. */
    long keyValueWidth(long width) {
        return keyValueHeads() * (width / heads);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long sequences = TokenOp.sequences(input);
        long perSequence = TokenOp.tokensPerSequence(input);
        long tokens = Math.multiplyExact(sequences, perSequence); // what the projections see, one by one
        long pairs = Math.multiplyExact(sequences, Math.multiplyExact(perSequence, perSequence)); // within each sequence
        long e = width(input);
        long kv = keyValueWidth(e);
        long projectionWeights = Math.addExact(Math.multiplyExact(2, Math.multiplyExact(e, e)),
                Math.multiplyExact(2, Math.multiplyExact(e, kv)));
        // One bias per output of each projection that has one, and one add per element it outputs.
        long biasesPerToken = Math.addExact(biases.ofQueryAndOut(e), biases.ofKeyAndValue(kv));
        long params = Math.addExact(projectionWeights, biasesPerToken);
        long projections = Math.multiplyExact(tokens, projectionWeights);
        // Scores Q K^T and the weighted sum A V: T * T * d per head each, T^2 * E in all, per sequence.
        long products = Math.multiplyExact(2, Math.multiplyExact(pairs, e));
        long macs = Math.addExact(projections, products);
        long softmax = Math.multiplyExact(3, Math.multiplyExact((long) heads, pairs));
        long flops = Math.addExact(Math.multiplyExact(2, macs), softmax);
        flops = Math.addExact(flops, Math.multiplyExact(tokens, biasesPerToken));
        if (rotary) {
            flops = Math.addExact(flops, Math.multiplyExact(3, Math.multiplyExact(tokens, Math.addExact(e, kv))));
        }
        return new Cost(params, 0, macs, flops);
    }

    /** One new token: its four projections, and its scores and weighted sum over the T cached tokens. */
    @Override
    public Optional<DecodeCost> decodeCost(Shape input, Cost cost) {
        long e = width(input);
        long projections = Math.addExact(Math.multiplyExact(2, Math.multiplyExact(e, e)),
                Math.multiplyExact(2, Math.multiplyExact(e, keyValueWidth(e))));
        return Optional.of(new DecodeCost(projections, Math.multiplyExact(2, e)));
    }

    /** Elements the KV cache holds per token of one sequence: a key and a value per key/value head. */
    public long cachedPerToken(Shape input) {
        return Math.multiplyExact(2, keyValueWidth(width(input)));
    }

    /** The width E of each token: the last axis. */
    static long width(Shape tokens) {
        return tokens.dim(tokens.rank() - 1);
    }

    @Override
    public String annotation() {
        return "@MultiHeadAttention";
    }

    /**
     * By the cost model's row: inside the op, the output projection's {@code dO = dY Wo^T}, the core's
     * backward ({@link ProductGradients#attentionCore}) and a rotary embedding's, as many FLOPs as its
     * forward; to the input, {@code dX = [dQ dK dV] [Wq Wk Wv]^T}, one product of the packed
     * projection; to the weights, each projection's {@code dW = X^T dQ} and its bias's sum. The full
     * {@code T^2} is counted with a causal mask, as the forward counts it. It keeps Q, K and V (eager, K and
     * V at h heads, as the batched products read them after {@code repeat_kv}), the probabilities
     * (eager) or FlashAttention's log-sum-exp (fused), the core's output O (fused; eager for the out
     * projection's weight gradient), and its input for the projections' weight gradients.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, Optional<SideTensor> side, Cost forward,
            BackwardPass pass) {
        long sequences = TokenOp.sequences(input);
        long perSequence = TokenOp.tokensPerSequence(input);
        long tokens = Math.multiplyExact(sequences, perSequence);
        long pairs = Math.multiplyExact(sequences, Math.multiplyExact(perSequence, perSequence));
        long e = width(input);
        long kv = keyValueWidth(e);
        long scores = Math.multiplyExact((long) heads, pairs);
        Work inside = Work.products(Math.multiplyExact(tokens, Math.multiplyExact(e, e)))
                .plus(ProductGradients.attentionCore(Math.multiplyExact(pairs, e), scores, pass.attention()));
        if (rotary) {
            inside = inside.plus(Work.flops(Math.multiplyExact(3, Math.multiplyExact(tokens, Math.addExact(e, kv)))));
        }
        Work toInput = Work.products(Math.multiplyExact(Math.multiplyExact(tokens, e), Math.addExact(e,
                Math.multiplyExact(2, kv))));
        long projectionWeights = Math.addExact(Math.multiplyExact(2, Math.multiplyExact(e, e)),
                Math.multiplyExact(2, Math.multiplyExact(e, kv)));
        long biasesPerToken = Math.addExact(biases.ofQueryAndOut(e), biases.ofKeyAndValue(kv));
        Work toWeights = Work.products(Math.multiplyExact(tokens, projectionWeights))
                .plus(Work.flops(Math.multiplyExact(tokens, biasesPerToken)));
        boolean fused = pass.attention() == dev.netcost.Training.AttentionKernel.FUSED;
        long queries = Math.multiplyExact(tokens, e);
        long keysAndValues = Math.multiplyExact(2, Math.multiplyExact(tokens, fused ? kv : e));
        long kept = Math.addExact(Math.addExact(queries, keysAndValues),
                ProductGradients.probabilities(scores, pass.attention()));
        if (fused || pass.weightGradient()) {
            kept = Math.addExact(kept, queries); // O, as wide as the queries
        }
        Saved saved = new Saved(pass.weightGradient(), false, kept,
                ProductGradients.logSumExpBytes(heads, tokens, pass.attention()));
        return ProductGradients.of(forward.flops(), pass, toInput, inside, toWeights, saved);
    }

    @Override
    public String displayName(Shape input) {
        int kv = keyValueHeads();
        String kind = kv == heads ? "MultiheadAttention" : kv == 1 ? "MultiQueryAttention" : "GroupedQueryAttention";
        return kind + (causal ? " (causal)" : "");
    }

    /** Up to four divisors of {@code n} nearest to {@code near}, for the fix of a message: {@code 8, 12 or 16}. */
    static String divisors(long n, long near) {
        List<Long> all = new ArrayList<>();
        for (long d = 1; d * d <= n; d++) {
            if (n % d == 0) {
                all.add(d);
                if (d != n / d) {
                    all.add(n / d);
                }
            }
        }
        all.sort(new ByDistance(near));
        List<Long> nearest = new ArrayList<>(all.subList(0, Math.min(4, all.size())));
        Collections.sort(nearest);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < nearest.size(); i++) {
            s.append(i == 0 ? "" : i == nearest.size() - 1 ? " or " : ", ").append(nearest.get(i));
        }
        return s.toString();
    }

    /** Nearest to {@code near} first; of two as near, the smaller. */
    private static final class ByDistance implements Comparator<Long> {
        private final long near;

        ByDistance(long near) {
            this.near = near;
        }

        @Override
        public int compare(Long a, Long b) {
            int byDistance = Long.compare(Math.abs(a - near), Math.abs(b - near));
            return byDistance != 0 ? byDistance : Long.compare(a, b);
        }
    }
}
