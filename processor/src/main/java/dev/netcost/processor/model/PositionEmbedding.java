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

    @Override
    public String annotation() {
        return "@PositionEmbedding";
    }

    @Override
    public String displayName(Shape input) {
        return sinusoidal ? "SinusoidalPositionEmbedding" : "PositionEmbedding";
    }
}
