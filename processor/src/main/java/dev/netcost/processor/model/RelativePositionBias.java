package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @RelativePositionBias}: T5's {@code (buckets, heads)} table of learned biases, whose
 * {@code (heads, T, T)} bias the attention of its stack adds to its scores; the tokens pass unchanged.
 * {@code maxDistance} and {@code bidirectional} only choose each distance's bucket, so they change no
 * figure: the record keeps {@code maxDistance} for its check alone, and not {@code bidirectional}.
 */
public record RelativePositionBias(int buckets, int heads, int maxDistance) implements TokenOp {
    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.BUCKETS, buckets, 1, "number of buckets");
        Window.checkAtLeast(faults, Attr.HEADS, heads, 1, "number of heads");
        Window.checkAtLeast(faults, Attr.MAX_DISTANCE, maxDistance, 1,
                "distance from which all distances share the last bucket");
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

    @Override
    public String displayName(Shape input) {
        return "RelativePositionBias";
    }
}
