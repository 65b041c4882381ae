package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Layout;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Pass (c): memory by the cost model's Memory section, for the whole batch: each layer's
 * traffic, the sums over blocks and fields, and the activation peak over the tensors' lifetimes
 * ({@link Tensors#peak}). All arithmetic is exact.
 */
final class Memory {
    private final long batch;
    private final long bytesPerElement;
    /** Whether the network is a {@code @Decoder}, whose decode steps need what a step reads of each layer. */
    private final boolean decoder;

    Memory(long batch, long bytesPerElement, boolean decoder) {
        this.batch = batch;
        this.bytesPerElement = bytesPerElement;
        this.decoder = decoder;
    }

    /**
     * A layer's traffic: it reads its inputs and its parameters and buffers, and writes its
     * output. A tied layer still reads its weight, so {@code cost} is its cost before tying. In an
     * expert, each token moves through {@code copies.active()} copies, and every stored copy's
     * weights are read once.
     */
    Traffic layer(Computation op, Shapes.Shaped shaped, ExpertCopies copies) {
        // An op reads its input and writes its output, unless it says otherwise (an op a user
        // declares, an op that reads the tensor it names); a tensor it names by like lends only
        // its shape. A merge reads every input.
        long moved;
        if (op instanceof Op unary) {
            Layout layout = shaped.inLayout();
            moved = shaped.side().isEmpty() ? unary.activationsMoved(shaped.in(), shaped.out(), layout)
                    : unary.activationsMoved(shaped.in(), shaped.out(), layout, shaped.side().get());
        } else {
            moved = shaped.out().numel();
            for (Shape shape : shaped.inputs()) {
                moved = Math.addExact(moved, shape.numel());
            }
        }
        long parametersRead = op instanceof Op unary ? unary.parametersRead(shaped.in(), shaped.cost(), batch)
                : Math.addExact(shaped.cost().params(), shaped.cost().buffers());
        long parameterElements = Math.multiplyExact(parametersRead, copies.stored());
        long elementsMoved = Math.addExact(Math.multiplyExact(Math.multiplyExact(batch, moved), copies.active()),
                parameterElements);
        return new Traffic(activationBytes(shaped.out()), Math.multiplyExact(elementsMoved, bytesPerElement),
                Math.multiplyExact(parameterElements, bytesPerElement), decoder ? decodeParameterBytes(op, shaped,
                        copies, parametersRead) : 0);
    }

    /**
     * The parameters and buffers one decode step reads of a layer that reads {@code parametersRead} in a
     * forward pass: a lookup's rows of one token per sequence, and of an expert the copies the batch's
     * tokens run (a balanced router), at most those stored, the shared ones once.
     */
    private long decodeParameterBytes(Computation op, Shapes.Shaped shaped, ExpertCopies copies, long parametersRead) {
        long decodeRead = op instanceof Op unary ? unary.parametersRead(oneToken(shaped.in()), shaped.cost(), batch)
                : parametersRead;
        return Math.multiplyExact(Math.multiplyExact(decodeRead, copies.decodeCopies(batch)), bytesPerElement);
    }

    /** The shape of one token of {@code input}: its first axis, the tokens, of 1. */
    private static Shape oneToken(Shape input) {
        if (input.rank() == 0) {
            return input;
        }
        long[] dims = new long[input.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i == 0 ? 1 : input.dim(i);
        }
        return Shape.of(dims);
    }

    /**
     * A block's or field's traffic: its output's bytes, and the traffic of its layers from
     * {@code first} on that run at inference, or of all of them when it runs only in training.
     */
    Traffic span(Shape output, List<LayerAnalysis> layers, int first, boolean trainingOnly) {
        long moved = 0;
        for (int i = first; i < layers.size(); i++) {
            if (layers.get(i).runsWith(trainingOnly)) {
                moved = Math.addExact(moved, layers.get(i).traffic().memoryAccessBytes());
            }
        }
        return new Traffic(activationBytes(output), moved);
    }

    /**
     * The network's memory: its parameters' bytes, the traffic of its layers that run at inference,
     * and the activation peak of inference.
     *
     * @param total  the network's figures, training-only parameters and buffers among them
     * @param outputs the network's output tensors
     */
    NetworkAnalysis.Memory network(List<LayerAnalysis> layers, Cost total, Tensors tensors, int[] outputs) {
        long moved = 0;
        for (LayerAnalysis layer : layers) {
            if (!layer.trainingOnly()) {
                moved = Math.addExact(moved, layer.traffic().memoryAccessBytes());
            }
        }
        Tensors.Peak peak = tensors.peak(outputs, layers.size(), Math.multiplyExact(batch, bytesPerElement));
        List<NetworkAnalysis.Named> alive = new ArrayList<>();
        for (Tensors.Peak.Alive a : peak.alive()) {
            alive.add(new NetworkAnalysis.Named(a.producer(), a.bytes()));
        }
        return new NetworkAnalysis.Memory(Math.multiplyExact(Math.addExact(total.params(), total.buffers()),
                bytesPerElement), peak.bytes(), moved, peak.layer() >= 0 ? layers.get(peak.layer()).path()
                : alive.isEmpty() ? NodeDecl.INPUT : alive.get(0).name(), alive); // no layer: the largest input
    }

    private long activationBytes(Shape output) {
        return Math.multiplyExact(Math.multiplyExact(batch, output.numel()), bytesPerElement);
    }
}
