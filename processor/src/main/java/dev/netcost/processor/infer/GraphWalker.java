package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.InputKind;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a network whose declarations are sound, in execution order: the {@link BlockExpansion}
 * resolves each layer of each block instance, and every resolved layer goes through the other
 * passes in turn, {@link Shapes}, {@link Memory} and {@link TiedWeights}. This class only runs
 * them and gathers what they find into layers, block instances and fields with their totals.
 * One pass over the layers, linear; it stops at the first layer whose output cannot be known.
 */
final class GraphWalker implements BlockExpansion.Passes {
    private final NetworkDecl network;
    private final Shape input;
    private final List<Problem> problems;
    private final long batch;

    private final Tensors tensors = new Tensors();
    private final List<LayerAnalysis> layers = new ArrayList<>();
    private final List<BlockAnalysis> blocks = new ArrayList<>();
    private final List<FieldAnalysis> fields = new ArrayList<>();
    private final Shapes shapes;
    private final Memory memory;
    private final TiedWeights weights;
    private final Interner shared = new Interner();
    private final LayerGraph graph = new LayerGraph();
    private int decoded = -1;
    /** For a network with {@code @Training}: each layer's part in a step, as the walk reaches it. */
    private final Optional<TrainingPass> training;
    private final List<TrainingMemory.Segment> checkpoints = new ArrayList<>();
    private Cost total = Cost.ZERO;
    private Cost trainingOnly = Cost.ZERO;

    /** @param input {@code @Network(input)}'s sample; null when the network declares only {@code @Input} fields */
    GraphWalker(NetworkDecl network, Shape input, List<Problem> problems) {
        this.network = network;
        this.input = input;
        this.problems = problems;
        this.batch = Math.max(1, network.batch());
        this.shapes = new Shapes(tensors, batch, problems, layers);
        this.memory = new Memory(batch, network.dtype().bytes(), network.decoder());
        this.weights = new TiedWeights(layers, problems);
        this.training = network.training().isPresent() ? Optional.of(new TrainingPass(network.training().get()))
                : Optional.empty();
    }

    NetworkAnalysis walk() {
        // Every input exists before any layer runs: @Network(input), then the @Input fields.
        List<InputAnalysis> inputs = List.of();
        Map<String, Integer> inputTensors = new HashMap<>();
        int networkInput = input == null ? -1
                : addInput(input, network.inputLayout(), network.inputKind(), NodeDecl.INPUT);
        int current = networkInput;
        for (InputDecl in : network.inputFields()) {
            inputTensors.put(in.name(), addInput(NetworkInference.shapeOf(in.shape()), in.layout(), in.kind(),
                    in.name()));
        }
        int first = current >= 0 ? current : inputTensors.get(network.inputFields().get(0).name());
        BlockExpansion expansion = new BlockExpansion(network, this, problems, first);
        for (Map.Entry<String, Integer> in : inputTensors.entrySet()) {
            expansion.bind(in.getKey(), in.getValue());
        }
        Map<String, Integer> fieldTensors = new HashMap<>();
        boolean failed = false;
        for (NodeDecl node : network.nodes()) {
            if (node instanceof InputDecl in) {
                current = inputTensors.get(in.name());
                Shape shape = tensors.shape(current);
                try {
                    fields.add(new FieldAnalysis(node, "Input", shape, shape, Cost.ZERO, new Traffic(bytes(shape), 0)));
                } catch (ArithmeticException overflow) {
                    problems.add(Problem.onLayer(node.index(), Message.INPUT_BYTES_OVERFLOW.on(Attr.SHAPE, node.name(),
                            batch, dev.netcost.Summary.grouped(Long.MAX_VALUE))));
                    failed = true;
                }
                fieldTensors.put(node.name(), current);
                continue;
            }
            if (failed) {
                problems.addAll(AttributeChecks.layer(node));
                continue;
            }
            int firstLayer = layers.size();
            Optional<BlockExpansion.Visit> visit = expansion.field(node, current);
            if (visit.isEmpty()) {
                failed = true;
                continue;
            }
            Shape out = tensors.shape(visit.get().output());
            try {
                fields.add(new FieldAnalysis(node, visit.get().op(), visit.get().input(), out,
                        sum(firstLayer, node.trainingOnly()), memory.span(out, layers, firstLayer, node.trainingOnly())));
            } catch (ArithmeticException overflow) {
                problems.add(Problem.onLayer(node.index(), overflow(node.name())));
                failed = true;
                continue;
            }
            current = visit.get().output();
            fieldTensors.put(node.name(), current);
        }
        NetworkAnalysis.Memory bytes = NetworkAnalysis.Memory.NONE;
        List<OutputAnalysis> outputs = List.of();
        Optional<TrainingFigures> step = Optional.empty();
        if (!failed) {
            List<NodeDecl> outputNodes = outputNodes();
            int[] outputTensors = new int[outputNodes.size()];
            for (int k = 0; k < outputTensors.length; k++) {
                outputTensors[k] = fieldTensors.get(outputNodes.get(k).name());
            }
            try {
                bytes = memory.network(layers, total, tensors, outputTensors);
                outputs = outputs(outputNodes, outputTensors);
                inputs = inputs(inputTensors);
            } catch (ArithmeticException overflow) {
                problems.add(Problem.onNetwork(Message.MEMORY_OVERFLOW.onAnnotation(network.name())));
            }
            step = training.isPresent() ? training(training.get(), outputTensors) : Optional.empty();
        }
        decoded = network.decoder() ? decodedTensor(networkInput, inputTensors) : -1;
        return new NetworkAnalysis(network, input, layers, blocks, fields, total, bytes, problems, Optional.empty(),
                trainingOnly, inputs, outputs, step);
    }

    /** The step's figures, once every layer is walked; empty, with a problem, when one overflows. */
    private Optional<TrainingFigures> training(TrainingPass pass, int[] outputTensors) {
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        try {
            pass.resolve(layers, graph, tensors, outputTensors);
            long bytesPerElement = Math.multiplyExact((long) pass.declared().batch(),
                    pass.declared().precision().bytes());
            TrainingMemory.Result memory = new TrainingMemory(layers, graph, tensors, pass, bytesPerElement)
                    .run(checkpoints);
            BitSet checkpointed = new BitSet();
            for (TrainingMemory.Segment s : checkpoints) {
                checkpointed.set(s.first(), s.last() + 1);
            }
            return Optional.of(pass.figures(total, memory, checkpointed));
        } catch (ArithmeticException overflow) {
            problems.add(Problem.onNetwork(Message.TRAINING_OVERFLOW.onAnnotation(network.name(),
                    pass.declared().batch())));
            return Optional.empty();
        }
    }

    /** An input's tensor, made by no layer; token ids marked so, since only an embedding reads them. */
    private int addInput(Shape shape, Layout layout, InputKind kind, String name) {
        int tensor = tensors.add(shape, layout, -1, name);
        if (kind == InputKind.IDS) {
            tensors.markIds(tensor);
        }
        return tensor;
    }

    /** Every input with its bytes: {@code @Network(input)}, then the {@code @Input} fields. */
    private List<InputAnalysis> inputs(Map<String, Integer> inputTensors) {
        List<InputAnalysis> inputs = new ArrayList<>();
        if (input != null) {
            inputs.add(new InputAnalysis(NodeDecl.INPUT, -1, input, network.inputKind(), bytes(input)));
        }
        for (InputDecl in : network.inputFields()) {
            Shape shape = tensors.shape(inputTensors.get(in.name()));
            inputs.add(new InputAnalysis(in.name(), in.index(), shape, in.kind(), bytes(shape)));
        }
        return inputs;
    }

    /** The fields whose tensors are the network's outputs: those marked {@code @Output}, else the last. */
    private List<NodeDecl> outputNodes() {
        List<NodeDecl> nodes = network.nodes();
        if (network.outputs().isEmpty()) {
            return List.of(nodes.get(nodes.size() - 1));
        }
        Map<String, NodeDecl> byName = new HashMap<>();
        for (NodeDecl n : nodes) {
            byName.put(n.name(), n);
        }
        List<NodeDecl> marked = new ArrayList<>();
        for (String name : network.outputs()) {
            marked.add(byName.get(name));
        }
        return marked;
    }

    /**
     * Each output with the figures of the layers that only it needs. One sweep back over the
     * layers, consumers before producers: a layer is needed by no output, by one, or by several,
     * and what it reads is needed by whatever needs it. Linear in the layers and their reads.
     */
    private List<OutputAnalysis> outputs(List<NodeDecl> nodes, int[] outputTensors) {
        int[] need = new int[layers.size()];
        java.util.Arrays.fill(need, NEEDED_BY_NONE);
        for (int k = 0; k < outputTensors.length; k++) {
            int producer = tensors.producedAt(outputTensors[k]);
            if (producer >= 0) {
                need[producer] = neededBy(need[producer], k);
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (need[i] == NEEDED_BY_NONE) {
                continue;
            }
            for (int r = graph.firstRead(i); r < graph.endOfReads(i); r++) {
                int producer = tensors.producedAt(graph.tensor(r));
                if (producer >= 0) {
                    need[producer] = neededBy(need[producer], need[i]);
                }
            }
        }
        Cost[] only = new Cost[outputTensors.length];
        java.util.Arrays.fill(only, Cost.ZERO);
        for (int i = 0; i < layers.size(); i++) {
            if (need[i] >= 0) {
                only[need[i]] = only[need[i]].plus(layers.get(i).cost());
            }
        }
        // A weight a layer needed otherwise shares (@Tied) is no one output's: dropping the output
        // keeps it. Only the weight is shared; the layer's compute, its bias and what it reads stay
        // the output's.
        BitSet sharedWeights = new BitSet();
        for (int i = 0; i < layers.size(); i++) {
            int source = graph.tiedTo(i);
            if (source >= 0 && need[source] >= 0 && need[i] != NEEDED_BY_NONE && need[i] != need[source]
                    && !sharedWeights.get(source)) {
                sharedWeights.set(source); // once, however many layers share it
                long weight = layers.get(source).sharedWeight();
                Cost alone = only[need[source]];
                only[need[source]] = new Cost(alone.params() - weight, alone.buffers(), alone.macs(), alone.flops(),
                        alone.activeParams() - weight);
            }
        }
        List<OutputAnalysis> outputs = new ArrayList<>();
        for (int k = 0; k < outputTensors.length; k++) {
            outputs.add(new OutputAnalysis(nodes.get(k).name(), nodes.get(k).index(), tensors.shape(outputTensors[k]),
                    shared.intern(only[k]), tensors.producer(outputTensors[k])));
        }
        return outputs;
    }

    /** In the outputs' sweep: a layer no output needs, and one that several need. */
    private static final int NEEDED_BY_NONE = -1;
    private static final int NEEDED_BY_SEVERAL = -2;

    /** Who needs a layer that {@code was} needed by, once output or layer mark {@code also} needs it too. */
    private static int neededBy(int was, int also) {
        return was == NEEDED_BY_NONE || was == also ? also : NEEDED_BY_SEVERAL;
    }

    /**
     * The tensor of the input a {@code @Decoder} generates tokens into: the one it names, else its
     * only input; -1 when that is not known (a problem {@code DeclarationChecks} reported).
     */
    private int decodedTensor(int networkInput, Map<String, Integer> inputTensors) {
        if (!network.decodes().isEmpty()) {
            return network.decodes().equals(NodeDecl.INPUT) ? networkInput
                    : inputTensors.getOrDefault(network.decodes(), -1);
        }
        return networkInput >= 0 ? networkInput
                : inputTensors.size() == 1 ? inputTensors.values().iterator().next() : -1;
    }

    /**
     * For a {@code @Decoder}, the layers that depend on the input it decodes, by what they read:
     * those a decode step runs. The others (an encoder) run once, at prefill. And of those, the ones
     * whose named tensor (a cross-attention's memory, read last) depends on it too, so that it is no
     * encoder's output. One sweep forward.
     */
    DecodedLayers decodedLayers() {
        BitSet depends = new BitSet();
        BitSet sideDepends = new BitSet();
        if (decoded < 0) {
            return new DecodedLayers(depends, sideDepends);
        }
        for (int i = 0; i < layers.size(); i++) {
            for (int r = graph.firstRead(i); r < graph.endOfReads(i); r++) {
                if (dependsOnDecoded(graph.tensor(r), depends)) {
                    depends.set(i);
                }
            }
            int last = graph.endOfReads(i) - 1;
            if (layers.get(i).side().isPresent() && dependsOnDecoded(graph.tensor(last), depends)) {
                sideDepends.set(i);
            }
        }
        return new DecodedLayers(depends, sideDepends);
    }

    /** Whether tensor {@code t} is the decoded input or made by a layer that depends on it. */
    private boolean dependsOnDecoded(int t, BitSet depends) {
        int producer = tensors.producedAt(t);
        return t == decoded || producer >= 0 && depends.get(producer);
    }

    /**
     * The layers of a {@code @Decoder} that depend on the input it decodes ({@code layers}), and
     * those whose named tensor does ({@code sideDepends}).
     */
    record DecodedLayers(BitSet layers, BitSet sideDepends) {}

    /** One sample of {@code shape} for the whole batch, in the network's dtype. */
    private long bytes(Shape shape) {
        return Math.multiplyExact(Math.multiplyExact(shape.numel(), batch), network.dtype().bytes());
    }

    @Override
    public Shape shape(int tensor) {
        return tensors.shape(tensor);
    }

    @Override
    public Layout layout(int tensor) {
        return tensors.layout(tensor);
    }

    @Override
    public Optional<BlockExpansion.Step> layer(ResolvedLayer layer) {
        Shape in = tensors.shape(layer.inputs().get(0));
        try {
            Optional<Shapes.Shaped> shaped = shapes.infer(layer);
            if (shaped.isEmpty()) {
                return Optional.empty();
            }
            Traffic traffic = memory.layer(layer.op(), shaped.get(), layer.copies());
            Optional<Cost> weighed = weights.cost(layer, shaped.get());
            Optional<Cost> cost = weighed.isPresent() ? Optional.of(layer.copies().scale(weighed.get()))
                    : Optional.empty();
            if (cost.isEmpty()) {
                return Optional.empty();
            }
            int index = layers.size();
            if (layer.trainingOnly()) {
                // Stored with the model, never run at inference: its weights count, its compute apart.
                total = total.plus(cost.get().storedOnly());
                trainingOnly = trainingOnly.plus(cost.get());
                tensors.trainingOnly(index);
            } else {
                total = total.plus(cost.get());
            }
            Shape out = shared.intern(shaped.get().out());
            String op = layer.copies().inExperts() ? shaped.get().op() + " [" + layer.copies().stored() + " stored, "
                    + layer.copies().active() + " per token]" : shaped.get().op();
            layers.add(new LayerAnalysis(layer.path(), op, in, out, shared.intern(cost.get()),
                    shared.intern(traffic), layer.op(), layer.place().field(), layer.place().own(),
                    shaped.get().producers(), layer.trainingOnly(), shaped.get().side(), layer.copies()));
            for (int t : layer.inputs()) {
                tensors.read(t, index);
            }
            graph.add(layer.inputs(), layer.tie().isPresent() && layer.tie().get().layer().isPresent()
                    ? layer.tie().get().layer().getAsInt() : -1);
            int output = tensors.add(out, shaped.get().outLayout(), index, layer.path());
            if (training.isPresent()) {
                training.get().layer(layer, shaped.get());
            }
            return Optional.of(new BlockExpansion.Step(output, index, shaped.get().op()));
        } catch (ArithmeticException overflow) {
            problems.add(layer.problem(in, NetworkInference.overflow(batch)));
            return Optional.empty();
        }
    }

    @Override
    public BlockExpansion.Span begin() {
        return new BlockExpansion.Span(blocks.size(), layers.size());
    }

    @Override
    public boolean block(BlockExpansion.Span span, String path, String op, Shape in, Shape out, int field,
            boolean trainingOnly) {
        try {
            blocks.add(span.row(), new BlockAnalysis(path, op, in, out,
                    shared.intern(sum(span.firstLayer(), trainingOnly)),
                    shared.intern(memory.span(out, layers, span.firstLayer(), trainingOnly)), trainingOnly));
            return true;
        } catch (ArithmeticException overflow) {
            problems.add(Problem.onLayer(field, overflow(path)));
            return false;
        }
    }

    @Override
    public void checkpointed(BlockExpansion.Span span) {
        if (layers.size() > span.firstLayer()) {
            checkpoints.add(new TrainingMemory.Segment(span.firstLayer(), layers.size() - 1));
        }
    }

    /** A figure of the field or block instance {@code path} beyond {@code long}. */
    private Fault overflow(String path) {
        Fault fault = NetworkInference.overflow(batch);
        return fault.withMessage(path + ": " + fault.message());
    }

    /**
     * The figures of the layers from {@code firstLayer} on, summed exactly, as the network's are:
     * every layer's parameters and buffers, the compute and active parameters of those that run at
     * inference; of all of them when the span runs only in training.
     */
    private Cost sum(int firstLayer, boolean trainingOnly) {
        Cost sum = Cost.ZERO;
        for (int i = firstLayer; i < layers.size(); i++) {
            Cost cost = layers.get(i).cost();
            sum = sum.plus(layers.get(i).runsWith(trainingOnly) ? cost : cost.storedOnly());
        }
        return sum;
    }
}
