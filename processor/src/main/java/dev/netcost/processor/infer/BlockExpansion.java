package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.FinalState;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.Router;
import dev.netcost.processor.model.UserOpDecl;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pass (a): expands every block use into its instances, in execution order, and resolves each
 * layer: its expressions evaluated in its instance's scope, its inputs named as tensors, and the
 * origin of every value (the arguments written at the network's field it came from), so that a
 * problem inside an instance can be placed on the argument at fault.
 *
 * <p>It hands each layer to the {@link Passes} as soon as it is resolved, rather than building
 * the whole graph first, because the graph depends on the shapes: {@code in} is the channels
 * coming into each instance, and an {@code @If} may read it.
 */
final class BlockExpansion {
    /** What the expansion hands its layers to, and asks for the shapes it needs. */
    interface Passes {
        Shape shape(int tensor);

        Layout layout(int tensor);

        /** Runs the passes over one layer: its output, or empty after they reported why there is none. */
        Optional<Step> layer(ResolvedLayer layer);

        /** Where a block use or instance begins, so that its row comes before the rows of the blocks inside. */
        Span begin();

        /**
         * A block use or instance expanded: adds its row; false after reporting that its figures overflow.
         *
         * @param trainingOnly whether it runs only in training
         */
        boolean block(Span span, String path, String op, Shape in, Shape out, int field, boolean trainingOnly);

        /**
         * An instance of a network's block use marked {@code @Checkpoint} expanded: its layers, from
         * {@code span}'s first, are recomputed in a training step's backward.
         */
        void checkpointed(Span span);
    }

    /** A layer through the passes: its output tensor, its index among the layers, and PyTorch's name for it. */
    record Step(int tensor, int layer, String op) {}

    /** The rows and layers there were when a block began. */
    record Span(int row, int firstLayer) {}

    /** An expanded field: its output tensor, what it was, and its input. */
    record Visit(int output, String op, Shape input) {}

    /**
     * What an expression gives a value to, where a failure to compute it is placed and what its
     * message names: an attribute of a layer, an {@code @If}, or an argument of a block use.
     */
    private record Target(Optional<Attr> attr, String name) {
        /** An {@code @If}: named as the user writes it, as the reader's and the checks' messages do. */
        static final Target CONDITION = new Target(Optional.of(Attr.CONDITION), "@If");

        static Target attribute(Attr attr) {
            return new Target(Optional.of(attr), attr.javaName());
        }

        static Target argument(String name) {
            return new Target(Optional.empty(), name);
        }

        Fault fault(Message message, Object... values) {
            return attr.isPresent() ? message.on(attr.get(), values) : message.onArgument(name, values);
        }
    }

    private final NetworkDecl network;
    private final Passes passes;
    private final List<Problem> problems;
    private final Scope scope;
    private final OpCache ops = new OpCache();

    /**
     * @param input the network's first input tensor, whose features {@code in} is at the network's
     *     level, and which {@code input} names when the network has {@code @Network(input)}
     */
    BlockExpansion(NetworkDecl network, Passes passes, List<Problem> problems, int input) {
        this.network = network;
        this.passes = passes;
        this.problems = problems;
        this.scope = Scope.network(passes.layout(input).features(passes.shape(input)), input);
    }

    /** Names an input of the network, declared as a field ({@code @Input}), in the network's scope. */
    void bind(String name, int tensor) {
        scope.names().put(name, tensor);
    }

    /** Expands the network's field {@code node}, which reads {@code previous} unless it names its input. */
    Optional<Visit> field(NodeDecl node, int previous) {
        return visit(node, scope.atField(node.index()), previous);
    }

    private Optional<Visit> visit(NodeDecl node, Scope scope, int previous) {
        List<Integer> inputs;
        if (node.inputs().isEmpty()) {
            inputs = List.of(previous);
        } else {
            inputs = new ArrayList<>(node.inputs().size());
            for (String name : node.inputs()) {
                inputs.add(tensor(name, scope));
            }
        }
        if (node instanceof LayerDecl layer && layer.side().isPresent()) {
            // The tensor the layer names besides its input: read after it, which messages name.
            inputs = new ArrayList<>(inputs);
            inputs.add(tensor(layer.side().get().name(), scope));
        }
        Shape in = passes.shape(inputs.get(0));
        String path = scope.prefix() + node.name();
        if (node.condition().isPresent()) {
            Optional<Object> keep = evaluate(node.condition().get(), Target.CONDITION, scope, path, in);
            if (keep.isEmpty()) {
                return Optional.empty();
            }
            if (!(Boolean) keep.get()) {
                scope.leftOut().add(node.name());
                scope.names().put(node.name(), inputs.get(0));
                return Optional.of(new Visit(inputs.get(0), "Identity", in));
            }
        }
        if (node instanceof LayerDecl layer && layer.op() instanceof OpTemplate.Fixed fixed
                && fixed.op() instanceof FinalState && scope.leftOut().contains(layer.inputs().get(0))) {
            // Its name reads the left-out layer's input, whose maker's state is not the one named.
            problems.add(Place.of(scope, Map.of()).problem(Message.FINAL_STATE_OF_LEFT_OUT.on(Attr.FROM, path,
                    layer.inputs().get(0))));
            return Optional.empty();
        }
        Optional<Visit> visit = node instanceof LayerDecl layer
                ? layer(layer, scope, path, inputs)
                : use((BlockUse) node, scope, path, inputs.get(0));
        if (visit.isPresent()) {
            scope.names().put(node.name(), visit.get().output());
        }
        return visit;
    }

    /** The tensor a field names in {@code scope}: a field's output, or the scope's input. */
    private static int tensor(String name, Scope scope) {
        return name.equals(NodeDecl.INPUT) ? scope.input() : scope.names().get(name);
    }

    private Optional<Visit> layer(LayerDecl layer, Scope scope, String path, List<Integer> inputs) {
        Shape in = passes.shape(inputs.get(0));
        Map<Attr, Origin> origins = layer.op() instanceof OpTemplate.Fixed ? Map.of() : new HashMap<>();
        Map<String, Origin> named = new HashMap<>();
        Optional<Computation> op = layer.op() instanceof OpTemplate.User user
                ? resolveUser(user, scope, path, in, named)
                : resolve(layer, scope, path, in, origins);
        if (op.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResolvedLayer.Tie> tie = Optional.empty();
        if (layer.tied().isPresent()) {
            Integer index = scope.layers().get(layer.tied().get());
            tie = Optional.of(new ResolvedLayer.Tie(layer.tied().get(), index == null ? OptionalInt.empty()
                    : OptionalInt.of(index)));
        }
        Optional<Step> step = passes.layer(new ResolvedLayer(path, op.get(), inputs, tie,
                Place.of(scope, origins, named), scope.trainingOnly() || layer.trainingOnly(),
                scope.frozen() || layer.marks().frozen(), scope.copies()));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        scope.layers().put(layer.name(), step.get().layer());
        return Optional.of(new Visit(step.get().tensor(), step.get().op(), in));
    }

    /** Every instance of a block use, one after the other. */
    private Optional<Visit> use(BlockUse use, Scope scope, String path, int inputTensor) {
        BlockDecl block = network.blocks().get(use.block());
        boolean trainingOnly = scope.trainingOnly() || use.trainingOnly();
        Shape in = passes.shape(inputTensor);
        Span whole = passes.begin();
        int current = inputTensor;
        for (int r = 0; r < use.repeat(); r++) {
            String instance = use.repeated() ? path + "[" + r + "]" : path;
            Shape instanceInput = passes.shape(current);
            Map<String, Object> values = new HashMap<>();
            Map<String, Origin> origins = new HashMap<>();
            for (ParamDecl param : block.params()) {
                AttrValue given = use.args().get(param.name());
                if (given == null || (param.firstOnly() && r > 0)) {
                    values.put(param.name(), param.defaultValue().orElseThrow());
                    continue;
                }
                Object value;
                Origin origin = Origin.NONE;
                if (given instanceof AttrValue.Constant constant) {
                    value = constant.value();
                } else {
                    AttrValue.Expression expr = (AttrValue.Expression) given;
                    Optional<Object> evaluated = evaluate(expr, Target.argument(param.name()), scope, instance,
                            instanceInput);
                    if (evaluated.isEmpty()) {
                        return Optional.empty();
                    }
                    value = evaluated.get();
                    origin = scope.originOf(expr.expr());
                }
                values.put(param.name(), value);
                // In the network's own scope, the argument is the origin; deeper, it is where its expression's came from.
                origins.put(param.name(), scope.own() ? Origin.of(param.name(), value) : origin);
            }
            values.put(DeclarationChecks.IN, passes.layout(current).features(instanceInput));
            Scope inner;
            try {
                inner = scope.instance(instance, values, origins, current, use.trainingOnly(), use.marks().frozen(),
                        use.routing());
            } catch (ArithmeticException overflow) {
                // Nested mixtures whose copies do not fit a long: no figure of theirs could.
                Fault fault = NetworkInference.overflow(1);
                problems.add(Problem.onLayer(scope.field(), fault.withMessage(instance + ": " + fault.message())));
                return Optional.empty();
            }
            // A tensor parameter reads, inside, the tensor the use names in its own scope.
            for (Map.Entry<String, String> tensor : use.tensors().entrySet()) {
                inner.names().put(tensor.getKey(), tensor(tensor.getValue(), scope));
            }

            Span span = passes.begin();
            int out = current;
            for (NodeDecl node : block.nodes()) {
                Optional<Visit> visit = visit(node, inner, out);
                if (visit.isEmpty()) {
                    return Optional.empty();
                }
                out = visit.get().output();
            }
            if (use.routing().isPresent()) {
                // The experts' outputs, weighted by the router's scores of the tokens they were sent.
                Optional<Step> routed = passes.layer(new ResolvedLayer(instance + ROUTER,
                        new Router(use.routing().get()), List.of(out, current), Optional.empty(), Place.of(scope,
                                Map.of()), trainingOnly, scope.frozen() || use.marks().frozen(), scope.copies()));
                if (routed.isEmpty()) {
                    return Optional.empty();
                }
                out = routed.get().tensor();
            }
            if (!passes.block(span, instance, name(block, use), instanceInput, passes.shape(out), scope.field(),
                    trainingOnly)) {
                return Optional.empty();
            }
            if (scope.own() && use.marks().checkpoint()) {
                passes.checkpointed(span);
            }
            current = out;
        }
        String op = use.repeated() ? name(block, use) + " x " + use.repeat() : name(block, use);
        if (use.repeated() && !passes.block(whole, path, op, in, passes.shape(current), scope.field(), trainingOnly)) {
            return Optional.empty();
        }
        return Optional.of(new Visit(current, op, in));
    }

    /**
     * The router's name after its instance's path: {@code moe.(router)}, which no field of the
     * expert's block can take, since a Java name has no parentheses.
     */
    static final String ROUTER = ".(router)";

    /** What the summary calls one instance of a use: the block's name, and a mixture's experts. */
    private static String name(BlockDecl block, BlockUse use) {
        return use.routing().isPresent() ? use.routing().get().describe(block.name()) : block.name();
    }

    /** The op of a layer, its expressions evaluated in {@code scope}; empty after reporting a failure. */
    private Optional<Computation> resolve(LayerDecl layer, Scope scope, String path, Shape in,
            Map<Attr, Origin> origins) {
        if (layer.op() instanceof OpTemplate.Fixed fixed) {
            return Optional.of(fixed.op());
        }
        OpTemplate.Parameterized template = (OpTemplate.Parameterized) layer.op();
        Map<Attr, Object> values = new EnumMap<>(Attr.class);
        for (Map.Entry<Attr, AttrValue> e : template.values().entrySet()) {
            Attr attr = e.getKey();
            if (e.getValue() instanceof AttrValue.Constant constant) {
                values.put(attr, constant.value());
                continue;
            }
            AttrValue.Expression expr = (AttrValue.Expression) e.getValue();
            Optional<Object> value = evaluate(attr, expr, Target.attribute(attr), scope, path, in, origins);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get() instanceof Boolean) {
                values.put(attr, value.get());
                continue;
            }
            Optional<Long> notAnInt = notAnInt(value.get());
            if (notAnInt.isPresent()) {
                Fault fault = Message.VALUE_NOT_AN_INT.on(attr, attr.javaName(), expr.text(), notAnInt.get());
                problems.add(Place.of(scope, origins).problem(framed(path, in, fault)));
                return Optional.empty();
            }
            List<Integer> numbers = new ArrayList<>();
            for (Object item : value.get() instanceof List<?> list ? list : List.of(value.get())) {
                numbers.add(Math.toIntExact((Long) item));
            }
            values.put(attr, attr.kind() == Attr.Kind.INTS ? List.copyOf(numbers) : (Object) numbers.get(0));
        }
        return Optional.of(ops.build(template, values));
    }

    /**
     * An op you declare, its attributes' expressions evaluated in {@code scope}; empty after
     * reporting a failure. An {@code int[]} attribute given one value has that one value.
     *
     * @param named receives the arguments each attribute's value came from
     */
    private Optional<Computation> resolveUser(OpTemplate.User template, Scope scope, String path, Shape in,
            Map<String, Origin> named) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, AttrValue> e : template.values().entrySet()) {
            String attr = e.getKey();
            if (e.getValue() instanceof AttrValue.Constant constant) {
                values.put(attr, constant.value());
                continue;
            }
            AttrValue.Expression expr = (AttrValue.Expression) e.getValue();
            Optional<Object> value = evaluate(attr, expr, Target.argument(attr), scope, path, in, named);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Optional<UserOpDecl.Attribute> declared = template.decl().attr(attr);
            boolean list = declared.isPresent() && declared.get().kind() == Attr.Kind.INTS;
            Object given = value.get();
            Optional<Long> notAnInt = notAnInt(given);
            if (notAnInt.isPresent()) {
                Fault fault = Message.VALUE_NOT_AN_INT.onArgument(attr, attr, expr.text(), notAnInt.get());
                problems.add(Place.of(scope, Map.of(), named).problem(framed(path, in, fault)));
                return Optional.empty();
            }
            values.put(attr, list && !(given instanceof List<?>) ? List.of(given) : given);
        }
        return Optional.of(ops.build(template, values));
    }

    /**
     * The value of the expression an attribute {@code key} is given, of a built-in op or of an op
     * you declare alike; the arguments it comes from, if any, noted in {@code origins} so that a
     * fault of the op names them. Empty after reporting a failure.
     */
    private <K> Optional<Object> evaluate(K key, AttrValue.Expression expr, Target target, Scope scope, String path,
            Shape in, Map<K, Origin> origins) {
        Origin origin = scope.originOf(expr.expr());
        if (!origin.arguments().isEmpty()) {
            origins.put(key, origin);
        }
        return evaluate(expr, target, scope, path, in);
    }

    /**
     * The first number of an attribute's value (one value or a list) that an {@code int} cannot
     * hold, for the attributes of built-in ops and of ops you declare alike; empty if none.
     */
    private static Optional<Long> notAnInt(Object value) {
        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
            if (item instanceof Long number && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
                return Optional.of(number);
            }
        }
        return Optional.empty();
    }

    /**
     * An expression's value in {@code scope}; empty after reporting a division by zero or an overflow.
     *
     * @param target where the fault goes in the network's own scope, and what it names
     */
    private Optional<Object> evaluate(AttrValue.Expression expr, Target target, Scope scope, String path, Shape in) {
        try {
            return Optional.of(expr.expr().eval(scope.values()));
        } catch (ArithmeticException e) {
            Fault fault = target.fault(Message.EVALUATION_FAILED, target.name(), expr.text(), scope.describe(),
                    e.getMessage());
            problems.add(Place.of(scope, Map.of()).problem(framed(path, in, fault), scope.originOf(expr.expr()),
                    target.name()));
            return Optional.empty();
        }
    }

    /** {@code fault}, its message after the layer's path and input, as the passes frame theirs. */
    private static Fault framed(String path, Shape in, Fault fault) {
        return fault.withMessage(ResolvedLayer.where(path, in, null) + ": " + fault.message());
    }
}
