package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.Problem;
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
            return Optional.of(Message.TIED_SOURCE_REMOVED.on(Attr.TIED, source));
        }
        LayerAnalysis from = layers.get(tie.layer().getAsInt());
        Optional<Shape> theirs = from.computation() instanceof Op o ? o.weightShape(from.input()) : Optional.empty();
        Optional<Shape> ours = layer.op() instanceof Op o ? o.weightShape(in) : Optional.empty();
        if (ours.isEmpty()) {
            return Optional.of(Message.TIED_LAYER_WITHOUT_WEIGHT.on(Attr.TIED));
        }
        if (theirs.isEmpty()) {
            return Optional.of(Message.TIED_SOURCE_WITHOUT_WEIGHT.on(Attr.TIED, source, from.op()));
        }
        if (!ours.get().equals(theirs.get())) {
            return Optional.of(Message.TIED_WEIGHT_SHAPES_DIFFER.on(Attr.TIED, ours.get(), source, theirs.get()));
        }
        return Optional.empty();
    }
}
