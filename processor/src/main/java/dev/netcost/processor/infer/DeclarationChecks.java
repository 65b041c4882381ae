package dev.netcost.processor.infer;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.TensorName;
import dev.netcost.processor.model.expr.Expr;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a declaration needs no shapes for: every name a layer reads is declared above it,
 * merges have inputs to merge, and every expression has the type its place needs. A block is
 * checked once, in its own declaration, whatever its uses: its mistakes are its author's.
 */
final class DeclarationChecks {
    /** The variable every expression may read: the channels coming into the block or network. */
    static final String IN = NodeDecl.IN_CHANNELS;

    private DeclarationChecks() {}

    static List<Problem> check(NetworkDecl network) {
        List<Problem> problems = new ArrayList<>();
        Map<String, ValueType> networkScope = Map.of(IN, ValueType.INT);
        checkNodes(network.name(), network.nodes(), networkScope, network, network.hasNetworkInput(), List.of(),
                Optional.empty(), problems);
        Optional<Problem> first = firstField(network);
        if (first.isPresent()) {
            problems.add(first.get());
        }
        Optional<Problem> decoded = decoded(network);
        if (decoded.isPresent()) {
            problems.add(decoded.get());
        }
        // With @Output fields, the last field is no output unless marked, and a marked one is never
        // training-only (the reader says so): the last field may then run only in training.
        trainingOnly(network.name(), network.nodes(), network.outputs().isEmpty() ? LastField.NETWORK_OUTPUT
                : LastField.NOT_AN_OUTPUT, Optional.empty(), problems);
        for (BlockDecl block : byQualifiedName(network)) {
            Map<String, ValueType> scope = new LinkedHashMap<>();
            for (ParamDecl param : block.params()) {
                scope.put(param.name(), param.type());
            }
            scope.put(IN, ValueType.INT);
            Optional<String> inBlock = Optional.of(block.qualifiedName());
            checkNodes(block.name(), block.nodes(), scope, network, true, block.tensors(), inBlock, problems);
            trainingOnly(block.name(), block.nodes(), LastField.BLOCK_OUTPUT, inBlock, problems);
        }
        return problems;
    }

    /** The network's blocks in the order of their qualified names, each once. */
    static List<BlockDecl> byQualifiedName(NetworkDecl network) {
        List<BlockDecl> blocks = new ArrayList<>(network.blocks().values());
        blocks.sort(ByQualifiedName.INSTANCE);
        return blocks;
    }

    /**
     * A named class, not a lambda: a lambda's first call spins a class at run time, which a cold
     * compile pays for (ColdPathRulesTest).
     */
    private static final class ByQualifiedName implements java.util.Comparator<BlockDecl> {
        static final ByQualifiedName INSTANCE = new ByQualifiedName();

        @Override
        public int compare(BlockDecl a, BlockDecl b) {
            return a.qualifiedName().compareTo(b.qualifiedName());
        }
    }

    /**
     * {@code fault} on the field at {@code node}: a field of the network's, or, with {@code inBlock}, of
     * that block's own declaration (by its qualified name).
     */
    private static Problem place(Optional<String> inBlock, int node, Fault fault) {
        return inBlock.isPresent() ? Problem.inBlock(inBlock.get(), node, fault) : Problem.onLayer(node, fault);
    }

    /**
     * @param hasInput whether {@code input} names a tensor: in a block always (the block's input), in
     *     a network when it has {@code @Network(input)}
     * @param tensors  the block's tensor parameters, which its fields read as they read a field above
     * @param inBlock  the block's qualified name, for a block's fields; empty for the network's
     */
    private static void checkNodes(String owner, List<NodeDecl> nodes, Map<String, ValueType> scope,
            NetworkDecl network, boolean hasInput, List<String> tensors, Optional<String> inBlock,
            List<Problem> problems) {
        Set<String> above = new LinkedHashSet<>(tensors);
        Set<String> layersAbove = new LinkedHashSet<>();
        Set<String> blocksAbove = new HashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (NodeDecl n : nodes) {
            all.add(n.name());
        }
        for (NodeDecl node : nodes) {
            List<Fault> faults = new ArrayList<>();
            if (tensors.contains(node.name())) {
                faults.add(Message.FIELD_NAMED_AS_TENSOR_PARAMETER.onAnnotation(node.name(), owner));
            } else if (above.contains(node.name())) {
                faults.add(Message.FIELD_NAME_TWICE.onAnnotation(node.name(), owner));
            }
            if (node instanceof LayerDecl layer && layer.tied().isPresent()
                    && !layersAbove.contains(layer.tied().get())) {
                faults.add(untied(node.name(), layer.tied().get(), owner, above, all, layersAbove, blocksAbove));
            }
            boolean merge = node instanceof LayerDecl layer && isMerge(layer);
            if (merge && node.inputs().size() < 2) {
                faults.add(Message.TOO_FEW_MERGE_INPUTS.on(Attr.FROM, node.name(), node.inputs().size()));
            }
            for (String input : node.inputs()) {
                addIfPresent(unknown(input, Attr.FROM, node, owner, above, all, hasInput), faults);
            }
            if (node instanceof LayerDecl layer && layer.side().isPresent()) {
                TensorName side = layer.side().get();
                addIfPresent(unknown(side.name(), side.attr(), node, owner, above, all, hasInput), faults);
            }
            if (node.condition().isPresent()) {
                AttrValue.Expression c = node.condition().get();
                Optional<String> why = typeError(c, ValueType.BOOLEAN, scope, false);
                if (why.isPresent()) {
                    faults.add(Message.EXPRESSION_INVALID.on(Attr.CONDITION, node.name() + ": @If", c.text(),
                            why.get()));
                }
            }
            if (node instanceof LayerDecl layer && layer.op() instanceof OpTemplate.Parameterized p) {
                for (Map.Entry<Attr, AttrValue> e : p.values().entrySet()) {
                    Attr attr = e.getKey();
                    if (e.getValue() instanceof AttrValue.Expression expr) {
                        ValueType wanted = attr.kind() == Attr.Kind.BOOLEAN ? ValueType.BOOLEAN : ValueType.INT;
                        Optional<String> why = typeError(expr, wanted, scope, attr.kind() == Attr.Kind.INTS);
                        if (why.isPresent()) {
                            faults.add(Message.EXPRESSION_INVALID.on(attr, node.name() + ": " + attr.javaName(),
                                    expr.text(), why.get()));
                        }
                    }
                }
            } else if (node instanceof LayerDecl layer && layer.op() instanceof OpTemplate.User user) {
                faults.addAll(UserOpArguments.typeErrors(node.name(), user, scope));
            } else if (node instanceof BlockUse use) {
                BlockDecl block = network.blocks().get(use.block());
                // Each tensor it gives the block is read here, as @From's is: placed on its argument.
                for (Map.Entry<String, String> tensor : use.tensors().entrySet()) {
                    Optional<Fault> f = unknown(tensor.getValue(), Attr.FROM, node, owner, above, all, hasInput);
                    if (f.isPresent()) {
                        faults.add(Fault.onArgument(tensor.getKey(), f.get().kind(), f.get().message()));
                    }
                }
                for (ParamDecl param : block.params()) {
                    if (use.args().get(param.name()) instanceof AttrValue.Expression expr) {
                        Optional<String> why = typeError(expr, param.type(), scope, false);
                        if (why.isPresent()) {
                            faults.add(Message.EXPRESSION_INVALID.onArgument(param.name(),
                                    node.name() + ": " + param.name(), expr.text(), why.get()));
                        }
                    }
                }
            }
            for (Fault fault : faults) {
                problems.add(place(inBlock, node.index(), fault));
            }
            above.add(node.name());
            if (node instanceof LayerDecl) {
                layersAbove.add(node.name());
            } else if (node instanceof BlockUse) {
                blocksAbove.add(node.name());
            }
        }
    }

    /**
     * A network without {@code @Network(input)} whose first field reads the field above, which is
     * none: the problem, or empty.
     */
    private static Optional<Problem> firstField(NetworkDecl network) {
        if (network.hasNetworkInput() || network.inputFields().isEmpty()) {
            return Optional.empty(); // with no input at all, no-input says so
        }
        NodeDecl first = network.nodes().get(0);
        return first instanceof InputDecl || !first.inputs().isEmpty() ? Optional.empty()
                : Optional.of(Problem.onLayer(first.index(), Message.NOTHING_ABOVE.onAnnotation(first.name())));
    }

    /**
     * A {@code @Decoder} that names no input of the network, or names none and has several: the
     * problem, or empty.
     */
    private static Optional<Problem> decoded(NetworkDecl network) {
        if (!network.decoder()) {
            return Optional.empty();
        }
        List<String> inputs = new ArrayList<>();
        if (network.hasNetworkInput()) {
            inputs.add(NodeDecl.INPUT);
        }
        for (InputDecl in : network.inputFields()) {
            inputs.add(in.name());
        }
        String named = network.decodes();
        if (named.isEmpty()) {
            return inputs.size() < 2 ? Optional.empty() : Optional.of(Problem.onNetwork(
                    Message.DECODER_INPUT_UNNAMED.on(Attr.DECODER, network.name(), String.join(" and ", inputs))));
        }
        return inputs.contains(named) ? Optional.empty() : Optional.of(Problem.onNetwork(
                Message.DECODER_INPUT_UNKNOWN.on(Attr.DECODES, network.name(), named, String.join(", ", inputs))));
    }

    /** Why {@code node} cannot read the tensor {@code name}, written on {@code attr}; empty when it can. */
    private static Optional<Fault> unknown(String name, Attr attr, NodeDecl node, String owner, Set<String> above,
            Set<String> all, boolean hasInput) {
        if (name.equals(NodeDecl.INPUT) && hasInput || above.contains(name)) {
            return Optional.empty();
        }
        List<String> names = readable(above, hasInput);
        String readable = names.isEmpty() ? "nothing" : String.join(", ", names);
        if (name.equals(NodeDecl.INPUT)) {
            return Optional.of(Message.NO_NETWORK_INPUT.on(attr, node.name(), owner, readable));
        }
        return Optional.of(name.equals(node.name()) ? Message.INPUT_IS_ITSELF.on(attr, node.name(), readable)
                : all.contains(name) ? Message.INPUT_DECLARED_BELOW.on(attr, node.name(), name, readable)
                : Message.NO_SUCH_INPUT.on(attr, node.name(), name, owner, readable));
    }

    /**
     * Nothing that runs at inference reads a {@code @TrainingOnly} field of {@code owner}, the
     * network or a block, by name or by coming right after it; and its last field, whose output is
     * {@code owner}'s, runs at inference.
     *
     * @param lastField the message for a training-only last field: the network's or the block's;
     *     empty when the last field is no output (a network that marks its outputs)
     * @param inBlock   the block's qualified name, for a block's fields; empty for the network's
     */
    /**
     * What the last field of a network or block is, for the training-only rule: its output, which
     * must run at inference, or not (a network with {@code @Output} fields). An enum rather than the
     * message itself, so that a network without mistakes does not load the catalogue of messages.
     */
    private enum LastField {
        NETWORK_OUTPUT, BLOCK_OUTPUT, NOT_AN_OUTPUT;

        Message message() {
            return this == NETWORK_OUTPUT ? Message.TRAINING_ONLY_NETWORK_OUTPUT : Message.TRAINING_ONLY_BLOCK_OUTPUT;
        }
    }

    private static void trainingOnly(String owner, List<NodeDecl> nodes, LastField lastField,
            Optional<String> inBlock, List<Problem> problems) {
        Map<String, Integer> above = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeDecl node = nodes.get(i);
            if (!node.trainingOnly()) {
                if (node.inputs().isEmpty() && i > 0 && nodes.get(i - 1).trainingOnly()) {
                    problems.add(place(inBlock, node.index(), Message.TRAINING_ONLY_ABOVE_READ.onAnnotation(node.name(),
                            nodes.get(i - 1).name(), atInference(nodes, i - 1, above))));
                }
                for (String input : node.inputs()) {
                    if (isTrainingOnly(input, nodes, above)) {
                        problems.add(place(inBlock, node.index(), Message.TRAINING_ONLY_READ.on(Attr.FROM, node.name(),
                                input)));
                    }
                }
                // The tensor whose size a layer takes and the weight it shares are read at inference too.
                if (node instanceof LayerDecl layer) {
                    if (layer.side().isPresent() && isTrainingOnly(layer.side().get().name(), nodes, above)) {
                        TensorName side = layer.side().get();
                        problems.add(place(inBlock, node.index(), Message.TRAINING_ONLY_SIDE.on(side.attr(),
                                node.name(), side.attr().javaName(), side.name())));
                    }
                    if (layer.tied().isPresent() && isTrainingOnly(layer.tied().get(), nodes, above)) {
                        problems.add(place(inBlock, node.index(), Message.TRAINING_ONLY_TIED.on(Attr.TIED, node.name(),
                                layer.tied().get())));
                    }
                } else if (node instanceof BlockUse use) {
                    // A tensor the block reads besides its input, placed on the argument that names it.
                    for (Map.Entry<String, String> tensor : use.tensors().entrySet()) {
                        String param = tensor.getKey();
                        String named = tensor.getValue();
                        if (isTrainingOnly(named, nodes, above)) {
                            problems.add(place(inBlock, node.index(), Message.TRAINING_ONLY_SIDE.onArgument(param,
                                    node.name(), param, named)));
                        }
                    }
                }
            }
            above.putIfAbsent(node.name(), i);
        }
        if (lastField != LastField.NOT_AN_OUTPUT && !nodes.isEmpty() && nodes.get(nodes.size() - 1).trainingOnly()) {
            NodeDecl last = nodes.get(nodes.size() - 1);
            problems.add(place(inBlock, last.index(), lastField.message().on(Attr.TRAINING_ONLY, last.name(), owner)));
        }
    }

    /** Whether {@code name} is a field above, by name to position in {@code above}, that runs only in training. */
    private static boolean isTrainingOnly(String name, List<NodeDecl> nodes, Map<String, Integer> above) {
        Integer at = above.get(name);
        return at != null && nodes.get(at).trainingOnly();
    }

    /**
     * What inference has where the training-only field {@code nodes[i]} is: the tensor that the
     * training-only fields read, one from the other, begin with, as a {@code @From} names it.
     *
     * @param above the fields above, by name, to their positions
     */
    private static String atInference(List<NodeDecl> nodes, int i, Map<String, Integer> above) {
        int at = i;
        while (nodes.get(at).trainingOnly()) {
            NodeDecl node = nodes.get(at);
            if (node.inputs().isEmpty()) {
                if (at == 0) {
                    return NodeDecl.INPUT;
                }
                at--;
            } else {
                Integer read = above.get(node.inputs().get(0));
                if (read == null || read >= at) {
                    return node.inputs().get(0); // input, or a name reported as unknown
                }
                at = read;
            }
        }
        return nodes.get(at).name();
    }

    /**
     * Why {@code @Tied(source)} on {@code field} names no layer above it in {@code owner}, the
     * network or block: the message for what {@code source} is, naming the layers above if any.
     */
    private static Fault untied(String field, String source, String owner, Set<String> above, Set<String> all,
            Set<String> layersAbove, Set<String> blocksAbove) {
        List<Object> values = new ArrayList<>(List.of(field));
        Message bare;
        Message naming;
        if (source.equals(field)) {
            bare = Message.TIED_TO_ITSELF;
            naming = Message.TIED_TO_ITSELF_NAMING_LAYERS_ABOVE;
        } else {
            values.add(source);
            if (above.contains(source) && !blocksAbove.contains(source)) {
                return Message.TIED_TO_TENSOR.on(Attr.TIED, field, source); // an input or a tensor parameter
            } else if (above.contains(source)) {
                bare = Message.TIED_TO_BLOCK;
                naming = Message.TIED_TO_BLOCK_NAMING_LAYERS_ABOVE;
            } else if (all.contains(source)) {
                bare = Message.TIED_TO_LATER_LAYER;
                naming = Message.TIED_TO_LATER_LAYER_NAMING_LAYERS_ABOVE;
            } else {
                bare = Message.TIED_TO_NO_FIELD;
                naming = Message.TIED_TO_NO_FIELD_NAMING_LAYERS_ABOVE;
                values.add(owner);
            }
        }
        if (layersAbove.isEmpty()) {
            return bare.on(Attr.TIED, values.toArray());
        }
        values.add(String.join(", ", layersAbove));
        return naming.on(Attr.TIED, values.toArray());
    }

    /**
     * Why {@code expr} does not give {@code wanted} in {@code scope}, in the expression language's
     * own words; empty when it does.
     *
     * @param perDimension whether a list, one value per dimension, is allowed
     */
    static Optional<String> typeError(AttrValue.Expression expr, ValueType wanted,
            Map<String, ValueType> scope, boolean perDimension) {
        try {
            if (perDimension && expr.expr() instanceof Expr.Tuple tuple) {
                tuple.typeItems(scope);
                return Optional.empty();
            }
            ValueType actual = expr.expr().type(scope);
            return actual == wanted ? Optional.empty()
                    : Optional.of(Message.WRONG_TYPE.text(actual.withArticle(), wanted.withArticle()));
        } catch (ExprException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static <T> void addIfPresent(Optional<T> value, List<T> to) {
        if (value.isPresent()) {
            to.add(value.get());
        }
    }

    private static boolean isMerge(LayerDecl layer) {
        if (layer.op() instanceof OpTemplate.Fixed fixed) {
            return fixed.op() instanceof dev.netcost.processor.model.Merge;
        }
        return layer.op() instanceof OpTemplate.Parameterized p && p.kind().isMerge();
    }

    private static List<String> readable(Set<String> above, boolean hasInput) {
        List<String> names = new ArrayList<>(above);
        if (hasInput) {
            names.add(NodeDecl.INPUT);
        }
        return names;
    }
}
