package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flat graph of reads and ties, over many more layers than its arrays start with. */
class LayerGraphTest {
    @Test
    void holdsEveryLayersReadsAndTieAsItGrows() {
        LayerGraph graph = new LayerGraph();
        int layers = 1_000;
        for (int i = 0; i < layers; i++) {
            // Layer i reads tensor i, and every third layer tensor 0 too; every fifth shares layer 0's weight.
            graph.add(i % 3 == 0 ? List.of(i, 0) : List.of(i), i % 5 == 0 ? 0 : -1);
        }
        for (int i = 0; i < layers; i++) {
            int reads = graph.endOfReads(i) - graph.firstRead(i);
            assertEquals(i % 3 == 0 ? 2 : 1, reads, "reads of layer " + i);
            assertEquals(i, graph.tensor(graph.firstRead(i)));
            if (reads == 2) {
                assertEquals(0, graph.tensor(graph.firstRead(i) + 1));
            }
            assertEquals(i % 5 == 0 ? 0 : -1, graph.tiedTo(i), "tie of layer " + i);
        }
    }
}
