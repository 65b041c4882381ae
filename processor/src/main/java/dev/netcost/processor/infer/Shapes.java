package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Embedding;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.FinalState;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Merge;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ShapeResult;
import dev.netcost.processor.model.SideTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pass (b): a resolved layer's output shape and figures, by its op's own rules
 * ({@link Op#validate()}, {@link Op#outputShape}, {@link Op#cost}). Before any shape, the input's
 * layout: a merge's inputs must share one (and, for {@code @Add} and {@code @Mul}, one rank), and
 * the op must take it ({@code Computation#accepts()}),
 * else the op's refusal is reported on its annotation, since the input is to blame.
 */
final class Shapes {
    /**
     * A layer with its shapes and figures.
     *
     * @param inputs    one sample of each tensor it reads
     * @param producers who made each: a layer's path, or {@code input}
     * @param out       one output sample
     * @param outLayout whether a rank-2 output is tokens
     * @param cost      the figures for the whole batch, its tied weight still counted
     * @param op        what PyTorch calls it for this input
     * @param inLayout  the layout of its (first) input
     * @param side      the tensor an op names besides its input, if it names one
     * @param sample    the figures for one sample, as the op gives them
     */
    record Shaped(List<Shape> inputs, List<String> producers, Shape out, Layout outLayout, Cost cost, String op,
            Layout inLayout, Optional<SideTensor> side, Cost sample) {
        /** The (first) input, which messages say the layer is "on". */
        Shape in() {
            return inputs.get(0);
        }
    }

    /**
     * The layer that made a tensor, for an op whose shape is its producer's state
     * ({@code @FinalState}): what it computes and what the summary calls it.
     */
    record Producer(Computation computation, String op) {}

    private final Tensors tensors;
    private final long batch;
    private final List<Problem> problems;
    private final List<LayerAnalysis> layers;

    /**
     * @param layers the layers analysed so far, by index, which made the tensors: the walker's own list,
     *     which grows as it walks (a list rather than a callback, which would be a lambda; see
     *     ColdPathRulesTest)
     */
    Shapes(Tensors tensors, long batch, List<Problem> problems, List<LayerAnalysis> layers) {
        this.tensors = tensors;
        this.batch = batch;
        this.problems = problems;
        this.layers = layers;
    }

    /** The layer that made {@code tensor}; empty for an input. */
    private Optional<Producer> producer(int tensor) {
        int layer = tensors.producedAt(tensor);
        return layer < 0 ? Optional.empty()
                : Optional.of(new Producer(layers.get(layer).computation(), layers.get(layer).op()));
    }

    /**
     * The layer's output and figures; empty after reporting why the output cannot be known.
     *
     * @throws ArithmeticException if a dimension or figure does not fit a {@code long}
     */
    Optional<Shaped> infer(ResolvedLayer layer) {
        List<Shape> inputs = new ArrayList<>(layer.inputs().size());
        List<String> producers = new ArrayList<>(layer.inputs().size());
        List<Layout> layouts = new ArrayList<>(layer.inputs().size());
        for (int t : layer.inputs()) {
            inputs.add(tensors.shape(t));
            producers.add(tensors.producer(t));
            layouts.add(tensors.layout(t));
        }
        Shape in = inputs.get(0);
        List<Fault> faults = layer.op().validate();
        if (!faults.isEmpty()) {
            for (Fault f : faults) {
                problems.add(layer.problem(in, f));
            }
            return Optional.empty();
        }
        if (layer.copies().inExperts() && !layer.op().perToken()) {
            // Its figures over T tokens would not be T times one token's, which the expert's scaling assumes.
            String what = layer.op() instanceof Op unary ? unary.displayName(in) : ((Merge) layer.op()).displayName();
            problems.add(layer.problem(in, Message.EXPERT_NOT_PER_TOKEN.onAnnotation(what)));
            return Optional.empty();
        }
        for (int i = 0; i < inputs.size(); i++) {
            // Token ids are numbers of a vocabulary, not features: only an embedding reads them.
            if (tensors.ids(layer.inputs().get(i)) && !(i == 0 && layer.op() instanceof Embedding)) {
                problems.add(layer.problem(in, Message.IDS_NEED_EMBEDDING.onAnnotation(producers.get(i))));
                return Optional.empty();
            }
        }
        if (layer.op() instanceof Merge merge) {
            Optional<Fault> mixed = merge.ranksDiffer(inputs, producers);
            if (mixed.isEmpty()) {
                mixed = Merge.layoutsDiffer(inputs, producers, layouts);
            }
            if (mixed.isPresent()) {
                problems.add(layer.problem(in, mixed.get()));
                return Optional.empty();
            }
        }
        // A merge's inputs share one layout: the first input's is every input's.
        Layout layout = layouts.get(0);
        if (!layer.op().accepts().contains(layout)) {
            // The input is to blame, not an attribute: the op says what would give one it takes.
            problems.add(layer.problem(in, layer.op().refuse(in, layout)));
            return Optional.empty();
        }
        ShapeResult result;
        // An op reads one tensor; a second is the one it names by an attribute (like, memory).
        Optional<SideTensor> side = layer.op() instanceof Op && inputs.size() > 1
                ? Optional.of(new SideTensor(inputs.get(1), layouts.get(1), producers.get(1))) : Optional.empty();
        if (layer.op() instanceof FinalState state) {
            // Its shape is the state of the layer that made its input, not that input's.
            Optional<Producer> producer = producer(layer.inputs().get(0));
            result = state.outputShape(in,
                    producer.isPresent() ? Optional.of(producer.get().computation()) : Optional.empty(),
                    producers.get(0), producer.isPresent() ? producer.get().op() : "");
        } else if (layer.op() instanceof Op unary) {
            result = side.isEmpty() ? unary.outputShape(in, layout) : unary.outputShape(in, layout, side.get());
        } else {
            result = ((Merge) layer.op()).outputShape(inputs, producers, layout);
        }
        if (result instanceof ShapeResult.Failed failed) {
            for (Fault f : failed.faults()) {
                problems.add(layer.problem(in, f));
            }
            return Optional.empty();
        }
        Shape out = ((ShapeResult.Ok) result).shape();
        if (layer.op() instanceof Op unary) {
            Cost cost = side.isEmpty() ? unary.cost(in, out, layout) : unary.cost(in, out, layout, side.get());
            return Optional.of(new Shaped(inputs, producers, out, unary.outputLayout(layout), cost.forBatch(batch),
                    unary.displayName(in), layout, side, cost));
        }
        Merge merge = (Merge) layer.op();
        Cost cost = merge.cost(inputs, out);
        return Optional.of(new Shaped(inputs, producers, out, layout, cost.forBatch(batch), merge.displayName(), layout,
                Optional.empty(), cost));
    }
}
