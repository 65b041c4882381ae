package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers every shape and figure of a declared network. Pure: no javac types, so it is tested
 * without a compiler.
 *
 * <p>Reports every independent problem. Declarations are checked first ({@link DeclarationChecks},
 * and {@link AttributeChecks} for the blocks' constants); if one is wrong, no shape is inferred.
 * Then the graph is walked in execution order, blocks expanded ({@link GraphWalker}); after the
 * first layer whose output cannot be known, the network's own layers get only their attribute
 * checks, because a later shape error would only echo the first one.
 */
public final class NetworkInference {
    /** Largest input rank: {@code (C, D, H, W)}. */
    private static final int MAX_INPUT_RANK = 4;

    private NetworkInference() {}

    public static NetworkAnalysis analyze(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        Shape input = checkInput(network, problems);
        checkBatch(network, problems);
        List<Problem> declarations = new ArrayList<>(DeclarationChecks.check(network));
        declarations.addAll(AttributeChecks.blocks(network));
        if (!declarations.isEmpty()) {
            problems.addAll(declarations);
            problems.addAll(AttributeChecks.network(network));
            return new NetworkAnalysis(network, input, List.of(), List.of(), List.of(), Cost.ZERO,
                    NetworkAnalysis.Memory.NONE, problems);
        }
        if (input == null) {
            problems.addAll(AttributeChecks.network(network));
            return new NetworkAnalysis(network, null, List.of(), List.of(), List.of(), Cost.ZERO,
                    NetworkAnalysis.Memory.NONE, problems);
        }
        NetworkAnalysis analysis = new GraphWalker(network, input, problems).walk();
        if (!network.decoder() || !analysis.ok()) {
            return analysis;
        }
        List<Problem> all = new ArrayList<>(analysis.problems());
        java.util.Optional<DecoderFigures> decoder = DecoderAnalysis.analyze(network, analysis.layers(),
                analysis.total(), all);
        return new NetworkAnalysis(network, input, analysis.layers(), analysis.blocks(), analysis.fields(),
                analysis.total(), analysis.memory(), all, decoder, analysis.trainingOnly());
    }

    /**
     * Only the checks that need no shapes: the network's input and batch and the attributes of
     * the layers of constant attributes, its own and its blocks'. For a network whose declaration
     * is already wrong (a layer annotation on a field of another type, say), where shapes would be
     * inferred without a layer the user meant.
     */
    public static List<Problem> checkAttributes(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        checkInput(network, problems);
        checkBatch(network, problems);
        problems.addAll(AttributeChecks.network(network));
        problems.addAll(AttributeChecks.blocks(network));
        return problems;
    }

    /** The input shape, or null with a problem when {@code @Network(input)} is not usable. */
    private static Shape checkInput(NetworkDecl network, List<Problem> problems) {
        List<Integer> dims = network.input();
        if (dims.isEmpty()) {
            problems.add(Problem.onNetwork(Message.NO_INPUT_SHAPE.on(Attr.INPUT, network.name())));
            return null;
        }
        if (dims.size() > MAX_INPUT_RANK) {
            problems.add(Problem.onNetwork(Message.INPUT_RANK_TOO_HIGH.on(Attr.INPUT, network.name(), dims.size())));
            return null;
        }
        for (int d : dims) {
            if (d < 1) {
                problems.add(Problem.onNetwork(Message.INPUT_DIMENSION_BELOW_ONE.on(Attr.INPUT, network.name(), d)));
                return null;
            }
        }
        return Shape.of(dims.stream().mapToLong(Integer::longValue).toArray());
    }

    private static void checkBatch(NetworkDecl network, List<Problem> problems) {
        if (network.batch() < 1) {
            // The mistake an op's count below its minimum is, framed by the network's name.
            Fault fault = Message.BELOW_MINIMUM.on(Attr.BATCH, Attr.BATCH.javaName(), network.batch(), 1);
            problems.add(Problem.onNetwork(fault.withMessage(network.name() + ": " + fault.message())));
        }
    }

    /** A figure of a layer beyond {@code long}: on its annotation, for the caller to say which layer. */
    static Fault overflow(long batch) {
        String largest = Summary.grouped(Long.MAX_VALUE);
        return batch > 1 ? Message.FIGURE_OVERFLOW_WITH_BATCH.onAnnotation(batch, largest)
                : Message.FIGURE_OVERFLOW.onAnnotation(largest);
    }
}
