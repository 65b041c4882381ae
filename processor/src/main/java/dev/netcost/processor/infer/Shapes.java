package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Merge;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ShapeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pass (b): a resolved layer's output shape and figures, by its op's own rules
 * ({@link Op#validate()}, {@link Op#outputShape}, {@link Op#cost}).
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
     */
    record Shaped(List<Shape> inputs, List<String> producers, Shape out, Layout outLayout, Cost cost, String op) {
        /** The (first) input, which messages say the layer is "on". */
        Shape in() {
            return inputs.get(0);
        }
    }

    private final Tensors tensors;
    private final long batch;
    private final List<Problem> problems;

    Shapes(Tensors tensors, long batch, List<Problem> problems) {
        this.tensors = tensors;
        this.batch = batch;
        this.problems = problems;
    }

    /**
     * The layer's output and figures; empty after reporting why the output cannot be known.
     *
     * @throws ArithmeticException if a dimension or figure does not fit a {@code long}
     */
    Optional<Shaped> infer(ResolvedLayer layer) {
        List<Shape> inputs = new ArrayList<>(layer.inputs().size());
        List<String> producers = new ArrayList<>(layer.inputs().size());
        for (int t : layer.inputs()) {
            inputs.add(tensors.shape(t));
            producers.add(tensors.producer(t));
        }
        Shape in = inputs.get(0);
        List<Fault> faults = layer.op().validate();
        if (!faults.isEmpty()) {
            faults.forEach(f -> problems.add(layer.problem(in, f)));
            return Optional.empty();
        }
        Layout layout = tensors.layout(layer.inputs().get(0));
        ShapeResult result = layer.op() instanceof Op unary
                ? unary.outputShape(in, layout)
                : ((Merge) layer.op()).outputShape(inputs, producers);
        if (result instanceof ShapeResult.Failed failed) {
            failed.faults().forEach(f -> problems.add(layer.problem(in, f)));
            return Optional.empty();
        }
        Shape out = ((ShapeResult.Ok) result).shape();
        if (layer.op() instanceof Op unary) {
            return Optional.of(new Shaped(inputs, producers, out, unary.outputLayout(layout),
                    unary.cost(in, out, layout).forBatch(batch), unary.displayName(in)));
        }
        Merge merge = (Merge) layer.op();
        return Optional.of(new Shaped(inputs, producers, out, layout, merge.cost(inputs, out).forBatch(batch),
                merge.displayName()));
    }
}
