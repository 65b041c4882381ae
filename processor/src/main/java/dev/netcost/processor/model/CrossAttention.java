package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @CrossAttention}: the queries of one sequence of tokens {@code (T, E)}, the layer's input,
 * attend to the tokens {@code (S, Ekv)} of the tensor {@code memory} names, by the cost model's
 * "Cross-attention". The output is {@code (T, E)}. The q and out projections work on the T
 * queries, the k and v projections on the S memory tokens, {@code Ekv} wide in,
 * {@code E' = kvHeads * E / heads} wide out.
 *
 * <p>The walker resolves the memory and passes it to the forms of {@link Op} that take a
 * {@link SideTensor}; {@link #validate()} holds every layer to naming one, so the forms without it
 * are never called.
 *
 * @param kvHeads  key/value heads; 0 means as many as {@code heads}
 * @param memory   the tensor whose tokens the queries attend to, by name
 * @param keyWidth the width Ekv of the memory's tokens; 0 means the queries' width E
 * @param biases   which of the four projections have a bias
 */
public record CrossAttention(int heads, int kvHeads, String memory, int keyWidth, ProjectionBiases biases)
        implements TokenOp {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Attention.checkHeads(faults, heads, kvHeads);
        Window.checkAtLeast(faults, Attr.KEY_WIDTH, keyWidth, 0, "key width (0: the queries' width E)");
        if (memory.isEmpty()) {
            faults.add(Message.MEMORY_NAMES_NOTHING.on(Attr.MEMORY));
        }
        return faults;
    }

    /** Key/value heads, with 0 read as {@code heads}. */
    public int keyValueHeads() {
        return kvHeads == 0 ? heads : kvHeads;
    }

    /** Never called: the layer always names its memory, which {@link #validate()} checks. */
    @Override
    public ShapeResult outputOfTokens(Shape tokens) {
        throw new IllegalStateException("@CrossAttention attends to the tensor memory names");
    }

    /** The queries kept, {@code (T, E)}, once the heads split E and the memory fits the keys. */
    @Override
    public ShapeResult outputShape(Shape input, Layout layout, SideTensor memory) {
        if (input.rank() == 3) {
            return ShapeResult.failed(Message.CROSS_ATTENTION_OF_SEQUENCES.onAnnotation(input, input.dim(0),
                    input.dim(1)));
        }
        List<Fault> faults = new ArrayList<>();
        Optional<Fault> notDividing = Attention.headsNotDividing(Attention.width(input), heads);
        if (notDividing.isPresent()) {
            faults.add(notDividing.get());
        }
        Optional<Fault> unfit = unfit(memory, Attention.width(input));
        if (unfit.isPresent()) {
            faults.add(unfit.get());
        }
        return faults.isEmpty() ? ShapeResult.of(input) : ShapeResult.failed(faults);
    }

    /**
     * Why the memory cannot give the keys and values of queries {@code width} wide: it is not one
     * sequence of tokens, or its tokens are not as wide as the keys take; empty when it can.
     */
    private Optional<Fault> unfit(SideTensor memory, long width) {
        Shape m = memory.shape();
        if (memory.layout() != Layout.TOKENS) {
            if (m.rank() == 1) {
                return Optional.of(Message.MEMORY_NOT_TOKENS_BUT_VECTOR.on(Attr.MEMORY, memory.producer(), m));
            }
            long channels = memory.layout().features(m);
            String what = memory.layout() == Layout.CHANNELS_LAST ? "a channels-last map (H, W, C)"
                    : "a feature map (C, ...)";
            return Optional.of(Message.MEMORY_NOT_TOKENS_BUT_MAP.on(Attr.MEMORY, memory.producer(), m, what,
                    m.numel() / channels, channels));
        }
        if (m.rank() == 3) {
            return Optional.of(Message.MEMORY_OF_SEQUENCES.on(Attr.MEMORY, memory.producer(), m, m.dim(0), m.dim(1)));
        }
        long memoryWidth = m.dim(1);
        if (keyWidth == 0 && memoryWidth != width) {
            // Nothing written to blame but the name: the width the user left out is the queries'.
            return Optional.of(Message.MEMORY_WIDTH_NOT_QUERY_WIDTH.on(Attr.MEMORY, memory.producer(), m,
                    memoryWidth, width));
        }
        if (keyWidth != 0 && memoryWidth != keyWidth) {
            return Optional.of(Message.KEY_WIDTH_NOT_FITTING_MEMORY.on(Attr.KEY_WIDTH, keyWidth, memory.producer(), m,
                    memoryWidth));
        }
        return Optional.empty();
    }

    /** The width E' of the keys and values together over their heads: {@code kvHeads * E / heads}. */
    long keyValueWidth(long width) {
        return keyValueHeads() * (width / heads);
    }

    /** Never called: a cross-attention's figures need its memory. */
    @Override
    public Cost cost(Shape input, Shape output) {
        throw new IllegalStateException("@CrossAttention's figures need the tensor memory names");
    }

    @Override
    public Cost cost(Shape input, Shape output, Layout layout, SideTensor memory) {
        long t = input.dim(0);
        long e = Attention.width(input);
        long s = memory.shape().dim(0);
        long keyIn = memory.shape().dim(1);
        long kv = keyValueWidth(e);
        long queryAndOutBiases = biases.ofQueryAndOut(e);
        long keyAndValueBiases = biases.ofKeyAndValue(kv);
        long params = Math.addExact(Math.addExact(product(2, e, e), product(2, keyIn, kv)),
                Math.addExact(queryAndOutBiases, keyAndValueBiases));
        // q and out on the T queries; k and v on the S memory tokens; scores and weighted sum T * S * d
        // per head each, T * S * E in all.
        long macs = Math.addExact(Math.addExact(product(2, t, e, e), product(2, s, keyIn, kv)), product(2, t, s, e));
        long softmax = product(3, heads, t, s);
        long biasAdds = Math.addExact(product(t, queryAndOutBiases), product(s, keyAndValueBiases));
        long flops = Math.addExact(Math.addExact(product(2, macs), softmax), biasAdds);
        return new Cost(params, 0, macs, flops);
    }

    /** It reads the memory's elements too, besides its input, and writes its output. */
    @Override
    public long activationsMoved(Shape input, Shape output, Layout layout, SideTensor memory) {
        return Math.addExact(Math.addExact(input.numel(), memory.shape().numel()), output.numel());
    }

    /**
     * One new token: its q and out projections, and its scores and weighted sum over the S memory
     * tokens, whatever the context; the memory's keys and values were computed once, at prefill.
     */
    @Override
    public Optional<DecodeCost> decodeCost(Shape input, Cost cost, SideTensor memory) {
        long e = Attention.width(input);
        long s = memory.shape().dim(0);
        return Optional.of(new DecodeCost(Math.addExact(product(2, e, e), product(2, s, e)), 0));
    }

    /**
     * The elements of the cross-attention cache of one sequence: a key and a value of width E' for
     * each of the S memory tokens, {@code 2 * S * E'}, computed once whatever the context.
     *
     * @param input the queries {@code (T, E)}, whose width E sets E'
     */
    public long cachedOnce(Shape input, SideTensor memory) {
        return product(2, memory.shape().dim(0), keyValueWidth(Attention.width(input)));
    }

    /**
     * Its key and value projections' parameters, weights and biases: what computes the cache of
     * {@link #cachedOnce}, at prefill, and no decode step reads again.
     */
    public long keyValueParams(Shape input, SideTensor memory) {
        long kv = keyValueWidth(Attention.width(input));
        return Math.addExact(product(2, memory.shape().dim(1), kv), biases.ofKeyAndValue(kv));
    }

    @Override
    public String annotation() {
        return "@CrossAttention";
    }

    /**
     * As self-attention's ({@link Attention#backprop}), with the queries' T rows and the memory's S:
     * inside, {@code dO} ({@code T*E*E}) and the core's backward on {@code T*S} scores per head; to the
     * input {@code dX = dQ Wq^T} ({@code T*E*E}) and to the memory {@code dM = [dK dV] [Wk Wv]^T}
     * ({@code 2*S*Ekv*E'}), computed together once either needs one; to the weights, the four
     * projections' products and their biases' sums. It keeps its input and its memory for the
     * projections' weight gradients, Q, K and V, the probabilities (eager) or the log-sum-exp of each
     * head and query row (fused), and O (fused; eager for the out projection's weight gradient).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, Optional<SideTensor> side, Cost forward,
            BackwardPass pass) {
        if (side.isEmpty()) {
            throw new IllegalStateException("@CrossAttention names its memory");
        }
        SideTensor memory = side.get();
        long t = input.dim(0);
        long e = Attention.width(input);
        long s = memory.shape().dim(0);
        long keyIn = memory.shape().dim(1);
        long kv = keyValueWidth(e);
        long scores = product(heads, t, s);
        Work inside = Work.products(product(t, e, e))
                .plus(ProductGradients.attentionCore(product(t, s, e), scores, pass.attention()));
        Work toInput = Work.products(Math.addExact(product(t, e, e), product(2, s, keyIn, kv)));
        Work toWeights = Work.products(Math.addExact(product(2, t, e, e), product(2, s, keyIn, kv)))
                .plus(Work.flops(Math.addExact(product(t, biases.ofQueryAndOut(e)), product(s,
                        biases.ofKeyAndValue(kv)))));
        boolean fused = pass.attention() == dev.netcost.Training.AttentionKernel.FUSED;
        long queries = product(t, e);
        long kept = Math.addExact(Math.addExact(queries, product(2, s, fused ? kv : e)),
                ProductGradients.probabilities(scores, pass.attention()));
        if (fused || pass.weightGradient()) {
            kept = Math.addExact(kept, queries); // O, as wide as the queries
        }
        Saved saved = new Saved(pass.weightGradient(), false, kept,
                ProductGradients.logSumExpBytes(heads, t, pass.attention()));
        return ProductGradients.of(forward.flops(), pass, toInput, inside, toWeights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "MultiheadAttention (cross)";
    }

    private static long product(long... factors) {
        return Window.product(factors);
    }
}
