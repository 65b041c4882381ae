package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import java.util.List;
import java.util.Optional;

/**
 * Pass (d): {@code @Tied}. A layer that shares an earlier layer's weight must have a weight of
 * the same shape, and its parameters are counted once, at the layer that owns them.
 */
final class TiedWeights {
    private final List<LayerAnalysis> layers;
    private final List<Problem> problems;

    /** @param layers the layers analysed so far, which the tied layers' sources are among */
    TiedWeights(List<LayerAnalysis> layers, List<Problem> problems) {
        this.layers = layers;
        this.problems = problems;
    }

    /**
     * The layer's figures with a shared weight taken out; empty after reporting why it cannot
     * share the weight it names.
     */
    Optional<Cost> cost(ResolvedLayer layer, Shapes.Shaped shaped) {
        if (layer.tie().isEmpty()) {
            return Optional.of(shaped.cost());
        }
        Optional<Fault> untied = check(layer.tie().get(), layer, shaped.in());
        if (untied.isPresent()) {
            problems.add(layer.problem(shaped.in(), untied.get()));
            return Optional.empty();
        }
        Cost cost = shaped.cost();
        long shared = ((Op) layer.op()).weightShape(shaped.in()).orElseThrow().numel();
        return Optional.of(new Cost(Math.subtractExact(cost.params(), shared), cost.buffers(), cost.macs(),
                cost.flops()));
    }

    /**
     * Why the layer, on {@code in}, cannot share the weight of {@code tie}'s layer; empty when it
     * can. The name was checked to be an earlier layer field of the same scope.
     */
    private Optional<Fault> check(ResolvedLayer.Tie tie, ResolvedLayer layer, Shape in) {
        String source = tie.source();
        if (tie.layer().isEmpty()) {
            return Optional.of(Fault.on(Attr.TIED, ProblemKind.TIED, "`" + source + "` is not there to share its"
                    + " weight: its @If is false here"));
        }
        LayerAnalysis from = layers.get(tie.layer().getAsInt());
        Optional<Shape> theirs = from.computation() instanceof Op o ? o.weightShape(from.input()) : Optional.empty();
        Optional<Shape> ours = layer.op() instanceof Op o ? o.weightShape(in) : Optional.empty();
        if (ours.isEmpty() || theirs.isEmpty()) {
            String without = ours.isEmpty() ? "this layer" : source + " (" + from.op() + ")";
            return Optional.of(Fault.on(Attr.TIED, ProblemKind.TIED, without + " has no weight to share; @Tied"
                    + " ties the weights of @Linear and @Embedding layers"));
        }
        if (!ours.get().equals(theirs.get())) {
            return Optional.of(Fault.on(Attr.TIED, ProblemKind.TIED, "its weight would be " + ours.get() + ", but "
                    + source + "'s is " + theirs.get() + "; a shared weight has one shape (an embedding's (vocab,"
                    + " dim) is a linear layer's (out, in))"));
        }
        return Optional.empty();
    }
}
