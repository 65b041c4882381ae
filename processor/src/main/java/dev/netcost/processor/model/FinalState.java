package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @FinalState("lstm")}: the final hidden state h_n of the recurrent layer named, PyTorch's
 * second return value, {@code (L * D, Hout)}, or with {@code cell} an LSTM's cell state c_n,
 * {@code (L * D, H)}. It reads the output of the layer it names (the reader makes the name its
 * input, as {@code @From}'s), and its shape is not that output's: the walker hands it the op that
 * made its input ({@link #outputShape(Shape, Optional, String)}), whose {@link Recurrent#finalState}
 * it gives. The layer computed it; no figure of its own. Its rows are held as tokens.
 */
public record FinalState(boolean cell) implements Rearrangement {
    /**
     * Every layout: what it reads is decided by who made its input, which {@link #outputShape(Shape,
     * Optional, String)} checks, so that a wrong name is said as such, whatever the tensor's layout.
     */
    @Override
    public Set<Layout> accepts() {
        return EnumSet.allOf(Layout.class);
    }

    /** Never called: its shape is its producer's state, which the walker gives it. */
    @Override
    public ShapeResult outputShape(Shape input) {
        throw new IllegalStateException("@FinalState's shape is the state of the layer it names");
    }

    /**
     * The final state of {@code producer}, the op that made the input, or why there is none.
     *
     * @param producer the computation that made the tensor named; empty for an input of the network
     * @param name     who made it, for messages: a layer's path, or an input's name
     * @param op       what that layer computes, as the summary names it ({@code Linear})
     */
    public ShapeResult outputShape(Shape input, Optional<Computation> producer, String name, String op) {
        // The name is at fault: it is read as @From's, so the fault is placed as @From's is, on the value.
        if (producer.isEmpty()) {
            return ShapeResult.failed(Message.FINAL_STATE_OF_INPUT.on(Attr.FROM, name));
        }
        if (!(producer.get() instanceof Recurrent recurrent)) {
            return ShapeResult.failed(Message.FINAL_STATE_OF_NO_RECURRENT_LAYER.on(Attr.FROM, name, op));
        }
        if (cell && !recurrent.hasCell()) {
            return ShapeResult.failed(Message.FINAL_STATE_CELL_WITHOUT_CELL.on(Attr.CELL, name,
                    recurrent.cell().displayName()));
        }
        return ShapeResult.of(recurrent.finalState(cell));
    }

    /** Rows of one layer and direction each, as tokens: {@code @SelectToken(index = -1)} is {@code h_n[-1]}. */
    @Override
    public Layout outputLayout(Layout input) {
        return Layout.TOKENS;
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        return Cost.ZERO;
    }

    /** It computes nothing when decoding: the recurrent layer keeps its state. */
    @Override
    public Optional<DecodeCost> decodeCost(Shape input, Cost cost) {
        return Optional.of(DecodeCost.ZERO);
    }

    /** A view of the state the layer keeps: the state written, nothing read. */
    @Override
    public long activationsMoved(Shape input, Shape output, Layout layout) {
        return output.numel();
    }

    @Override
    public String displayName(Shape input) {
        return cell ? "FinalState (c_n)" : "FinalState (h_n)";
    }
}
