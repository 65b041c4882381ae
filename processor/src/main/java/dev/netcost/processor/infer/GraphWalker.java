package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;
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
    private Cost total = Cost.ZERO;
    private Cost trainingOnly = Cost.ZERO;

    GraphWalker(NetworkDecl network, Shape input, List<Problem> problems) {
        this.network = network;
        this.input = input;
        this.problems = problems;
        this.batch = Math.max(1, network.batch());
        this.shapes = new Shapes(tensors, batch, problems);
        this.memory = new Memory(batch, network.dtype().bytes());
        this.weights = new TiedWeights(layers, problems);
    }

    NetworkAnalysis walk() {
        // A network's input is a feature map, or token ids (T) for an embedding: never tokens (T, E).
        int current = tensors.add(input, Layout.FEATURES, -1, NodeDecl.INPUT);
        BlockExpansion expansion = new BlockExpansion(network, this, problems, current);
        boolean failed = false;
        for (NodeDecl node : network.nodes()) {
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
        }
        NetworkAnalysis.Memory bytes = NetworkAnalysis.Memory.NONE;
        if (!failed) {
            try {
                bytes = memory.network(layers, total, tensors, current);
            } catch (ArithmeticException overflow) {
                problems.add(Problem.onNetwork(Message.MEMORY_OVERFLOW.onAnnotation(network.name())));
            }
        }
        return new NetworkAnalysis(network, input, layers, blocks, fields, total, bytes, problems, Optional.empty(),
                trainingOnly);
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
            Traffic traffic = memory.layer(layer.op(), shaped.get());
            Optional<Cost> cost = weights.cost(layer, shaped.get());
            if (cost.isEmpty()) {
                return Optional.empty();
            }
            int index = layers.size();
            if (layer.trainingOnly()) {
                // Stored with the model, never run at inference: its weights count, its compute apart.
                total = total.plus(new Cost(cost.get().params(), cost.get().buffers(), 0, 0));
                trainingOnly = trainingOnly.plus(cost.get());
                tensors.trainingOnly(index);
            } else {
                total = total.plus(cost.get());
            }
            Shape out = shared.intern(shaped.get().out());
            layers.add(new LayerAnalysis(layer.path(), shaped.get().op(), in, out, shared.intern(cost.get()),
                    shared.intern(traffic), layer.op(), layer.place().field(), layer.place().own(),
                    shaped.get().producers(), layer.trainingOnly(), shaped.get().side()));
            for (int t : layer.inputs()) {
                tensors.read(t, index);
            }
            int output = tensors.add(out, shaped.get().outLayout(), index, layer.path());
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

    /** A figure of the field or block instance {@code path} beyond {@code long}. */
    private Fault overflow(String path) {
        Fault fault = NetworkInference.overflow(batch);
        return fault.withMessage(path + ": " + fault.message());
    }

    /**
     * The figures of the layers from {@code firstLayer} on, summed exactly, as the network's are:
     * every layer's parameters and buffers, the compute of those that run at inference; of all of
     * them when the span runs only in training.
     */
    private Cost sum(int firstLayer, boolean trainingOnly) {
        long params = 0;
        long buffers = 0;
        long macs = 0;
        long flops = 0;
        for (int i = firstLayer; i < layers.size(); i++) {
            Cost cost = layers.get(i).cost();
            params = Math.addExact(params, cost.params());
            buffers = Math.addExact(buffers, cost.buffers());
            if (layers.get(i).runsWith(trainingOnly)) {
                macs = Math.addExact(macs, cost.macs());
                flops = Math.addExact(flops, cost.flops());
            }
        }
        return new Cost(params, buffers, macs, flops);
    }
}
