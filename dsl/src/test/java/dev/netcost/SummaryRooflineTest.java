package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary's roofline: a column per device, block rows and the total as sums, the footer's lines. */
class SummaryRooflineTest {
    /** 1 TFLOP/s in float32, 10 GB/s: the ridge point is 100 FLOP/B. */
    private static final Device ROUND = new Device("Round", 1e12, 0, 0, 1e10, 0);

    /**
     * Two layers in block {@code b}, and {@code fc} after it. By hand, time = max(F * 1e9 / 1e12,
     * M * 1e9 / 1e10) ns:
     * <ul>
     * <li>{@code b.mm}: F = 1,000,000, M = 1,000: max(1,000, 100) = 1,000 ns, compute bound: 1.00 µs C.
     * <li>{@code b.add}: F = 1,000, M = 100,000: max(1, 10,000) = 10,000 ns, memory bound: 10.0 µs M.
     * <li>the block {@code b}: 1,000 + 10,000 = 11,000 ns, 11.0 µs; not the time of its summed figures,
     *     max(1,001,000 / 1,000, 101,000 / 10) = 10,100 ns.
     * <li>{@code fc}: F = 200, M = 57: max(0.2, 5.7) = 5.7 ns, 5.70 ns M.
     * <li>the network: 11,005.7 ns, 11.0 µs; compute bound 1,000 of it, 9.09 %, 9%.
     * </ul>
     */
    private static final List<Layer> LAYERS = List.of(
            new Layer("b.mm", "Linear", Shape.of(10), Shape.of(10), 0, 0, 500_000, 1_000_000, 40, 1_000),
            new Layer("b.add", "Add", Shape.of(10), Shape.of(10), 0, 0, 0, 1_000, 40, 100_000),
            new Layer("fc", "Linear", Shape.of(10), Shape.of(10), 0, 0, 100, 200, 40, 57));
    private static final List<Layer> BLOCKS = List.of(
            new Layer("b", "Block", Shape.of(10), Shape.of(10), 0, 0, 500_000, 1_001_000, 40, 101_000));

    private static Summary.Header header() {
        return new Summary.Header("Net", Shape.of(10), 1, DType.FLOAT32, 0, 80);
    }

    @Test
    void formatsDurationsToThreeSignificantDigits() {
        assertEquals("0 ns", Summary.duration(0));
        assertEquals("5.70 ns", Summary.duration(5.7));
        assertEquals("0.500 ns", Summary.duration(0.5));
        assertEquals("999 ns", Summary.duration(999.4));
        assertEquals("1.00 \u00b5s", Summary.duration(999.5)); // rounds up into the next unit
        assertEquals("57.2 \u00b5s", Summary.duration(57_200));
        assertEquals("1.20 ms", Summary.duration(1_200_000));
        assertEquals("1.24 ms", Summary.duration(1_235_000)); // half up
        assertEquals("3.00 s", Summary.duration(3e9));
        assertEquals("1230 s", Summary.duration(1.234e12)); // no unit above seconds
        assertEquals("67 TFLOP/s", Summary.rate(67e12, "FLOP/s"));
        assertEquals("3.35 TB/s", Summary.rate(3.35e12, "B/s"));
        assertEquals("102 GB/s", Summary.rate(102.4e9, "B/s"));
        assertEquals("219,000", Summary.count(219_345));
        assertEquals("81.2", Summary.count(81.24));
    }

    @Test
    void aColumnPerDeviceWithBlocksSummingTheirLayersTimes() {
        Summary.Header header = header().withRoofline(List.of(ROUND), List.of());
        String open = Summary.table(header, LAYERS, BLOCKS, 2);
        assertTrue(open.matches("(?s).*FLOP/B +Round\n.*"), open);
        assertTrue(open.matches("(?s).*\nb\\.mm .* 1\\.00 \u00b5s C\n.*"), open);
        assertTrue(open.matches("(?s).*\nb\\.add .* 10\\.0 \u00b5s M\n.*"), open);
        assertTrue(open.matches("(?s).*\nb +Block .* 11\\.0 \u00b5s\n.*"), open); // not 10.1 µs
        assertTrue(open.matches("(?s).*\nfc .* 5\\.70 ns M\n.*"), open);
        assertTrue(open.matches("(?s).*\nTotal .* 11\\.0 \u00b5s\n.*"), open);
        assertTrue(open.endsWith("Roofline:     Round, float32 at 1 TFLOP/s, 10 GB/s: 11.0 \u00b5s per inference"
                + " (9% in compute-bound layers)\n"), open);
        String collapsed = Summary.table(header, LAYERS, BLOCKS, 1);
        assertTrue(collapsed.matches("(?s).*\nb +Block .* 11\\.0 \u00b5s\n.*"), collapsed);
        assertFalse(collapsed.contains("b.mm"), collapsed);
    }

    @Test
    void aDecoderHasItsDecodeStepPerDevice() {
        Summary.Header header = new Summary.Header("Net", Shape.of(10), 1, DType.FLOAT32, 0, 80,
                Optional.of(new Summary.Decoder(4_096, 1_000, 10, 5))).withRoofline(List.of(ROUND, ROUND),
                List.of(new Summary.DecodeStep(4_096, 1_234_567, 810.0), new Summary.DecodeStep(4_096, 12, 8.1e7)));
        String table = Summary.table(header, LAYERS);
        assertTrue(table.contains("Roofline:     Round, float32 at 1 TFLOP/s, 10 GB/s: 11.0 \u00b5s per prefill (9% in"
                + " compute-bound layers)\nDecode step:  1.23 ms per step at 4,096 tokens, 810 tokens/s\n"), table);
        assertTrue(table.endsWith("Decode step:  12.0 ns per step at 4,096 tokens, 81,000,000 tokens/s\n"), table);
    }

    @Test
    void withoutDevicesTheTableIsAsItWas() {
        String without = Summary.table(header(), LAYERS, BLOCKS, 2);
        assertEquals(without, Summary.table(header().withRoofline(List.of(), List.of()), LAYERS, BLOCKS, 2));
        assertFalse(without.contains("Roofline"), without);
        assertTrue(without.contains("FLOP/B\n"), without);
    }

    /**
     * The processor hands the table views that make a new {@code Layer} at every {@code get()}: a block's
     * time is still the sum of its layers', as with lists that hold their rows.
     */
    @Test
    void blocksSumTheirLayersWhateverTheListsAre() {
        Summary.Header header = header().withRoofline(List.of(ROUND), List.of());
        List<Layer> layers = copying(LAYERS);
        List<Layer> blocks = copying(BLOCKS);
        String collapsed = Summary.table(header, layers, blocks, 1);
        assertTrue(collapsed.matches("(?s).*\nb +Block .* 11\\.0 \u00b5s\n.*"), collapsed); // not 10.1 µs M
        assertEquals(Summary.table(header, LAYERS, BLOCKS, 1), collapsed);
        assertEquals(Summary.table(header, LAYERS, BLOCKS, 2), Summary.table(header, layers, blocks, 2));
    }

    private static List<Layer> copying(List<Layer> rows) {
        return new java.util.AbstractList<>() {
            @Override
            public Layer get(int index) {
                Layer l = rows.get(index);
                return new Layer(l.name(), l.op(), l.input(), l.output(), l.params(), l.buffers(), l.macs(), l.flops(),
                        l.activationBytes(), l.memoryAccessBytes(), l.trainingOnly());
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }
}
