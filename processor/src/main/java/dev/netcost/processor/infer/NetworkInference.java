package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.model.ShapeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers every shape and figure of a declared network. Pure: no javac types, so it is tested
 * without a compiler.
 *
 * <p>Reports every independent problem: each layer's own attributes are checked whatever
 * happens elsewhere. Shapes flow one way, so after the first layer whose output cannot be known
 * no shape is checked: a later layer's shape error would only echo the first one.
 */
public final class NetworkInference {
    /** Largest input rank: {@code (C, D, H, W)}. */
    private static final int MAX_INPUT_RANK = 4;

    private NetworkInference() {}

    public static NetworkAnalysis analyze(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        Shape input = checkInput(network, problems);
        checkBatch(network, problems);

        List<LayerAnalysis> layers = new ArrayList<>();
        Cost total = Cost.ZERO;
        long batch = Math.max(1, network.batch());
        // The input of the next layer while it is known; null once a layer fails.
        Shape current = input;
        for (LayerDecl layer : network.layers()) {
            List<Fault> faults = layer.op().validate();
            if (!faults.isEmpty() || current == null) {
                for (Fault fault : faults) {
                    problems.add(onLayer(layer, current, fault));
                }
                current = null;
                continue;
            }
            try {
                ShapeResult result = layer.op().outputShape(current);
                if (result instanceof ShapeResult.Failed failed) {
                    for (Fault fault : failed.faults()) {
                        problems.add(onLayer(layer, current, fault));
                    }
                    current = null;
                    continue;
                }
                Shape output = ((ShapeResult.Ok) result).shape();
                Cost cost = layer.op().cost(current, output).forBatch(batch);
                total = total.plus(cost);
                layers.add(new LayerAnalysis(layer, layer.op().displayName(current), current, output, cost));
                current = output;
            } catch (ArithmeticException overflow) {
                problems.add(onLayer(layer, current, Fault.onAnnotation(ProblemKind.OVERFLOW, "a shape or figure of"
                        + " this layer" + (batch > 1 ? " with batch " + batch : "") + ", or the network's total"
                        + " with it, does not fit a long (at most " + Summary.grouped(Long.MAX_VALUE) + ");"
                        + " netcost never wraps a number: make the layer or its input smaller")));
                current = null;
            }
        }
        return new NetworkAnalysis(network, input, layers, total, problems);
    }

    /**
     * Only the checks that need no shapes: the network's input and batch and every layer's own
     * attributes. For a network whose declaration is already wrong (a layer annotation on a field
     * of another type, say), where shapes would be inferred without a layer the user meant.
     */
    public static List<Problem> checkAttributes(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        checkInput(network, problems);
        checkBatch(network, problems);
        for (LayerDecl layer : network.layers()) {
            for (Fault fault : layer.op().validate()) {
                problems.add(onLayer(layer, null, fault));
            }
        }
        return problems;
    }

    /** The input shape, or null with a problem when {@code @Network(input)} is not usable. */
    private static Shape checkInput(NetworkDecl network, List<Problem> problems) {
        List<Integer> dims = network.input();
        if (dims.isEmpty()) {
            problems.add(Problem.onNetwork(Fault.on(Attr.INPUT, ProblemKind.NO_INPUT, network.name()
                    + ": input = {} gives no input shape; give one sample's shape, channels first, such as"
                    + " input = {3, 224, 224}")));
            return null;
        }
        if (dims.size() > MAX_INPUT_RANK) {
            problems.add(Problem.onNetwork(Fault.on(Attr.INPUT, ProblemKind.INPUT_RANK, network.name()
                    + ": input has " + dims.size() + " dimensions; netcost takes {F}, {C, L}, {C, H, W} or"
                    + " {C, D, H, W} for one sample, without the batch (set that with batch = N)")));
            return null;
        }
        for (int d : dims) {
            if (d < 1) {
                problems.add(Problem.onNetwork(Fault.on(Attr.INPUT, ProblemKind.OUT_OF_RANGE, network.name()
                        + ": input dimension " + d + " must be at least 1")));
                return null;
            }
        }
        return Shape.of(dims.stream().mapToLong(Integer::longValue).toArray());
    }

    private static void checkBatch(NetworkDecl network, List<Problem> problems) {
        if (network.batch() < 1) {
            problems.add(Problem.onNetwork(Fault.on(Attr.BATCH, ProblemKind.OUT_OF_RANGE, network.name()
                    + ": batch = " + network.batch() + " must be at least 1")));
        }
    }

    /**
     * Names the layer and, while it is known, what comes into it, so that every message says
     * where it is and what the layer was given: {@code conv2 on input (96, 27, 27): ...}.
     */
    private static Problem onLayer(LayerDecl layer, Shape input, Fault fault) {
        String where = input == null ? layer.name() : layer.name() + " on input " + input;
        return Problem.onLayer(layer.index(), new Fault(fault.kind(), fault.attr(), where + ": " + fault.message()));
    }
}
