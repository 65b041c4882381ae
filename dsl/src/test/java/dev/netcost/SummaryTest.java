package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void groupsDigitsWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // would print 1.234.567 through String.format
            assertEquals("1,234,567", Summary.grouped(1_234_567));
            assertEquals("999", Summary.grouped(999));
            assertEquals("1,000", Summary.grouped(1_000));
            assertEquals("0", Summary.grouped(0));
            assertEquals("-12,345", Summary.grouped(-12_345));
            assertEquals("-9,223,372,036,854,775,808", Summary.grouped(Long.MIN_VALUE));
            assertEquals("714.19 M", Summary.scaled(714_188_480)); // a point, not a comma
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void scalesToTwoDecimalsRoundingHalfUp() {
        assertEquals("999", Summary.scaled(999));
        assertEquals("1.00 K", Summary.scaled(1_000));
        assertEquals("15.47 G", Summary.scaled(15_470_264_320L));
        assertEquals("568.74 M", Summary.scaled(568_740_352));
        assertEquals("1.01 K", Summary.scaled(1_005)); // half up
        assertEquals("9.22 E", Summary.scaled(Long.MAX_VALUE));
    }

    /**
     * A two-layer table written out by hand, batch 2 in float32. conv: output 6*28*28 = 4,704
     * elements, 2 * 4,704 * 4 = 37,632 bytes; it reads 2 * 3,072 inputs and 456 parameters and
     * writes 9,408 outputs: 16,008 * 4 = 64,032 bytes, and 705,600 / 64,032 = 11.02 FLOP/B. bn reads
     * 9,408 + 12 + 12 and writes 9,408: 18,840 * 4 = 75,360 bytes; 9,408 / 75,360 = 0.12. In all
     * 139,392 bytes and 715,008 / 139,392 = 5.13. Parameters and buffers (468 + 12) * 4 = 1,920
     * bytes; the peak is at bn, its input and output: 75,264 bytes.
     */
    @Test
    void rendersATable() {
        List<Layer> layers = List.of(
                new Layer("conv", "Conv2d", Shape.of(3, 32, 32), Shape.of(6, 28, 28), 456, 0, 352_800, 705_600, 37_632,
                        64_032),
                new Layer("bn", "BatchNorm2d", Shape.of(6, 28, 28), Shape.of(6, 28, 28), 12, 12, 0, 9_408, 37_632,
                        75_360));
        String expected = """
                Tiny: input (3, 32, 32), batch 2, float32
                ===================================================================================
                Layer  Op           Output shape  Params     MACs  Activations  Mem. access  FLOP/B
                -----------------------------------------------------------------------------------
                conv   Conv2d       (6, 28, 28)      456  352,800     37.63 kB     64.03 kB   11.02
                bn     BatchNorm2d  (6, 28, 28)       12        0     37.63 kB     75.36 kB    0.12
                -----------------------------------------------------------------------------------
                Total               (6, 28, 28)      468  352,800                 139.39 kB    5.13
                ===================================================================================
                Params:       468
                Buffers:      12
                MACs:         352,800 (352.80 K)
                FLOPs:        715,008 (715.01 K)
                Param memory: 1.92 kB
                Peak memory:  77.18 kB (activations 75.26 kB)
                """;
        assertEquals(expected, Summary.table(new Summary.Header("Tiny", Shape.of(3, 32, 32), 2, DType.FLOAT32, 1_920,
                75_264), layers));
        assertEquals(705_600 / 64_032.0, layers.get(0).arithmeticIntensity());
    }

    @Test
    void bytesInDecimalUnits() {
        assertEquals("512 B", Summary.bytes(512));
        assertEquals("1.00 kB", Summary.bytes(1_000));
        assertEquals("102.23 MB", Summary.bytes(102_228_128));
        assertEquals("4.29 GB", Summary.bytes(4_294_967_296L));
    }

    /** A stem, a block used twice with a nested block inside, and a head. */
    private static final Shape S = Shape.of(8, 4, 4);
    private static final List<Layer> LAYERS = List.of(
            new Layer("stem", "Conv2d", S, S, 10, 0, 100, 200, 0, 0),
            new Layer("stage[0].conv", "Conv2d", S, S, 1, 0, 10, 20, 0, 0),
            new Layer("stage[0].se.fc", "Conv2d", S, S, 2, 0, 20, 40, 0, 0),
            new Layer("stage[1].conv", "Conv2d", S, S, 1, 0, 10, 20, 0, 0),
            new Layer("stage[1].se.fc", "Conv2d", S, S, 2, 0, 20, 40, 0, 0),
            new Layer("head", "Linear", S, Shape.of(10), 5, 0, 50, 100, 0, 0));
    private static final List<Layer> BLOCKS = List.of(
            new Layer("stage", "Unit x 2", S, S, 6, 0, 60, 120, 0, 0),
            new Layer("stage[0]", "Unit", S, S, 3, 0, 30, 60, 0, 0),
            new Layer("stage[0].se", "SE", S, S, 2, 0, 20, 40, 0, 0),
            new Layer("stage[1]", "Unit", S, S, 3, 0, 30, 60, 0, 0),
            new Layer("stage[1].se", "SE", S, S, 2, 0, 20, 40, 0, 0));

    private static final Summary.Header HEADER = new Summary.Header("Net", S, 1, DType.FLOAT32, 0, 0);

    private static List<String> rowNames(int depth) {
        String table = Summary.table(HEADER, LAYERS, BLOCKS, depth);
        List<String> lines = table.lines().toList();
        // Rows sit between the first rule and the one before the totals.
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("-")).findFirst().orElseThrow()) + 1;
        int last = lines.lastIndexOf(lines.stream().filter(l -> l.startsWith("-")).findFirst().orElseThrow());
        return lines.subList(first, last).stream().map(l -> l.split(" ")[0]).toList();
    }

    /** As torchinfo's depth: each level opens one level of blocks; totals stay the whole network's. */
    @Test
    void collapsesBlocksToADepth() {
        assertEquals(List.of("stem", "stage", "head"), rowNames(1));
        assertEquals(List.of("stem", "stage", "stage[0]", "stage[1]", "head"), rowNames(2));
        assertEquals(List.of("stem", "stage", "stage[0]", "stage[0].conv", "stage[0].se", "stage[1]",
                "stage[1].conv", "stage[1].se", "head"), rowNames(3));
        assertEquals(List.of("stem", "stage", "stage[0]", "stage[0].conv", "stage[0].se", "stage[0].se.fc",
                "stage[1]", "stage[1].conv", "stage[1].se", "stage[1].se.fc", "head"), rowNames(4));
        // 10 + 1 + 2 + 1 + 2 + 5 = 21 parameters at every depth.
        assertEquals(true, Summary.table(HEADER, LAYERS, BLOCKS, 1).contains("Params:       21\n"));
    }

    @Test
    void depthsAndAncestorsOfPaths() {
        assertEquals(1, Summary.depth("layer3"));
        assertEquals(2, Summary.depth("layer3[0]"));
        assertEquals(3, Summary.depth("layer3[0].conv2"));
        assertEquals(List.of("layer3", "layer3[0]"), Summary.ancestors("layer3[0].conv2"));
        assertEquals(List.of(), Summary.ancestors("conv1"));
    }
}
