package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.AttrValues;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.ConstantNames;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Merge;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.Op;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.model.ShapeResult;
import dev.netcost.processor.model.expr.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a network whose declarations are sound, in execution order, expanding every block use
 * into its instances: shapes, figures, block and field totals, and the tensors' lifetimes for
 * peak memory. One pass, linear in the layers.
 */
final class GraphWalker {
    private final NetworkDecl network;
    private final Shape input;
    private final List<Problem> problems;
    private final long batch;
    private final long bytesPerElement;

    private final List<LayerAnalysis> layers = new ArrayList<>();
    private final List<BlockAnalysis> blocks = new ArrayList<>();
    private final List<FieldAnalysis> fields = new ArrayList<>();
    private final Tensors tensors = new Tensors();
    private final Map<String, String> stems = new HashMap<>();
    private Cost total = Cost.ZERO;

    /**
     * Where names resolve: a network's fields, or one block instance's.
     *
     * @param prefix    the instance's path and a dot, {@code layer3[0].}; empty for the network
     * @param values    the parameters' values and {@code in}
     * @param origins   for each parameter, the argument written at the network's field it comes from
     * @param topNode   the network field this scope belongs to, where its problems are reported
     * @param topLevel  whether this is the network's own scope
     * @param names     tensors by field name, filled as fields are walked
     * @param input     the tensor {@code "input"} names
     * @param layerIndex the layers of this scope's fields, by field name, as {@code @Tied} names them
     */
    private record Scope(String prefix, Map<String, Object> values, Map<String, Optional<String>> origins,
            int topNode, boolean topLevel, Map<String, Integer> names, int input, Map<String, Integer> layerIndex) {}

    /** A visited field: its output tensor, what it was, and its input. */
    private record Visit(int output, String op, Shape input) {}

    GraphWalker(NetworkDecl network, Shape input, List<Problem> problems) {
        this.network = network;
        this.input = input;
        this.problems = problems;
        this.batch = Math.max(1, network.batch());
        this.bytesPerElement = network.dtype().bytes();
    }

    NetworkAnalysis walk() {
        // A network's input is a feature map, or token ids (T) for an embedding: never tokens (T, E).
        int inputTensor = tensors.add(input, Layout.FEATURES, -1, NodeDecl.INPUT);
        Map<String, Object> values = new HashMap<>();
        values.put(DeclarationChecks.IN, tensors.layout(inputTensor).features(input));
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> layerIndex = new HashMap<>();
        network.nodes().forEach(n -> stems.put(n.constantStem(), n.name()));
        int current = inputTensor;
        boolean failed = false;
        for (NodeDecl node : network.nodes()) {
            if (failed) {
                problems.addAll(NetworkInference.checkLayerAttributes(node));
                continue;
            }
            Scope scope = new Scope("", values, Map.of(), node.index(), true, names, inputTensor, layerIndex);
            int firstLayer = layers.size();
            Visit visit = visit(node, scope, current);
            if (visit == null) {
                failed = true;
                continue;
            }
            Shape out = tensors.shape(visit.output());
            try {
                fields.add(new FieldAnalysis(node, visit.op(), visit.input(), out, sum(firstLayer),
                        traffic(out, firstLayer)));
            } catch (ArithmeticException overflow) {
                problems.add(Problem.onLayer(node.index(), Fault.onAnnotation(ProblemKind.OVERFLOW, node.name()
                        + ": " + NetworkInference.overflowMessage(batch))));
                failed = true;
                continue;
            }
            current = visit.output();
        }
        NetworkAnalysis.Memory memory = NetworkAnalysis.Memory.NONE;
        if (!failed) {
            try {
                long bytes = network.dtype().bytes();
                long moved = 0;
                for (LayerAnalysis layer : layers) {
                    moved = Math.addExact(moved, layer.traffic().memoryAccessBytes());
                }
                Tensors.Peak peak = tensors.peak(current, layers.size(), Math.multiplyExact(batch, bytes));
                List<NetworkAnalysis.Named> alive = new ArrayList<>();
                for (Tensors.Peak.Alive a : peak.alive()) {
                    alive.add(new NetworkAnalysis.Named(a.producer(), a.bytes()));
                }
                memory = new NetworkAnalysis.Memory(
                        Math.multiplyExact(Math.addExact(total.params(), total.buffers()), bytes), peak.bytes(), moved,
                        peak.layer() < 0 ? NodeDecl.INPUT : layers.get(peak.layer()).path(), alive);
            } catch (ArithmeticException overflow) {
                problems.add(Problem.onNetwork(Fault.onAnnotation(ProblemKind.OVERFLOW, network.name()
                        + ": its memory in bytes does not fit a long; netcost never wraps a number")));
            }
        }
        return new NetworkAnalysis(network, input, layers, blocks, fields, total, memory, problems);
    }

    /** Visits one field; null after reporting why it cannot be analysed. */
    private Visit visit(NodeDecl node, Scope scope, int previous) {
        List<Integer> inputs = new ArrayList<>();
        if (node.inputs().isEmpty()) {
            inputs.add(previous);
        } else {
            for (String name : node.inputs()) {
                inputs.add(name.equals(NodeDecl.INPUT) ? scope.input() : scope.names().get(name));
            }
        }
        Shape in = tensors.shape(inputs.get(0));
        String path = scope.prefix() + node.name();
        if (node.condition().isPresent()) {
            Object keep = evaluate(node.condition().get(), Attr.CONDITION, Optional.empty(), node, scope, path, in);
            if (keep == null) {
                return null;
            }
            if (!(Boolean) keep) {
                scope.names().put(node.name(), inputs.get(0));
                return new Visit(inputs.get(0), "Identity", in);
            }
        }
        Visit visit = node instanceof LayerDecl layer
                ? layer(layer, scope, path, inputs)
                : use((BlockUse) node, scope, path, inputs.get(0));
        if (visit != null) {
            scope.names().put(node.name(), visit.output());
        }
        return visit;
    }

    private Visit layer(LayerDecl layer, Scope scope, String path, List<Integer> inputs) {
        Shape in = tensors.shape(inputs.get(0));
        Map<Attr, Optional<String>> origins = new HashMap<>();
        Computation op = resolve(layer, scope, path, in, origins);
        if (op == null) {
            return null;
        }
        List<Fault> faults = op.validate();
        if (!faults.isEmpty()) {
            faults.forEach(f -> report(layer, scope, where(path, in, op), f, origins));
            return null;
        }
        try {
            List<Shape> shapes = new ArrayList<>();
            List<String> producers = new ArrayList<>();
            for (int t : inputs) {
                shapes.add(tensors.shape(t));
                producers.add(tensors.producer(t));
            }
            Layout layout = tensors.layout(inputs.get(0));
            ShapeResult result = op instanceof Op unary
                    ? unary.outputShape(in, layout)
                    : ((Merge) op).outputShape(shapes, producers);
            if (result instanceof ShapeResult.Failed failed) {
                failed.faults().forEach(f -> report(layer, scope, where(path, in, op), f, origins));
                return null;
            }
            Shape out = ((ShapeResult.Ok) result).shape();
            Cost cost = (op instanceof Op unary ? unary.cost(in, out) : ((Merge) op).cost(shapes, out)).forBatch(batch);
            String display = op instanceof Op unary ? unary.displayName(in) : ((Merge) op).displayName();
            long read = 0;
            for (Shape shape : shapes) {
                read = Math.addExact(read, shape.numel());
            }
            // A tied layer still reads its weight, so its traffic counts it; its parameters do not.
            long parametersRead = op instanceof Op unary ? unary.parametersRead(in, cost, batch)
                    : Math.addExact(cost.params(), cost.buffers());
            long elementsMoved = Math.addExact(Math.addExact(Math.multiplyExact(batch, read), parametersRead),
                    Math.multiplyExact(batch, out.numel()));
            Traffic traffic = new Traffic(activationBytes(out), Math.multiplyExact(elementsMoved, bytesPerElement));
            if (layer.tied().isPresent()) {
                Optional<Fault> untied = tie(layer.tied().get(), op, in, scope);
                if (untied.isPresent()) {
                    report(layer, scope, where(path, in, op), untied.get(), origins);
                    return null;
                }
                long shared = ((Op) op).weightShape(in).orElseThrow().numel();
                cost = new Cost(Math.subtractExact(cost.params(), shared), cost.buffers(), cost.macs(), cost.flops());
            }
            total = total.plus(cost);
            int index = layers.size();
            layers.add(new LayerAnalysis(path, display, in, out, cost, traffic, op, scope.topNode(), scope.topLevel(),
                    producers));
            scope.layerIndex().put(layer.name(), index);
            for (int t : inputs) {
                tensors.read(t, index);
            }
            Layout outLayout = op instanceof Op unary ? unary.outputLayout(layout) : layout;
            return new Visit(tensors.add(out, outLayout, index, path), display, in);
        } catch (ArithmeticException overflow) {
            report(layer, scope, where(path, in, op), Fault.onAnnotation(ProblemKind.OVERFLOW,
                    NetworkInference.overflowMessage(batch)), origins);
            return null;
        }
    }

    /**
     * Why {@code op} on {@code in} cannot share the weight of the layer {@code source} of this
     * scope; empty when it can. The name was checked to be an earlier layer field.
     */
    private Optional<Fault> tie(String source, Computation op, Shape in, Scope scope) {
        Integer index = scope.layerIndex().get(source);
        if (index == null) {
            return Optional.of(Fault.on(Attr.TIED, ProblemKind.TIED, "`" + source + "` is not there to share its"
                    + " weight: its @If is false here"));
        }
        LayerAnalysis from = layers.get(index);
        Optional<Shape> theirs = from.computation() instanceof Op o ? o.weightShape(from.input()) : Optional.empty();
        Optional<Shape> ours = op instanceof Op o ? o.weightShape(in) : Optional.empty();
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

    /** Every instance of a block use, one after the other; null after reporting a failure. */
    private Visit use(BlockUse use, Scope scope, String path, int inputTensor) {
        BlockDecl block = network.blocks().get(use.block());
        Shape in = tensors.shape(inputTensor);
        int firstLayer = layers.size();
        int summaryAt = blocks.size();
        int current = inputTensor;
        for (int r = 0; r < use.repeat(); r++) {
            String instance = use.repeated() ? path + "[" + r + "]" : path;
            Shape instanceInput = tensors.shape(current);
            Map<String, Object> values = new HashMap<>();
            Map<String, Optional<String>> origins = new HashMap<>();
            for (ParamDecl param : block.params()) {
                AttrValue given = use.args().get(param.name());
                if (given == null || (param.firstOnly() && r > 0)) {
                    values.put(param.name(), param.defaultValue().orElseThrow());
                    origins.put(param.name(), Optional.empty());
                    continue;
                }
                Optional<String> origin = scope.topLevel() ? Optional.of(param.name()) : Optional.empty();
                if (given instanceof AttrValue.Constant constant) {
                    values.put(param.name(), constant.value());
                } else {
                    AttrValue.Expression expr = (AttrValue.Expression) given;
                    Object value = evaluate(expr, null, Optional.of(param.name()), use, scope, instance,
                            instanceInput);
                    if (value == null) {
                        return null;
                    }
                    values.put(param.name(), value);
                    if (!scope.topLevel()) {
                        origin = originOf(expr.expr(), scope);
                    }
                }
                origins.put(param.name(), origin);
            }
            values.put(DeclarationChecks.IN, tensors.layout(current).features(instanceInput));
            origins.put(DeclarationChecks.IN, Optional.empty());
            Scope inner = new Scope(instance + ".", values, origins, scope.topNode(), false, new HashMap<>(), current,
                    new HashMap<>());

            int instanceFirstLayer = layers.size();
            int instanceAt = blocks.size();
            int out = current;
            for (NodeDecl node : block.nodes()) {
                Visit visit = visit(node, inner, out);
                if (visit == null) {
                    return null;
                }
                out = visit.output();
            }
            if (!addBlock(instanceAt, instance, block.name(), instanceInput, tensors.shape(out), instanceFirstLayer,
                    use, scope)) {
                return null;
            }
            current = out;
        }
        String op = use.repeated() ? block.name() + " x " + use.repeat() : block.name();
        if (use.repeated() && !addBlock(summaryAt, path, op, in, tensors.shape(current), firstLayer, use, scope)) {
            return null;
        }
        return new Visit(current, op, in);
    }

    private boolean addBlock(int at, String path, String op, Shape in, Shape out, int firstLayer, NodeDecl use,
            Scope scope) {
        String stem = ConstantNames.pathStem(path);
        if (!scope.topLevel() || !path.equals(use.name())) {
            String clash = stems.putIfAbsent(stem, path);
            if (clash != null) {
                problems.add(Problem.onLayer(scope.topNode(), Fault.onAnnotation(ProblemKind.CONSTANT_CLASH, path
                        + ": its constants would be named " + stem + "_*, as those of " + clash + " are; rename one")));
                return false;
            }
        }
        try {
            blocks.add(at, new BlockAnalysis(path, stem, op, in, out, sum(firstLayer), traffic(out, firstLayer)));
            return true;
        } catch (ArithmeticException overflow) {
            problems.add(Problem.onLayer(scope.topNode(), Fault.onAnnotation(ProblemKind.OVERFLOW, path + ": "
                    + NetworkInference.overflowMessage(batch))));
            return false;
        }
    }

    /** The op of a layer, its expressions evaluated in {@code scope}; null after reporting a failure. */
    private Computation resolve(LayerDecl layer, Scope scope, String path, Shape in,
            Map<Attr, Optional<String>> origins) {
        if (layer.op() instanceof OpTemplate.Fixed fixed) {
            return fixed.op();
        }
        OpTemplate.Parameterized template = (OpTemplate.Parameterized) layer.op();
        Map<Attr, Object> values = new HashMap<>();
        for (Map.Entry<Attr, AttrValue> e : template.values().entrySet()) {
            Attr attr = e.getKey();
            if (e.getValue() instanceof AttrValue.Constant constant) {
                values.put(attr, constant.value());
                continue;
            }
            AttrValue.Expression expr = (AttrValue.Expression) e.getValue();
            origins.put(attr, scope.topLevel() ? Optional.empty() : originOf(expr.expr(), scope));
            Object value = evaluate(expr, attr, Optional.empty(), layer, scope, path, in);
            if (value == null) {
                return null;
            }
            if (value instanceof Boolean) {
                values.put(attr, value);
                continue;
            }
            List<Integer> numbers = new ArrayList<>();
            for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                long number = (Long) item;
                if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                    report(layer, scope, where(path, in, null), Fault.on(attr, ProblemKind.OUT_OF_RANGE,
                            attr.javaName() + " = \"" + expr.text() + "\" gives " + number + ", which does not fit an"
                                    + " int"), origins);
                    return null;
                }
                numbers.add((int) number);
            }
            values.put(attr, attr.kind() == Attr.Kind.INTS ? List.copyOf(numbers) : (Object) numbers.get(0));
        }
        return template.kind().build(new AttrValues(values));
    }

    /** An expression's value in {@code scope}; null after reporting a division by zero or an overflow. */
    private Object evaluate(AttrValue.Expression expr, Attr attr, Optional<String> argument, NodeDecl node,
            Scope scope, String path, Shape in) {
        try {
            return expr.expr().eval(scope.values());
        } catch (ArithmeticException e) {
            String what = attr != null ? attr.javaName() : argument.orElse("@If");
            Fault fault = argument.isPresent()
                    ? Fault.onArgument(argument.get(), ProblemKind.EVALUATION, "")
                    : new Fault(ProblemKind.EVALUATION, Optional.ofNullable(attr), "");
            place(node, scope, fault.withMessage(where(path, in, null) + ": " + what + " = \"" + expr.text()
                    + "\" fails with " + describe(scope) + ": " + e.getMessage()), originOf(expr.expr(), scope));
            return null;
        }
    }

    /** The parameter values an expression saw, for messages: {@code width = 64, in = 256}. */
    private static String describe(Scope scope) {
        List<String> parts = new ArrayList<>();
        scope.values().keySet().stream().sorted().forEach(k -> parts.add(k + " = " + scope.values().get(k)));
        return String.join(", ", parts);
    }

    /** The first argument, written at the network's field, that an expression depends on. */
    private static Optional<String> originOf(Expr expr, Scope scope) {
        Set<String> variables = new LinkedHashSet<>();
        expr.variables(variables);
        for (String v : variables) {
            Optional<String> origin = scope.origins().getOrDefault(v, Optional.empty());
            if (origin.isPresent()) {
                return origin;
            }
        }
        return Optional.empty();
    }

    /**
     * Reports a fault of a layer or block instance. In the network's own fields it goes on the
     * value at fault. Inside a block it goes on the network field that uses the block, on the
     * argument the faulty value came from when there is one, and the message names the path.
     */
    private void report(NodeDecl node, Scope scope, String where, Fault fault, Map<Attr, Optional<String>> origins) {
        place(node, scope, fault.withMessage(where + ": " + fault.message()),
                fault.attr().flatMap(a -> origins.getOrDefault(a, Optional.empty())));
    }

    /** @param origin inside a block, the argument at the network's field that the fault comes from */
    private void place(NodeDecl node, Scope scope, Fault fault, Optional<String> origin) {
        if (scope.topLevel()) {
            problems.add(Problem.onLayer(node.index(), fault));
            return;
        }
        Fault placed = origin.isPresent()
                ? Fault.onArgument(origin.get(), fault.kind(), fault.message())
                : new Fault(fault.kind(), Optional.empty(), fault.message());
        problems.add(Problem.onLayer(scope.topNode(), placed));
    }

    /** {@code layer3[0].conv2 on input (256, 14, 14)}; merges name their inputs in their messages. */
    private static String where(String path, Shape in, Computation op) {
        return op instanceof Merge ? path : path + " on input " + in;
    }

    /** A block's or field's memory: its output's bytes, and its layers' traffic summed. */
    private Traffic traffic(Shape output, int firstLayer) {
        long moved = 0;
        for (int i = firstLayer; i < layers.size(); i++) {
            moved = Math.addExact(moved, layers.get(i).traffic().memoryAccessBytes());
        }
        return new Traffic(activationBytes(output), moved);
    }

    private long activationBytes(Shape output) {
        return Math.multiplyExact(Math.multiplyExact(batch, output.numel()), bytesPerElement);
    }

    private Cost sum(int firstLayer) {
        Cost sum = Cost.ZERO;
        for (int i = firstLayer; i < layers.size(); i++) {
            sum = sum.plus(layers.get(i).cost());
        }
        return sum;
    }
}
