package dev.netcost.processor.infer;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.model.expr.Expr;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

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
        checkNodes(network.name(), network.nodes(), networkScope, network, Problem::onLayer, problems);
        for (BlockDecl block : network.blocks().values().stream()
                .sorted((a, b) -> a.qualifiedName().compareTo(b.qualifiedName())).toList()) {
            Map<String, ValueType> scope = new LinkedHashMap<>();
            for (ParamDecl param : block.params()) {
                scope.put(param.name(), param.type());
            }
            scope.put(IN, ValueType.INT);
            checkNodes(block.name(), block.nodes(), scope, network,
                    (node, fault) -> Problem.inBlock(block.qualifiedName(), node, fault), problems);
        }
        return problems;
    }

    private static void checkNodes(String owner, List<NodeDecl> nodes, Map<String, ValueType> scope,
            NetworkDecl network, BiFunction<Integer, Fault, Problem> place, List<Problem> problems) {
        Set<String> above = new LinkedHashSet<>();
        Set<String> layersAbove = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        nodes.forEach(n -> all.add(n.name()));
        for (NodeDecl node : nodes) {
            List<Fault> faults = new ArrayList<>();
            if (node instanceof LayerDecl layer && layer.tied().isPresent()
                    && !layersAbove.contains(layer.tied().get())) {
                String source = layer.tied().get();
                String why = source.equals(node.name()) ? "is this layer itself"
                        : above.contains(source) ? "is a block, and a block has no one weight to share"
                        : all.contains(source) ? "is declared below " + node.name() + "; the layer that owns the"
                                + " weight comes first"
                        : "is no field of " + owner;
                faults.add(Fault.on(Attr.TIED, ProblemKind.TIED, node.name() + ": @Tied(\"" + source + "\") names the"
                        + " layer whose weight this one shares, but `" + source + "` " + why
                        + (layersAbove.isEmpty() ? "" : "; the layers above are " + String.join(", ", layersAbove))));
            }
            boolean merge = node instanceof LayerDecl layer && isMerge(layer);
            if (merge && node.inputs().size() < 2) {
                faults.add(Fault.on(Attr.FROM, ProblemKind.MERGE_INPUTS, node.name() + ": a merge joins at least two"
                        + " tensors, but it names " + node.inputs().size() + "; list them, as {\"bn3\", \"input\"}"));
            }
            for (String input : node.inputs()) {
                if (input.equals(NodeDecl.INPUT) || above.contains(input)) {
                    continue;
                }
                String why = all.contains(input) && !input.equals(node.name())
                        ? "is declared below " + node.name() + ", and a layer reads only fields above it"
                        : input.equals(node.name()) ? "is this field itself" : "is no field of " + owner;
                faults.add(Fault.on(Attr.FROM, ProblemKind.UNKNOWN_INPUT, node.name() + ": `" + input + "` " + why
                        + "; it can read " + String.join(", ", readable(above))));
            }
            node.condition().ifPresent(c -> typeCheck(c, ValueType.BOOLEAN, scope, node.name() + ": @If(\"" + c.text()
                    + "\")", Fault.on(Attr.CONDITION, ProblemKind.EXPRESSION, ""), faults));
            if (node instanceof LayerDecl layer && layer.op() instanceof OpTemplate.Parameterized p) {
                for (Map.Entry<Attr, AttrValue> e : p.values().entrySet()) {
                    if (e.getValue() instanceof AttrValue.Expression expr) {
                        ValueType wanted = e.getKey().kind() == Attr.Kind.BOOLEAN ? ValueType.BOOLEAN : ValueType.INT;
                        typeCheck(expr, wanted, scope, node.name() + ": " + e.getKey().javaName() + " = \""
                                + expr.text() + "\"",
                                Fault.on(e.getKey(), ProblemKind.EXPRESSION, ""), faults);
                    }
                }
            } else if (node instanceof BlockUse use) {
                BlockDecl block = network.blocks().get(use.block());
                for (ParamDecl param : block.params()) {
                    if (use.args().get(param.name()) instanceof AttrValue.Expression expr) {
                        typeCheck(expr, param.type(), scope, node.name() + ": " + param.name() + " = \""
                                + expr.text() + "\"",
                                Fault.onArgument(param.name(), ProblemKind.EXPRESSION, ""), faults);
                    }
                }
            }
            for (Fault fault : faults) {
                problems.add(place.apply(node.index(), fault));
            }
            above.add(node.name());
            if (node instanceof LayerDecl) {
                layersAbove.add(node.name());
            }
        }
    }

    private static void typeCheck(AttrValue.Expression expr, ValueType wanted, Map<String, ValueType> scope,
            String what, Fault place, List<Fault> faults) {
        String prefix = what + ": ";
        if (expr.expr() instanceof Expr.Tuple tuple && place.attr().map(a -> a.kind() == Attr.Kind.INTS)
                .orElse(false)) {
            try {
                tuple.typeItems(scope);
            } catch (ExprException e) {
                faults.add(place.withMessage(prefix + e.getMessage()));
            }
            return;
        }
        try {
            ValueType actual = expr.expr().type(scope);
            if (actual != wanted) {
                faults.add(place.withMessage(prefix + "gives " + actual.withArticle() + " where "
                        + wanted.withArticle() + " is needed"));
            }
        } catch (ExprException e) {
            faults.add(place.withMessage(prefix + e.getMessage()));
        }
    }

    private static boolean isMerge(LayerDecl layer) {
        if (layer.op() instanceof OpTemplate.Fixed fixed) {
            return fixed.op() instanceof dev.netcost.processor.model.Merge;
        }
        return ((OpTemplate.Parameterized) layer.op()).kind().isMerge();
    }

    private static List<String> readable(Set<String> above) {
        List<String> names = new ArrayList<>(above);
        names.add(NodeDecl.INPUT);
        return names;
    }
}
