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
        /**
         * i, f, g, o; three sigmoids and two tanh (g, c'), 20; f*c, i*g, their sum, o*tanh(c'), 4.
         * Backward 23: five activations at 3, three products at 2, the state's gradients joined from the
         * next step (c and h), 1 each. Keeps the four gates, c, tanh(c') and h of each step.
         */
        LSTM("@LSTM", "LSTM", 4, 5 * 4, 4, 5 * 3 + 3 * 2 + 2, 6),
        /**
         * r, z, n; two sigmoids and a tanh, 12; r*(...), 1 - z, (1 - z)*n, z*h and the sum, 5. Backward
         * 18: three activations at 3, three products at 2, {@code 1 - z} 1, h's gradient joined from
         * the next step and from {@code z*h} 2. Keeps six vectors of H per step, and h.
         */
        GRU("@GRU", "GRU", 3, 3 * 4, 5, 3 * 3 + 3 * 2 + 1 + 2, 6),
        /** One tanh, 4; no update besides it. Backward 4: the tanh's 3, h's gradient joined 1. Keeps h. */
        RNN_TANH("@RNN", "RNN", 1, 4, 0, 3 + 1, 1),
        /** One ReLU, 1. Backward 2: the ReLU's 1, h's gradient joined 1. Keeps h. */
        RNN_RELU("@RNN", "RNN", 1, 1, 0, 1 + 1, 1);

        private final String annotation;
        private final String displayName;
        private final int gates;
        private final int activationFlops;
        private final int updateFlops;
        private final int backwardFlops;
        private final int keptPerCell;

        Cell(String annotation, String displayName, int gates, int activationFlops, int updateFlops, int backwardFlops,
                int keptPerCell) {
            this.annotation = annotation;
            this.displayName = displayName;
            this.gates = gates;
            this.activationFlops = activationFlops;
            this.updateFlops = updateFlops;
            this.backwardFlops = backwardFlops;
            this.keptPerCell = keptPerCell;
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

    /**
     * Back through time, by the cost model's row: inside the layer, each step's element-wise backward
     * ({@link Cell}), the hidden state's gradient through the hidden weights ({@code gates*H*Hout}
     * MACs) and an LSTM's projection ({@code H*P}), and each later layer's gradient to the layer below
     * ({@code gates*H*I}); to the input, the first layer's {@code gates*H*E} per step and direction; to
     * the weights, the products of a step again and one add per bias element per step. It keeps what
     * PyTorch's cells keep per step (torch 1.13 on the CPU): an LSTM its four gates, c, tanh(c'), and
     * for its weights' gradients h (and with a projection, what the projection reads); a GRU six
     * vectors of H, and h for its weights; an RNN each h, and h0 for its weights; and, for the weights
     * of every later layer, its input.
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, Optional<SideTensor> side, Cost forward,
            BackwardPass pass) {
        long t = input.dim(0);
        long width = input.dim(1);
        long d = directions();
        long gates = Math.multiplyExact((long) cell.gates, hidden);
        Work inside = Work.NONE;
        Work toWeights = Work.NONE;
        long kept = 0;
        for (int l = 0; l < layers; l++) {
            long in = inputWidth(l, width);
            Work step = Work.products(Math.addExact(Math.multiplyExact(gates, (long) hiddenOut()),
                    Math.multiplyExact((long) hidden, projSize)))
                    .plus(Work.flops(Math.multiplyExact((long) cell.backwardFlops, hidden)));
            if (l > 0) {
                step = step.plus(Work.products(Math.multiplyExact(gates, in)));
                if (pass.weightGradient()) {
                    kept = Math.addExact(kept, Math.multiplyExact(t, in)); // the layer's input, read by both directions
                }
            }
            inside = inside.plus(step.times(Math.multiplyExact(t, d)));
            toWeights = toWeights.plus(Work.products(stepMacs(in)).plus(Work.flops(biasElements()))
                    .times(Math.multiplyExact(t, d)));
            kept = Math.addExact(kept, Math.multiplyExact(d, keptPerStep(t, pass.weightGradient())));
        }
        Work toInput = Work.products(Math.multiplyExact(Math.multiplyExact(t, d), Math.multiplyExact(gates, width)));
        return ProductGradients.of(forward.flops(), pass, toInput, inside, toWeights,
                new Saved(pass.weightGradient(), false, kept, 0));
    }

    /** The elements one layer and direction keeps over {@code t} steps, by {@link Cell}. */
    private long keptPerStep(long t, boolean weightGradient) {
        long perStep = Math.multiplyExact((long) cell.keptPerCell, hidden);
        if (cell == Cell.LSTM && weightGradient) {
            perStep = Math.addExact(perStep, hiddenOut()); // h, which the hidden product reads
            if (projSize > 0) {
                perStep = Math.addExact(perStep, hidden); // o * tanh(c'), which the projection reads
            }
        } else if (cell == Cell.GRU && weightGradient) {
            perStep = Math.addExact(perStep, hidden);
        }
        long kept = Math.multiplyExact(t, perStep);
        // An RNN keeps each h as its activation's output; its weights' gradients need h0 too.
        return (cell == Cell.RNN_TANH || cell == Cell.RNN_RELU) && weightGradient ? Math.addExact(kept, hidden) : kept;
    }

    @Override
    public String displayName(Shape input) {
        return cell.displayName + (bidirectional ? " (bidirectional)" : "");
    }
}
