package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of layers that run only in training: packed, repeated and summed as the cost model says. */
class TrainingOnlyRowsTest {
    private static final Layer CONV = new Layer("conv", "Conv2d", Shape.of(4, 8, 8), Shape.of(8, 8, 8), 288, 0,
            18_432, 36_352, 2_048, 4_224);
    private static final Layer AUX = new Layer("aux", "Conv2d", Shape.of(4, 8, 8), Shape.of(32, 8, 8), 160, 0,
            8_192, 16_384, 8_192, 9_856, true);

    @Test
    void aTrainingOnlyRowEndsWithItsMarkAndRoundTrips() {
        assertEquals("aux\tConv2d\t4,8,8\t32,8,8\t160\t0\t8192\t16384\t8192\t9856\ttraining\n", LayerTable.encode(AUX));
        assertFalse(LayerTable.encode(CONV).contains("training")); // rows written before stay as they were
        List<Layer> decoded = new ArrayList<>();
        LayerTable.decode(LayerTable.encode(CONV) + LayerTable.encode(AUX), decoded);
        assertEquals(List.of(CONV, AUX), decoded);
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode(
                "aux\tConv2d\t4,8,8\t32,8,8\t160\t0\t8192\t16384\t8192\t9856\tsometimes\n", new ArrayList<>()));
    }

    @Test
    void aRepeatedInstanceKeepsItsMark() {
        String rows = "h[0].side\tConv2d\t4,8,8\t4,8,8\t16\t0\t1024\t2048\t1024\t1344\ttraining\n"
                + "h[1..2]\tas h[0]\n";
        List<Layer> layers = LayerTable.decode(rows);
        assertEquals(List.of("h[0].side", "h[1].side", "h[2].side"), layers.stream().map(Layer::name).toList());
        assertTrue(layers.stream().allMatch(Layer::trainingOnly));
    }

    /**
     * The totals count the training-only row's parameters (288 + 160 = 448) and none of its compute or
     * traffic (MACs 18,432, memory access 4,224 B: the conv's alone); the footer gives it apart.
     */
    @Test
    void theSummaryCountsItsParametersAndSaysItsComputeApart() {
        Summary.Header header = new Summary.Header("Net", Shape.of(4, 8, 8), 1, DType.FLOAT32, 448 * 4, 4_096);
        Layer last = new Layer("relu", "ReLU", Shape.of(8, 8, 8), Shape.of(8, 8, 8), 0, 0, 0, 512, 2_048, 4_096);
        String table = Summary.table(header, List.of(CONV, AUX, last));
        assertTrue(table.contains("aux    Conv2d (training only)  (32, 8, 8)"), table);
        assertTrue(table.contains("Params:       448, 160 of them training only\n"), table);
        assertTrue(table.contains("Buffers:      0, 0 of them training only\n"), table);
        assertTrue(table.contains("MACs:         18,432 (18.43 K) at inference; training only: 8,192 (8.19 K) more\n"),
                table);
        assertTrue(table.contains("FLOPs:        36,864 (36.86 K) at inference; training only: 16,384 (16.38 K)"
                + " more\n"), table);
        // The Total row: params 448, MACs 18,432, memory access 4,224 + 4,096 = 8,320 B, FLOP/B 36,864 / 8,320.
        assertTrue(table.lines().anyMatch(l -> l.matches("Total +\\(8, 8, 8\\) +448 +18,432 +8\\.32 kB +4\\.43")),
                table);
    }

    @Test
    void aNetworkWithoutThemReadsAsBefore() {
        Summary.Header header = new Summary.Header("Net", Shape.of(4, 8, 8), 1, DType.FLOAT32, 288 * 4, 4_096);
        String table = Summary.table(header, List.of(CONV));
        assertTrue(table.contains("Params:       288\n"), table);
        assertTrue(table.contains("MACs:         18,432 (18.43 K)\n"), table);
        assertFalse(table.contains("training"), table);
    }
}
