package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @PositionEmbedding}: row t of a {@code (length, E)} table added to token t (of each
 * sequence); learned parameters, or, {@code sinusoidal}, a fixed buffer as Whisper's encoder keeps it.
 */
public record PositionEmbedding(int length, boolean sinusoidal) implements TokenOp {
    /** A learned table. */
    public PositionEmbedding(int length) {
        this(length, false);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.LENGTH, length, 1, "length of the position table");
        return faults;
    }

    @Override
    public ShapeResult outputOfTokens(Shape input) {
        long tokens = TokenOp.tokensPerSequence(input);
        if (tokens > length) {
            return ShapeResult.failed(Message.SEQUENCE_LONGER_THAN_TABLE.on(Attr.LENGTH, tokens, length));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        // Every row is held, used or not: learned, a parameter; fixed sinusoids, a buffer. One add per element.
        long table = Math.multiplyExact((long) length, input.dim(input.rank() - 1));
        return sinusoidal ? new Cost(0, table, 0, output.numel()) : new Cost(table, 0, 0, output.numel());
    }

    /**
     * A lookup, as an embedding is: each sequence adds the rows of its T positions, the same rows for
     * every sequence, so a pass reads {@code T * E} of the table once, never more than the table; a
     * decode step, one row.
     */
    @Override
    public long parametersRead(Shape input, Cost cost, long batch) {
        return Math.min(Math.addExact(cost.params(), cost.buffers()),
                Math.multiplyExact(TokenOp.tokensPerSequence(input), input.dim(input.rank() - 1)));
    }

    @Override
    public String annotation() {
        return "@PositionEmbedding";
    }

    /**
     * The add passes the gradient to the tokens as it is; the learned table's gradient sums it over
     * the sequences, one add per output element (a bias's rule). A fixed table has none. It keeps
     * nothing: an add saves no tensor, and the rows it adds are a slice of the table.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        Work toWeights = sinusoidal ? Work.NONE : Work.flops(output.numel());
        return ProductGradients.of(forward.flops(), pass, Work.NONE, Work.NONE, toWeights, Saved.NOTHING);
    }

    @Override
    public String displayName(Shape input) {
        return sinusoidal ? "SinusoidalPositionEmbedding" : "PositionEmbedding";
    }
}
