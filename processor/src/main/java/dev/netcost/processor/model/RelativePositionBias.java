package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @RelativePositionBias}: T5's {@code (buckets, heads)} table of learned biases, whose
 * {@code (heads, T, T)} bias the attention of its stack adds to its scores; the tokens pass unchanged.
 * {@code maxDistance} and {@code bidirectional} only choose each distance's bucket, so they change no
 * figure: the record keeps them for its checks alone.
 *
 * <p>Hugging Face's {@code _relative_position_bucket} halves the buckets for the two directions
 * when bidirectional, gives half of what is left to exact distances ({@code max_exact}) and divides
 * by {@code max_exact} and by {@code log(max_distance / max_exact)}: so at least 4 buckets (2 one
 * way), and a {@code maxDistance} beyond {@code max_exact}, or PyTorch divides by zero.
 */
public record RelativePositionBias(int buckets, int heads, int maxDistance, boolean bidirectional)
        implements TokenOp {
    /** Bidirectional, as T5's encoder. */
    public RelativePositionBias(int buckets, int heads, int maxDistance) {
        this(buckets, heads, maxDistance, true);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.BUCKETS, buckets, bidirectional ? 4 : 2,
                "number of buckets (" + (bidirectional ? "a quarter" : "half") + " of them for exact distances)");
        Window.checkAtLeast(faults, Attr.HEADS, heads, 1, "number of heads");
        long maxExact = (bidirectional ? buckets / 2 : buckets) / 2;
        Window.checkAtLeast(faults, Attr.MAX_DISTANCE, maxDistance, Math.max(1, maxExact + 1),
                "distance from which all distances share the last bucket, beyond the exact ones,");
        return faults;
    }

    @Override
    public ShapeResult outputOfTokens(Shape input) {
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // The table's rows are parameters; the bias is added to one layer's scores, one add per score
        // of each head, in each sequence. Bucketing is index arithmetic and the lookup a gather.
        long tokens = TokenOp.tokensPerSequence(input);
        long scores = Math.multiplyExact(Math.multiplyExact(TokenOp.sequences(input), (long) heads),
                Math.multiplyExact(tokens, tokens));
        return new Cost(Math.multiplyExact((long) buckets, heads), 0, 0, scores);
    }

    @Override
    public String annotation() {
        return "@RelativePositionBias";
    }

    /**
     * The tokens pass unchanged. The table's gradient gathers the gradient of the scores it was added
     * to back into its buckets, one add per score ({@code S*heads*T*T}), counted once as its forward
     * add is. It keeps nothing per sample: the buckets' int64 indices are computed once per batch.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        return ProductGradients.of(forward.flops(), pass, Work.NONE, Work.NONE, Work.flops(forward.flops()),
                Saved.NOTHING);
    }

    @Override
    public String displayName(Shape input) {
        return "RelativePositionBias";
    }
}
