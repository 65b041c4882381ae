package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @WindowAttention}: Swin's self-attention within (shifted) windows of a channels-last map
 * {@code (H, W, C)}, as torchvision 0.14's {@code ShiftedWindowAttention}, by the cost model's
 * section "Windowed attention in detail": figures on the padded map ({@link WindowGrid}).
 */
public record WindowAttention(int heads, List<Integer> window, List<Integer> shift, boolean bias) implements Op {
    public WindowAttention {
        window = List.copyOf(window);
        shift = List.copyOf(shift);
    }

    /** A map with its channels last, {@code (H, W, C)}, as torchvision's Swin holds it. */
    @Override
    public Set<Layout> accepts() {
        return EnumSet.of(Layout.CHANNELS_LAST);
    }

    /** Tokens have no height and width; a channels-first map needs {@code @ChannelsLast}. */
    @Override
    public Fault refuse(Shape input, Layout layout) {
        return Refusals.needsChannelsLastMap("@WindowAttention", input, layout);
    }

    @Override
    public List<Fault> validate() {
        List<Fault> faults = new ArrayList<>();
        Window.checkAtLeast(faults, Attr.HEADS, heads, 1, "number of heads");
        checkAxes(faults, Attr.WINDOW, window, 1, "window size");
        checkAxes(faults, Attr.SHIFT, shift, 0, "shift");
        if (faults.isEmpty()) {
            long[] m = Window.perDimension(window, 2);
            long[] s = Window.perDimension(shift, 2);
            for (int i = 0; i < 2; i++) {
                if (s[i] >= m[i]) {
                    faults.add(Message.SHIFT_NOT_BELOW_WINDOW.on(Attr.SHIFT, Window.braces(shift),
                            Window.braces(window), s[i], m[i]));
                    break;
                }
            }
        }
        return faults;
    }

    /** One value or one per axis of a 2-d map, each at least {@code min}. */
    private static void checkAxes(List<Fault> faults, Attr attr, List<Integer> values, int min, String what) {
        if (values.isEmpty()) {
            faults.add(Message.NO_VALUES.on(attr, attr.javaName(), what));
            return;
        }
        if (values.size() > 2) {
            faults.add(Message.VALUES_NOT_MATCHING_MAP_AXES.on(attr, attr.javaName(), Window.braces(values),
                    values.size(), "@WindowAttention"));
            return;
        }
        for (int v : values) {
            if (v < min) {
                faults.add(Message.PER_DIMENSION_BELOW_MINIMUM.on(attr, attr.javaName(), Window.braces(values), what,
                        min, v));
                return;
            }
        }
    }

    /** As if the input were a channels-last map; for tests that need no layout. */
    @Override
    public ShapeResult outputShape(Shape input) {
        return outputShape(input, Layout.CHANNELS_LAST);
    }

    @Override
    public ShapeResult outputShape(Shape input, Layout layout) {
        // The walker refused every other layout; a channels-last map of three spatial axes is no 2-d one.
        if (input.rank() != 3) {
            return ShapeResult.failed(Message.CHANNELS_LAST_MAP_NEEDED.onAnnotation("@WindowAttention", input));
        }
        long channels = input.dim(2);
        if (channels % heads != 0) {
            return ShapeResult.failed(Message.HEADS_NOT_DIVIDING_CHANNELS.on(Attr.HEADS, channels, heads,
                    Attention.divisors(channels, heads)));
        }
        return ShapeResult.of(input);
    }

    @Override
    public Cost cost(Shape input, Shape output) {
        long c = input.dim(2);
        WindowGrid grid = WindowGrid.of(input, window, shift);
        long[] m = Window.perDimension(window, 2);
        long projectionWeights = Math.multiplyExact(4, Math.multiplyExact(c, c)); // qkv 3C^2, proj C^2
        long table = Math.multiplyExact(Math.multiplyExact(2 * m[0] - 1, 2 * m[1] - 1), (long) heads);
        long params = Math.addExact(Math.addExact(projectionWeights, bias ? Math.multiplyExact(4, c) : 0), table);
        long n = grid.windowPositions();
        long index = Math.multiplyExact(n, n);
        long positions = grid.paddedPositions();
        long projections = Math.multiplyExact(positions, projectionWeights);
        // Scores Q K^T and the weighted sum A V: N^2 * d per window and head each, nW * N^2 * C in all.
        long products = Math.multiplyExact(2, Math.multiplyExact(grid.scoresPerHead(), c));
        long macs = Math.addExact(projections, products);
        long scores = Math.multiplyExact(grid.scoresPerHead(), (long) heads);
        // Softmax 3 per score, the relative position bias's add 1 per score; the projections' biases.
        long flops = Math.addExact(Math.multiplyExact(2, macs), Math.multiplyExact(4, scores));
        if (bias) {
            flops = Math.addExact(flops, Math.multiplyExact(positions, Math.multiplyExact(4, c)));
        }
        return new Cost(params, index, macs, flops);
    }

    /**
     * As self-attention's ({@link Attention#backprop}), on the padded map's {@code Hp*Wp} positions and
     * each window's scores: inside, {@code dO} and the core's backward; to the input, the qkv
     * projection's {@code dX} ({@code 3C^2} per position); to the weights, qkv's and proj's products,
     * their biases' sums, and the bias table's gradient, one add per score (the gradient of the scores
     * gathered back into the table). It keeps the padded, windowed map the qkv projection reads (a
     * copy, for its weight gradient), Q, K and V, the probabilities (eager) or the log-sum-exp (fused),
     * and O (fused; eager for proj's weight gradient).
     */
    @Override
    public Backprop backprop(Shape input, Shape output, Layout layout, java.util.Optional<SideTensor> side,
            Cost forward, BackwardPass pass) {
        long c = input.dim(2);
        WindowGrid grid = WindowGrid.of(input, window, shift);
        long positions = grid.paddedPositions();
        long perHead = grid.scoresPerHead();
        long scores = Math.multiplyExact(perHead, (long) heads);
        long map = Math.multiplyExact(positions, c);
        Work inside = Work.products(Math.multiplyExact(map, c))
                .plus(ProductGradients.attentionCore(Math.multiplyExact(perHead, c), scores, pass.attention()));
        Work toInput = Work.products(Math.multiplyExact(map, Math.multiplyExact(3, c)));
        Work toWeights = Work.products(Math.multiplyExact(map, Math.multiplyExact(4, c)))
                .plus(Work.flops(Math.addExact(bias ? Math.multiplyExact(4, map) : 0, scores)));
        boolean fused = pass.attention() == dev.netcost.Training.AttentionKernel.FUSED;
        long kept = Math.addExact(Math.multiplyExact(3, map), ProductGradients.probabilities(scores, pass.attention()));
        if (fused || pass.weightGradient()) {
            kept = Math.addExact(kept, map); // O
        }
        if (pass.weightGradient()) {
            kept = Math.addExact(kept, map); // the windowed map qkv reads
        }
        Saved saved = new Saved(false, false, kept, ProductGradients.logSumExpBytes(heads, positions, pass.attention()));
        return ProductGradients.of(forward.flops(), pass, toInput, inside, toWeights, saved);
    }

    @Override
    public String displayName(Shape input) {
        return "ShiftedWindowAttention" + (WindowGrid.of(input, window, shift).shifted() ? " (shifted)" : "");
    }
}
