package dev.netcost.processor.infer;

import dev.netcost.InputKind;
import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.InputDecl;
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
        boolean inputsOk = problems.isEmpty();
        inputsOk &= checkInputFields(network, problems);
        checkBatch(network, problems);
        List<Problem> declarations = new ArrayList<>(DeclarationChecks.check(network));
        declarations.addAll(AttributeChecks.blocks(network));
        if (!declarations.isEmpty() || !inputsOk) {
            problems.addAll(declarations);
            problems.addAll(AttributeChecks.network(network));
            return new NetworkAnalysis(network, input, List.of(), List.of(), List.of(), Cost.ZERO,
                    NetworkAnalysis.Memory.NONE, problems);
        }
        GraphWalker walker = new GraphWalker(network, input, problems);
        NetworkAnalysis analysis = walker.walk();
        if (network.decoder() && analysis.ok()) {
            List<Problem> all = new ArrayList<>(analysis.problems());
            java.util.Optional<DecoderFigures> decoder = DecoderAnalysis.analyze(network, analysis.layers(),
                    walker.decodedLayers(), analysis.total(), all);
            analysis = analysis.withDecoder(decoder, all);
        }
        if (network.devices().isEmpty() || !analysis.ok()) {
            return analysis;
        }
        List<Problem> all = new ArrayList<>(analysis.problems());
        List<DeviceRoofline> roofline = RooflineAnalysis.analyze(analysis, all);
        return analysis.withRoofline(roofline, all);
    }

    /**
     * Only the checks that need no shapes: the network's input and batch and the attributes of
     * the layers of constant attributes, its own and its blocks'. For a network whose declaration
     * is already wrong (a layer annotation on a field of another type, say), where shapes would be
     * inferred without a layer the user meant.
     */
    public static List<Problem> checkAttributes(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        // A field the reader could not read may be the @Input the network has: no no-input here.
        if (!network.input().isEmpty()) {
            checkInput(network, problems);
        }
        checkInputFields(network, problems);
        checkBatch(network, problems);
        problems.addAll(AttributeChecks.network(network));
        problems.addAll(AttributeChecks.blocks(network));
        return problems;
    }

    /**
     * {@code @Network(input)}'s shape; null when it gives none, with a problem unless the network
     * declares {@code @Input} fields instead, or when it is not usable, with a problem.
     */
    private static Shape checkInput(NetworkDecl network, List<Problem> problems) {
        List<Integer> dims = network.input();
        if (dims.isEmpty()) {
            if (network.inputFields().isEmpty()) {
                problems.add(Problem.onNetwork(Message.NO_INPUT_SHAPE.on(Attr.INPUT, network.name())));
            }
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
        if (!fitsKind(network.inputKind(), dims.size())) {
            problems.add(Problem.onNetwork(Message.INPUT_KIND_RANK.on(Attr.INPUT, network.name(), "inputKind",
                    network.inputKind(), ranksOf(network.inputKind()), braced(dims))));
            return null;
        }
        return shapeOf(dims);
    }

    /**
     * Checks every {@code @Input} field's shape, by itself and against its kind, placed on the
     * field; whether all are usable.
     */
    private static boolean checkInputFields(NetworkDecl network, List<Problem> problems) {
        int before = problems.size();
        for (InputDecl in : network.inputFields()) {
            List<Integer> dims = in.shape();
            Fault fault = null;
            Integer belowOne = firstBelowOne(dims);
            if (dims.isEmpty()) {
                fault = Message.INPUT_FIELD_WITHOUT_SHAPE.on(Attr.SHAPE, in.name());
            } else if (dims.size() > MAX_INPUT_RANK) {
                fault = Message.INPUT_FIELD_RANK_TOO_HIGH.on(Attr.SHAPE, in.name(), dims.size());
            } else if (belowOne != null) {
                fault = Message.INPUT_DIMENSION_BELOW_ONE.on(Attr.SHAPE, in.name(), belowOne);
            } else if (!fitsKind(in.kind(), dims.size())) {
                fault = Message.INPUT_KIND_RANK.on(Attr.SHAPE, in.name(), "kind", in.kind(), ranksOf(in.kind()),
                        braced(dims));
            }
            if (fault != null) {
                problems.add(Problem.onLayer(in.index(), fault));
            }
        }
        return problems.size() == before;
    }

    /** The first dimension below 1, or null when there is none. */
    private static Integer firstBelowOne(List<Integer> dims) {
        for (Integer d : dims) {
            if (d < 1) {
                return d;
            }
        }
        return null;
    }

    /** Dimensions as written: {@code {4, 8}}. */
    private static String braced(List<Integer> dims) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < dims.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(dims.get(i));
        }
        return text.append('}').toString();
    }

    /** Whether an input of {@code kind} may have {@code rank} dimensions. */
    private static boolean fitsKind(InputKind kind, int rank) {
        return kind == InputKind.IDS ? rank == 1 : InputDecl.layoutOf(kind).allows(rank);
    }

    /** What an input of {@code kind} holds, in words: the shapes it takes. */
    private static String ranksOf(InputKind kind) {
        return switch (kind) {
            case FEATURES -> "{F}, {C, L}, {C, H, W} or {C, D, H, W}";
            case IDS -> "one dimension, {T}";
            case TOKENS -> "{T, E}, or {S, T, E} for S sequences";
            case CHANNELS_LAST -> "{H, W, C} or {D, H, W, C}";
        };
    }

    /** The shape of checked dimensions. */
    static Shape shapeOf(List<Integer> dims) {
        long[] sizes = new long[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = dims.get(i);
        }
        return Shape.of(sizes);
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
