package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Every tensor a forward pass produces, with when it is made and last read: what peak memory
 * needs. The inputs come first, made by no layer. The ids and lifetimes are kept in arrays of {@code int}:
 * a deep network has hundreds of thousands of tensors.
 *
 * <p>A layer that runs only in training is no part of inference's memory: its output is no
 * activation, and its reads keep no tensor alive.
 */
final class Tensors {
    private final List<Shape> shapes = new ArrayList<>();
    private final BitSet trainingOnly = new BitSet();
    /** The inputs of token ids ({@code InputKind.IDS}), which only an embedding reads. */
    private final BitSet ids = new BitSet();
    private final List<Layout> layouts = new ArrayList<>();
    private final List<String> producers = new ArrayList<>();
    private int[] producedAt = new int[16];
    private int[] lastRead = new int[16];
    /** The inputs, which come before every layer's tensor. */
    private int inputs;

    /** A new tensor, made by layer {@code layer} ({@code -1}: an input); returns its id. */
    int add(Shape shape, Layout layout, int layer, String producer) {
        int id = shapes.size();
        if (layer < 0) {
            if (inputs != id) {
                throw new IllegalStateException("an input after a layer's tensor");
            }
            inputs++;
        }
        if (id == producedAt.length) {
            producedAt = Arrays.copyOf(producedAt, id * 2);
            lastRead = Arrays.copyOf(lastRead, id * 2);
        }
        shapes.add(shape);
        layouts.add(Layout.of(shape, layout));
        producers.add(producer);
        producedAt[id] = layer;
        lastRead[id] = -1;
        return id;
    }

    void read(int tensor, int layer) {
        if (!trainingOnly.get(layer)) {
            lastRead[tensor] = Math.max(lastRead[tensor], layer);
        }
    }

    /** Layer {@code layer} runs only in training: call it before it reads or makes a tensor. */
    void trainingOnly(int layer) {
        trainingOnly.set(layer);
    }

    /** Whether tensor {@code t} exists at inference: the input, or a layer's that runs at inference. */
    private boolean atInference(int t) {
        return producedAt[t] < 0 || !trainingOnly.get(producedAt[t]);
    }

    /** How many tensors there are: the inputs and one per layer. */
    int count() {
        return shapes.size();
    }

    Shape shape(int tensor) {
        return shapes.get(tensor);
    }

    /** Whether a tensor of rank 2 is tokens or a feature map. */
    Layout layout(int tensor) {
        return layouts.get(tensor);
    }

    /** Tensor {@code tensor}, an input, holds token ids. */
    void markIds(int tensor) {
        ids.set(tensor);
    }

    /** Whether the tensor holds token ids, which only an embedding reads. */
    boolean ids(int tensor) {
        return ids.get(tensor);
    }

    /** The tensor layer {@code layer} made: each layer makes one, after every input. */
    int outputOf(int layer) {
        return inputs + layer;
    }

    /** The layer that made the tensor; -1 for an input. */
    int producedAt(int tensor) {
        return producedAt[tensor];
    }

    /** Who made the tensor: a layer's path, or {@code input}. */
    String producer(int tensor) {
        return producers.get(tensor);
    }

    /**
     * The most bytes alive at once: at each layer, its inputs, its output, and every earlier
     * tensor a later layer still reads (a residual branch), as the cost model defines it. A tensor
     * lives from the layer that makes it (an input: from the first layer) to the last that reads
     * it; the network's outputs live to the end. One sweep over a difference array, so linear.
     *
     * @param outputs      the network's output tensors
     * @param layerCount   the layers run
     * @param bytesPerElement for the whole batch: batch times the dtype's bytes
     */
    Peak peak(int[] outputs, int layerCount, long bytesPerElement) {
        BitSet output = new BitSet();
        for (int t : outputs) {
            output.set(t);
        }
        if (trainingOnly.nextClearBit(0) >= layerCount) { // no layer, or none that runs at inference: the inputs
            long bytes = 0;
            List<Peak.Alive> there = new ArrayList<>();
            for (int t = 0; t < shapes.size() && producedAt[t] < 0; t++) {
                long each = Math.multiplyExact(shapes.get(t).numel(), bytesPerElement);
                bytes = Math.addExact(bytes, each);
                there.add(new Peak.Alive(producers.get(t), each));
            }
            return new Peak(bytes, -1, there);
        }
        long[] delta = new long[layerCount + 1];
        for (int t = 0; t < shapes.size(); t++) {
            if (!atInference(t)) {
                continue;
            }
            long bytes = Math.multiplyExact(shapes.get(t).numel(), bytesPerElement);
            delta[start(t)] = Math.addExact(delta[start(t)], bytes);
            delta[end(t, output, layerCount) + 1] = Math.subtractExact(delta[end(t, output, layerCount) + 1], bytes);
        }
        long alive = 0;
        long peak = 0;
        int at = trainingOnly.nextClearBit(0);
        for (int i = 0; i < layerCount; i++) {
            alive = Math.addExact(alive, delta[i]);
            if (alive > peak && !trainingOnly.get(i)) {
                peak = alive;
                at = i;
            }
        }
        List<Peak.Alive> there = new ArrayList<>();
        for (int t = 0; t < shapes.size(); t++) {
            if (atInference(t) && start(t) <= at && at <= end(t, output, layerCount)) {
                there.add(new Peak.Alive(producers.get(t), Math.multiplyExact(shapes.get(t).numel(), bytesPerElement)));
            }
        }
        there.sort(LargestFirst.INSTANCE);
        return new Peak(peak, at, there);
    }

    private int start(int t) {
        return Math.max(0, producedAt[t]);
    }

    private int end(int t, BitSet output, int layerCount) {
        return output.get(t) ? layerCount - 1 : Math.max(start(t), lastRead[t]);
    }

    /**
     * The activation peak: its bytes, the layer where it is reached, and the tensors alive there,
     * largest first.
     */
    record Peak(long bytes, int layer, List<Alive> alive) {
        /** A tensor alive at the peak: who made it, and its bytes. */
        record Alive(String producer, long bytes) {}
    }

    /**
     * The largest tensor first; a stable sort keeps equals in tensor order. A named class, not a lambda:
     * a lambda's first call spins a class at run time, which a cold compile pays for (ColdPathRulesTest).
     */
    private static final class LargestFirst implements java.util.Comparator<Peak.Alive> {
        static final LargestFirst INSTANCE = new LargestFirst();

        @Override
        public int compare(Peak.Alive a, Peak.Alive b) {
            return Long.compare(b.bytes(), a.bytes());
        }
    }
}
