package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @LSTM}, {@code @GRU} and {@code @RNN}: PyTorch's {@code nn.LSTM}, {@code nn.GRU} and
 * {@code nn.RNN} over one sequence of tokens {@code (T, E)}, by the cost model's "Recurrent layers".
 * The three differ only in their cell: how many gates share the input and hidden products, the
 * activations of a step and its elementwise updates. The output is {@code (T, D * Hout)}.
 *
 * @param cell          which of the three, and for an RNN its activation
 * @param hidden        H, cells per layer and direction
 * @param layers        L, stacked layers
 * @param bidirectional D = 2
 * @param bias          both bias vectors per gate ({@code b_ih}, {@code b_hh})
 * @param projSize      an LSTM's {@code proj_size}: Hout when above 0; 0 for the others
 * @param resetAfter    a GRU's reset gate after the hidden product (PyTorch); false is Keras's
 *     {@code reset_after=False}, one bias vector per gate; true for the others
 * @param dropout       between layers, in training only: checked, and changes no figure
 */
public record Recurrent(Cell cell, int hidden, int layers, boolean bidirectional, boolean bias, int projSize,
        boolean resetAfter, double dropout) implements Op {

    /** The cells, with what one step of one layer and direction computes per hidden cell. */
    public enum Cell {
        /** i, f, g, o; three sigmoids and two tanh (g, c'), 20; f*c, i*g, their sum, o*tanh(c'), 4. */
        LSTM("@LSTM", "LSTM", 4, 5 * 4, 4),
        /** r, z, n; two sigmoids and a tanh, 12; r*(...), 1 - z, (1 - z)*n, z*h and the sum, 5. */
        GRU("@GRU", "GRU", 3, 3 * 4, 5),
        /** One tanh, 4; no update besides it. */
        RNN_TANH("@RNN", "RNN", 1, 4, 0),
        /** One ReLU, 1. */
        RNN_RELU("@RNN", "RNN", 1, 1, 0);

        private final String annotation;
        private final String displayName;
        private final int gates;
        private final int activationFlops;
        private final int updateFlops;

        Cell(String annotation, String displayName, int gates, int activationFlops, int updateFlops) {
            this.annotation = annotation;
            this.displayName = displayName;
            this.gates = gates;
            this.activationFlops = activationFlops;
            this.updateFlops = updateFlops;
        }

        /** As messages name it: {@code @LSTM}. */
        public String annotation() {
            return annotation;
        }

        /** What PyTorch calls the module: {@code LSTM}. */
        public String displayName() {
            return displayName;
        }
    }

    /** {@code @LSTM(hidden, layers, bidirectional, bias, projSize, dropout)}. */
    public static Recurrent lstm(int hidden, int layers, boolean bidirectional, boolean bias, int projSize,
            double dropout) {
        return new Recurrent(Cell.LSTM, hidden, layers, bidirectional, bias, projSize, true, dropout);
    }

    /** {@code @GRU(hidden, layers, bidirectional, bias, resetAfter, dropout)}. */
    public static Recurrent gru(int hidden, int layers, boolean bidirectional, boolean bias, boolean resetAfter,
            double dropout) {
        return new Recurrent(Cell.GRU, hidden, layers, bidirectional, bias, 0, resetAfter, dropout);
    }

    /** {@code @RNN(hidden, layers, bidirectional, bias, dropout, nonlinearity)}. */
    public static Recurrent rnn(int hidden, int layers, boolean bidirectional, boolean bias, double dropout,
            dev.netcost.RNN.Nonlinearity nonlinearity) {
        return new Recurrent(nonlinearity == dev.netcost.RNN.Nonlinearity.RELU ? Cell.RNN_RELU : Cell.RNN_TANH,
                hidden, layers, bidirectional, bias, 0, true, dropout);
    }

    /** Tokens only, as the ops of sequences. */
    @Override
    public Set<Layout> accepts() {
        return Set.of(Layout.TOKENS);
    }

    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsTokens(cell.annotation, input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.HIDDEN, hidden, 1, "number of hidden cells");
        Window.checkAtLeast(faults, Attr.LAYERS, layers, 1, "number of layers");
        if (cell == Cell.LSTM) {
            int before = faults.size();
            Window.checkAtLeast(faults, Attr.PROJ_SIZE, projSize, 0, "projection's width (0: none)");
            if (faults.size() == before && hidden >= 1 && projSize >= hidden) {
                faults.add(Message.PROJ_SIZE_NOT_BELOW_HIDDEN.on(Attr.PROJ_SIZE, projSize, hidden));
            }
        }
        faults.addAll(Probability.check(Attr.DROPOUT, dropout));
        return faults;
    }

    /** D: 2 when bidirectional. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Hout, the width of the hidden state: an LSTM's projection's, else H. */
    public int hiddenOut() {
        return projSize > 0 ? projSize : hidden;
    }

    /** Whether this is an LSTM, whose final state has a cell state c_n besides h_n. */
    public boolean hasCell() {
        return cell == Cell.LSTM;
    }

    /** {@code (T, D * Hout)}, on one sequence {@code (T, E)}. */
    @Override
    public ShapeResult outputShape(Shape input) {
        if (input.rank() == 3) {
            return ShapeResult.failed(Message.RECURRENT_OF_SEQUENCES.onAnnotation(cell.annotation, input,
                    input.dim(0), input.dim(1)));
        }
        return ShapeResult.of(Shape.of(input.dim(0), Math.multiplyExact((long) directions(), hiddenOut())));
    }

    /** The final hidden state h_n, {@code (L * D, Hout)}, or an LSTM's cell state c_n, {@code (L * D, H)}. */
    public Shape finalState(boolean cellState) {
        return Shape.of(Math.multiplyExact((long) layers, directions()), cellState ? hidden : hiddenOut());
    }

    /** The features layer {@code l} reads per step: E for the first, {@code D * Hout} for every later one. */
    private long inputWidth(int l, long width) {
        return l == 0 ? width : Math.multiplyExact((long) directions(), hiddenOut());
    }

    /**
     * The parameters of one layer and direction reading {@code in} features per step: every weight
     * (input, hidden, projection) takes part in one product of a step, so they are the step's MACs,
     * and the bias elements.
     */
    private long params(long in) {
        return Math.addExact(stepMacs(in), biasElements());
    }

    /** The bias elements of one layer and direction: {@code b_ih} and {@code b_hh}, or one vector. */
    private long biasElements() {
        if (!bias) {
            return 0;
        }
        long gates = Math.multiplyExact((long) cell.gates, hidden);
        return resetAfter ? Math.multiplyExact(2, gates) : gates;
    }

    /** The MACs of one step of one layer and direction reading {@code in} features. */
    private long stepMacs(long in) {
        long gates = Math.multiplyExact((long) cell.gates, hidden);
        long products = Math.addExact(Math.multiplyExact(gates, in), Math.multiplyExact(gates, (long) hiddenOut()));
        return Math.addExact(products, Math.multiplyExact((long) hidden, projSize));
    }

    /** The FLOPs of one step: 2 per MAC, one per bias element, the activations, the state's updates. */
    private long stepFlops(long in) {
        long perCell = (long) cell.activationFlops + cell.updateFlops;
        return Math.addExact(Math.addExact(Math.multiplyExact(2, stepMacs(in)), biasElements()),
                Math.multiplyExact(perCell, hidden));
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long t = input.dim(0);
        long width = input.dim(1);
        long params = 0;
        long macs = 0;
        long flops = 0;
        for (int l = 0; l < layers; l++) {
            long in = inputWidth(l, width);
            long d = directions();
            params = Math.addExact(params, Math.multiplyExact(d, params(in)));
            macs = Math.addExact(macs, Math.multiplyExact(d, stepMacs(in)));
            flops = Math.addExact(flops, Math.multiplyExact(d, stepFlops(in)));
        }
        return new Cost(params, 0, Math.multiplyExact(t, macs), Math.multiplyExact(t, flops));
    }

    /**
     * One new token: one time step of every layer, whatever the context, since the state holds
     * all that came before; none for a bidirectional layer, whose backward pass reads the tokens
     * after each one.
     */
    @Override
    public Optional<DecodeCost> decodeCost(Shape input, Cost cost) {
        if (bidirectional) {
            return Optional.empty();
        }
        long width = input.dim(1);
        long macs = 0;
        for (int l = 0; l < layers; l++) {
            macs = Math.addExact(macs, stepMacs(inputWidth(l, width)));
        }
        return Optional.of(new DecodeCost(macs, 0));
    }

    /**
     * The elements of the state one sequence keeps from token to token, a decoder's cache:
     * {@code L * D * Hout}, and an LSTM's cell state {@code L * D * H}.
     */
    public long stateElements() {
        long perLayer = hasCell() ? Math.addExact((long) hiddenOut(), hidden) : hiddenOut();
        return Math.multiplyExact(Math.multiplyExact((long) layers, directions()), perLayer);
    }

    @Override
    public String displayName(Shape input) {
        return cell.displayName + (bidirectional ? " (bidirectional)" : "");
    }
}
