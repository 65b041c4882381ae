package dev.netcost.processor.infer;

import java.util.Arrays;
import java.util.List;

/**
 * What each layer reads, by tensor, and whose weight it shares: the graph the outputs' and the
 * decoder's sweeps follow. Kept flat in arrays of {@code int}, as {@link Tensors} keeps its
 * lifetimes, because a deep network has hundreds of thousands of layers: the reads of layer
 * {@code i} are {@code tensors[start[i]]} to {@code tensors[start[i + 1] - 1]}.
 */
final class LayerGraph {
    private int[] start = new int[17];
    private int[] tensors = new int[16];
    private int[] tiedTo = new int[16];
    private int layers;

    /** The next layer reads {@code inputs} and shares the weight of layer {@code tiedTo} (-1: none). */
    void add(List<Integer> inputs, int tiedTo) {
        if (layers + 1 == start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        if (layers == this.tiedTo.length) {
            this.tiedTo = Arrays.copyOf(this.tiedTo, this.tiedTo.length * 2);
        }
        int at = start[layers];
        if (at + inputs.size() > tensors.length) {
            tensors = Arrays.copyOf(tensors, Math.max(tensors.length * 2, at + inputs.size()));
        }
        for (int t : inputs) {
            tensors[at++] = t;
        }
        this.tiedTo[layers] = tiedTo;
        start[++layers] = at;
    }

    /** Where layer {@code layer}'s reads begin, for {@link #tensor}. */
    int firstRead(int layer) {
        return start[layer];
    }

    /** Where layer {@code layer}'s reads end, exclusive. */
    int endOfReads(int layer) {
        return start[layer + 1];
    }

    /** The tensor of read {@code read}. */
    int tensor(int read) {
        return tensors[read];
    }

    /** The layer whose weight layer {@code layer} shares ({@code @Tied}), or -1. */
    int tiedTo(int layer) {
        return tiedTo[layer];
    }
}
