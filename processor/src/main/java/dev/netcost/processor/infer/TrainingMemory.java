package dev.netcost.processor.infer;

import dev.netcost.processor.model.Backprop;
import dev.netcost.processor.model.Saved;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The activations of a training step over time, by the cost model's section "Training", "The
 * activation peak": the forward pass layer by layer, then the backward pass in reverse, on one
 * timeline of {@code 2n} steps (forward step {@code i} at time {@code i}, backward step {@code i} at
 * time {@code 2n - 1 - i}). Each tensor, each layer's own saved data and each gradient is an interval
 * of that timeline; the peak is found by one sweep over a difference array.
 *
 * <p>A tensor is known by the storage it occupies: a view's output is the tensor it views. A tensor
 * that layers keep for backward lives until the first of them has run its backward; one that no layer
 * keeps lives, as at inference, until its last reader. Inside a checkpointed block instance nothing is
 * kept in the forward pass but what the instance reads; its own saved data lives in backward only,
 * from the recomputation at its last layer to each layer's backward.
 */
final class TrainingMemory {
    /** A segment of a checkpointed block instance: its first and last layer. */
    record Segment(int first, int last) {}

    /**
     * @param savedBytes what the forward pass has saved when it ends, each tensor once
     * @param savedBy    for each layer, the bytes it keeps (tensors it shares with other layers counted
     *     for each of them)
     */
    record Result(long savedBytes, long[] savedBy, TrainingFigures.Peak peak) {}

    private final List<LayerAnalysis> layers;
    private final LayerGraph graph;
    private final Tensors tensors;
    private final TrainingPass pass;
    private final long bytesPerElement;
    private final int n;
    private final int tensorCount;
    private final int[] root;
    private final int[] lastRead;
    /**
     * Intervals of tensors and gradients, by key: a tensor's storage (its id, or one past the tensors for
     * the tokens routed to an expert), a gradient's {@code -1 - storage}; and of layers' own saved data.
     */
    private final Map<Integer, List<int[]>> tensorIntervals = new HashMap<>();
    private final Map<Integer, Long> keyBytes = new HashMap<>();
    private final Map<Integer, String> keyNames = new HashMap<>();
    private final List<Item> items = new ArrayList<>();

    /** A layer's own saved data or a gradient: bytes alive from {@code start} to {@code end}. */
    private record Item(String name, long bytes, int start, int end) {}

    /**
     * @param bytesPerElement one element of an activation for the step's batch: the batch times the
     *     precision's bytes
     */
    TrainingMemory(List<LayerAnalysis> layers, LayerGraph graph, Tensors tensors, TrainingPass pass,
            long bytesPerElement) {
        this.layers = layers;
        this.graph = graph;
        this.tensors = tensors;
        this.pass = pass;
        this.bytesPerElement = bytesPerElement;
        this.n = layers.size();
        this.tensorCount = tensors.count();
        this.root = new int[tensorCount];
        this.lastRead = new int[tensorCount];
        java.util.Arrays.fill(lastRead, -1);
        for (int i = 0; i < n; i++) {
            for (int r = graph.firstRead(i); r < graph.endOfReads(i); r++) {
                lastRead[graph.tensor(r)] = Math.max(lastRead[graph.tensor(r)], i);
            }
        }
        for (int t = 0; t < tensorCount; t++) {
            int p = tensors.producedAt(t);
            root[t] = p >= 0 && layers.get(p).computation().view() ? root[graph.tensor(graph.firstRead(p))] : t;
        }
    }

    /**
     * The saved bytes and the peak.
     *
     * @param segments the checkpointed block instances, in order, disjoint
     * @throws ArithmeticException if a figure does not fit a {@code long}
     */
    Result run(List<Segment> segments) {
        int[] segmentOf = new int[n];
        java.util.Arrays.fill(segmentOf, -1);
        for (int s = 0; s < segments.size(); s++) {
            for (int i = segments.get(s).first(); i <= segments.get(s).last(); i++) {
                segmentOf[i] = s;
            }
        }
        // Activations as at inference, every layer running: from their making to their last reader.
        for (int t = 0; t < tensorCount; t++) {
            int start = start(t);
            int end = pass.lossTerm(t) ? n - 1 : Math.max(start, lastRead[t]);
            tensor(root[t], start, end);
        }
        long saved = 0;
        long[] savedBy = new long[n];
        BitSet savedKeys = new BitSet();
        for (int j = 0; j < n; j++) {
            if (!pass.pass(j).any()) {
                continue;
            }
            Backprop backprop = pass.backprop(j);
            Saved keeps = backprop.saved();
            int segment = segmentOf[j];
            int from = segment < 0 ? -1 : back(segments.get(segment).last());
            List<Integer> kept = new ArrayList<>();
            if (keeps.inputs()) {
                for (int r = graph.firstRead(j); r < graph.endOfReads(j); r++) {
                    kept.add(graph.tensor(r));
                }
            }
            if (keeps.output()) {
                kept.add(tensors.outputOf(j));
            }
            for (int t : kept) {
                int key = keyFor(t, j);
                savedBy[j] = Math.addExact(savedBy[j], bytes(key));
                if (segment < 0) {
                    tensor(key, key == root[t] ? start(t) : j, back(j));
                    savedKeys.set(key);
                } else {
                    tensor(key, from, back(j));
                }
            }
            long own = Math.multiplyExact(Math.addExact(Math.addExact(Math.multiplyExact(keeps.elements(),
                    bytesPerElement), Math.multiplyExact(keeps.fixedBytes(), batch())), keeps.stepBytes()),
                    layers.get(j).copies().active());
            if (own > 0) {
                savedBy[j] = Math.addExact(savedBy[j], own);
                items.add(new Item("saved by " + layers.get(j).path(), own, segment < 0 ? j : from, back(j)));
                if (segment < 0) {
                    saved = Math.addExact(saved, own);
                }
            }
        }
        // A checkpointed instance keeps what it reads from before it, until its first layer's backward.
        for (Segment segment : segments) {
            boolean runsBackward = false;
            for (int i = segment.first(); i <= segment.last(); i++) {
                runsBackward |= pass.pass(i).any();
            }
            for (int i = segment.first(); runsBackward && i <= segment.last(); i++) {
                savedBy[i] = 0; // its layers keep nothing in the forward pass
                for (int r = graph.firstRead(i); r < graph.endOfReads(i); r++) {
                    int t = graph.tensor(r);
                    if (tensors.producedAt(t) < segment.first()) {
                        tensor(root[t], start(t), back(segment.first()));
                        savedKeys.set(root[t]);
                    }
                }
            }
        }
        for (int key = savedKeys.nextSetBit(0); key >= 0; key = savedKeys.nextSetBit(key + 1)) {
            saved = Math.addExact(saved, bytes(key));
        }
        // Gradients: from the backward of the last layer that sends a tensor one (the start of backward
        // for a term of the loss) to that of the layer that made it. A view's gradient is its input's,
        // reshaped: one storage, as the view's output is.
        int[] lastSender = new int[tensorCount];
        java.util.Arrays.fill(lastSender, -1);
        for (int j = 0; j < n; j++) {
            if (pass.pass(j).inputGradient()) {
                for (int r = graph.firstRead(j); r < graph.endOfReads(j); r++) {
                    lastSender[graph.tensor(r)] = j;
                }
            }
        }
        for (int t = 0; t < tensorCount; t++) {
            int p = tensors.producedAt(t);
            if (p < 0 || !pass.hasGradient(t)) {
                continue;
            }
            int first = pass.lossTerm(t) ? n - 1 : Math.max(p, lastSender[t]);
            int key = -1 - root[t];
            if (!keyNames.containsKey(key)) {
                keyNames.put(key, "gradient of " + tensors.producer(root[t]));
                keyBytes.put(key, Math.multiplyExact(copyBytes(root[t]), multiplicity(root[t])));
            }
            intervals(key).add(new int[] {back(first), back(p)});
        }
        return new Result(saved, savedBy, peak());
    }

    /** The sweep: the most bytes alive at one time, and what is alive then. */
    private TrainingFigures.Peak peak() {
        int times = 2 * n;
        long[] delta = new long[times + 1];
        Map<Integer, List<int[]>> merged = new HashMap<>();
        for (Map.Entry<Integer, List<int[]>> e : tensorIntervals.entrySet()) {
            int key = e.getKey();
            List<int[]> union = union(e.getValue());
            merged.put(key, union);
            for (int[] span : union) {
                delta[span[0]] = Math.addExact(delta[span[0]], bytes(key));
                delta[span[1] + 1] = Math.subtractExact(delta[span[1] + 1], bytes(key));
            }
        }
        for (Item item : items) {
            delta[item.start()] = Math.addExact(delta[item.start()], item.bytes());
            delta[item.end() + 1] = Math.subtractExact(delta[item.end() + 1], item.bytes());
        }
        long alive = 0;
        long peak = -1;
        int at = 0;
        for (int time = 0; time < times; time++) {
            alive = Math.addExact(alive, delta[time]);
            if (alive > peak) {
                peak = alive;
                at = time;
            }
        }
        List<NetworkAnalysis.Named> there = new ArrayList<>();
        int when = at;
        for (Map.Entry<Integer, List<int[]>> e : merged.entrySet()) {
            int key = e.getKey();
            for (int[] span : e.getValue()) {
                if (span[0] <= when && when <= span[1]) {
                    there.add(new NetworkAnalysis.Named(keyNames.get(key), bytes(key)));
                }
            }
        }
        for (Item item : items) {
            if (item.start() <= when && when <= item.end()) {
                there.add(new NetworkAnalysis.Named(item.name(), item.bytes()));
            }
        }
        there.sort(MostBytesFirst.INSTANCE);
        boolean backward = at >= n;
        int layer = backward ? times - 1 - at : at;
        return new TrainingFigures.Peak(Math.max(0, peak), backward, layers.get(layer).path(),
                there.subList(0, Math.min(there.size(), 10)));
    }

    /** Overlapping or touching intervals joined, in order of their start. */
    private static List<int[]> union(List<int[]> intervals) {
        intervals.sort(ByStart.INSTANCE);
        List<int[]> union = new ArrayList<>();
        for (int[] span : intervals) {
            int[] last = union.isEmpty() ? null : union.get(union.size() - 1);
            if (last != null && span[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                union.add(new int[] {span[0], span[1]});
            }
        }
        return union;
    }

    /**
     * The tensor layer {@code j} keeps when it keeps {@code t}: {@code t}'s storage, or, for a layer of
     * an expert that reads a tensor made outside the experts, the copy of the tokens routed to it
     * (Hugging Face's {@code hidden_states[top_x]}), one per copy a token runs.
     */
    private int keyFor(int t, int j) {
        int p = tensors.producedAt(t);
        boolean gathered = layers.get(j).copies().inExperts() && (p < 0 || !layers.get(p).copies().inExperts());
        if (!gathered) {
            return root[t];
        }
        int key = tensorCount + j;
        keyBytes.put(key, Math.multiplyExact(copyBytes(t), layers.get(j).copies().active()));
        keyNames.put(key, "tokens routed to " + layers.get(j).path());
        return key;
    }

    /**
     * The intervals of {@code key} so far, a list made on first use. Through {@code computeIfAbsent}, as
     * before, and not a get and a put: a HashMap's {@code computeIfAbsent} puts a new key at the head of
     * its bucket and grows the table one key later than {@code put}, so the two iterate in different
     * orders, and {@link #peak()} sums the intervals in this map's order, where an overflow may depend
     * on it. The function is a named class rather than a lambda (ColdPathRulesTest).
     */
    private List<int[]> intervals(int key) {
        return tensorIntervals.computeIfAbsent(key, NewIntervals.INSTANCE);
    }

    private void tensor(int key, int start, int end) {
        bytes(key); // names it, if it is a tensor of the graph
        intervals(key).add(new int[] {start, end});
    }

    /**
     * A key's bytes: a tensor of the graph is named and sized when first seen, a gathered copy by
     * {@link #keyFor}, a gradient where the gradients are laid out.
     */
    private long bytes(int key) {
        if (!keyBytes.containsKey(key)) {
            keyNames.put(key, tensors.producer(key));
            keyBytes.put(key, Math.multiplyExact(copyBytes(key), multiplicity(key)));
        }
        return keyBytes.get(key);
    }

    /**
     * Tensor {@code t}'s bytes for the step's batch, one copy. Token ids are {@code int64}, 8 bytes each
     * whatever the precision, as PyTorch holds the ids an embedding keeps for its weight's gradient.
     */
    private long copyBytes(int t) {
        long perElement = tensors.ids(t) ? Math.multiplyExact(batch(), ID_BYTES) : bytesPerElement;
        return Math.multiplyExact(tensors.shape(t).numel(), perElement);
    }

    /** Bytes of one token id: PyTorch's {@code int64}. */
    private static final long ID_BYTES = 8;

    /** Copies of a tensor an expert makes: one per copy a token runs. */
    private long multiplicity(int t) {
        int p = tensors.producedAt(t);
        return p >= 0 ? layers.get(p).copies().active() : 1;
    }

    private long batch() {
        return pass.declared().batch();
    }

    private int start(int t) {
        return Math.max(0, tensors.producedAt(t));
    }

    private int back(int layer) {
        return 2 * n - 1 - layer;
    }

    // Named classes, not lambdas: a lambda's first call spins a class at run time, which a cold
    // compile pays for (ColdPathRulesTest).

    /** An empty list of intervals, whatever the key. */
    private static final class NewIntervals implements java.util.function.Function<Integer, List<int[]>> {
        static final NewIntervals INSTANCE = new NewIntervals();

        @Override
        public List<int[]> apply(Integer key) {
            return new ArrayList<>();
        }
    }

    /** The most bytes first; among equals, by name. */
    private static final class MostBytesFirst implements java.util.Comparator<NetworkAnalysis.Named> {
        static final MostBytesFirst INSTANCE = new MostBytesFirst();

        @Override
        public int compare(NetworkAnalysis.Named a, NetworkAnalysis.Named b) {
            return a.value() != b.value() ? Long.compare(b.value(), a.value()) : a.name().compareTo(b.name());
        }
    }

    /** Intervals, {@code {start, end}}, by their start. */
    private static final class ByStart implements java.util.Comparator<int[]> {
        static final ByStart INSTANCE = new ByStart();

        @Override
        public int compare(int[] a, int[] b) {
            return Integer.compare(a[0], b[0]);
        }
    }
}
