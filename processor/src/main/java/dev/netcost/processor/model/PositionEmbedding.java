package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code @PositionEmbedding}: row t of a learned {@code (length, E)} table added to token t (of each sequence). */
public record PositionEmbedding(int length) implements TokenOp {
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
        // Every row is a parameter, used or not; one add per element.
        return new Cost(Math.multiplyExact((long) length, input.dim(input.rank() - 1)), 0, 0, output.numel());
    }

    @Override
    public String annotation() {
        return "@PositionEmbedding";
    }

    @Override
    public String displayName(Shape input) {
        return "PositionEmbedding";
    }
}
