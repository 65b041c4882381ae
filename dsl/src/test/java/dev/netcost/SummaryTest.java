package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /**
     * Two inputs and two outputs, named in the heading. a: Linear 8 to 4, 36 parameters, 32 MACs,
     * 64 FLOPs, 4 * 4 = 16 bytes out; it reads 8 + 36 elements and writes 4, 48 * 4 = 192 bytes, and
     * 64 / 192 = 0.33. b: Linear 8 to 2, 18, 16, 32, 8 bytes; (8 + 18 + 2) * 4 = 112 bytes, 32 / 112 =
     * 0.29. In all 304 bytes, 96 / 304 = 0.32; 54 * 4 = 216 bytes of parameters. With two outputs,
     * the totals row shows no one shape.
     */
    @Test
    void namesSeveralInputsAndOutputs() {
        List<Layer> layers = List.of(
                new Layer("a", "Linear", Shape.of(8), Shape.of(4), 36, 0, 32, 64, 16, 192),
                new Layer("b", "Linear", Shape.of(8), Shape.of(2), 18, 0, 16, 32, 8, 112));
        Summary.Header header = new Summary.Header("Net", Shape.of(8), 1, DType.FLOAT32, 216, 48, Optional.empty(),
                List.of(new Summary.Tensor("input", Shape.of(8), "features"), new Summary.Tensor("tokens", Shape.of(6),
                        "ids")),
                List.of(new Summary.Tensor("a", Shape.of(4), ""), new Summary.Tensor("b", Shape.of(2), "")));
        String expected = """
                Net: batch 1, float32
                Inputs: input (8) features, tokens (6) ids
                Outputs: a (4), b (2)
                ===========================================================================
                Layer  Op      Output shape  Params  MACs  Activations  Mem. access  FLOP/B
                ---------------------------------------------------------------------------
                a      Linear  (4)               36    32         16 B        192 B    0.33
                b      Linear  (2)               18    16          8 B        112 B    0.29
                ---------------------------------------------------------------------------
                Total                            54    48                     304 B    0.32
                ===========================================================================
                Params:       54
                Buffers:      0
                MACs:         48 (48)
                FLOPs:        96 (96)
                Param memory: 216 B
                Peak memory:  264 B (activations 48 B)
                """;
        assertEquals(expected, Summary.table(header, layers));
        // One output named: its shape in the totals row, after "Total", a gap, the op column (6) and a gap.
        Summary.Header one = new Summary.Header("Net", Shape.of(8), 1, DType.FLOAT32, 216, 48, Optional.empty(),
                header.inputs(), List.of(new Summary.Tensor("b", Shape.of(2), "")));
        assertEquals(true, Summary.table(one, layers).contains("\nTotal          (2)"), Summary.table(one, layers));
    }

    /** The part of a decoder's KV cache its cross-attention holds, computed once: 1,000 of 1,384 bytes. */
    @Test
    void aDecodersCrossAttentionCacheIsInTheFooter() {
        List<Layer> layers = List.of(new Layer("a", "Linear", Shape.of(8), Shape.of(4), 36, 0, 32, 64, 16, 192));
        Summary.Header header = new Summary.Header("Net", Shape.of(8), 1, DType.FLOAT32, 144, 48,
                Optional.of(new Summary.Decoder(6, 1_384, 32, 432, 1_000)));
        assertEquals(true, Summary.table(header, layers).contains(
                "KV cache:     1.38 kB at 6 tokens, 1.00 kB of it cross-attention\n"), Summary.table(header, layers));
        Summary.Header self = new Summary.Header("Net", Shape.of(8), 1, DType.FLOAT32, 144, 48,
                Optional.of(new Summary.Decoder(6, 384, 32, 432)));
        assertEquals(true, Summary.table(self, layers).contains("KV cache:     384 B at 6 tokens\n"));
    }

    /**
     * A training step after the inference figures: a linear layer 4 to 3 with a bias, then a ReLU,
     * batch 2, SGD with momentum in float32. By hand: 15 parameters, 60 bytes each of weights,
     * gradients and momentum (180 B); forward 2 x 12 = 24 MACs, 48 + 6 = 54 FLOPs; backward the
     * weight gradient's 24 MACs (48 FLOPs), the bias's 6 FLOPs and the ReLU's 6: 60 FLOPs; the step
     * 48 MACs and 114 FLOPs; a peak of 104 activation bytes, 284 B with the model states. The
     * figures are given, as the processor gives them: the table only says them.
     */
    @Test
    void aTrainingStepIsInTheFooterAfterTheInferenceFigures() {
        List<Layer> layers = List.of(new Layer("fc", "Linear", Shape.of(4), Shape.of(3), 15, 0, 12, 24, 12, 88),
                new Layer("relu", "ReLU", Shape.of(3), Shape.of(3), 0, 0, 0, 3, 12, 24));
        Summary.TrainingStep step = new Summary.TrainingStep(2, Training.Optimizer.SGD_MOMENTUM,
                Training.Precision.FLOAT32, 24, 54, 24, 60, 0, 0, 60, 60, 0, 60, 56, 104, true, "relu", 0);
        Summary.Header header = new Summary.Header("Net", Shape.of(4), 1, DType.FLOAT32, 60, 28).withTraining(step);
        String table = Summary.table(header, layers);
        assertEquals(true, table.endsWith("""
                Peak memory:  88 B (activations 28 B)
                Training:     batch 2, sgd_momentum, float32
                Step MACs:    48 (48): forward 24, backward 24, recompute 0
                Step FLOPs:   114 (114): forward 54, backward 60, recompute 0
                Model states: 180 B: weights 60 B, gradients 60 B, master weights 0 B, optimizer 60 B
                Saved:        56 B of activations for backward
                Step peak:    284 B (activations 104 B in backward at relu)
                """), table);
        // Without @Training, not a line of it.
        assertEquals(false, Summary.table(new Summary.Header("Net", Shape.of(4), 1, DType.FLOAT32, 60, 28), layers)
                .contains("Training"));
        // With experts as well, both stay.
        assertEquals(step, header.withActiveParams(15).training().orElseThrow());
    }

    /**
     * A network of token ids: the step's FLOPs per token, {@code STEP_FLOPS / (batch * T)}. A step of
     * 2 samples of 3 tokens: 114 FLOPs are 19 per token, exactly; 115 are 19.17, 19.2.
     */
    @Test
    void aNetworkOfTokenIdsHasItsStepFlopsPerToken() {
        Summary.TrainingStep step = new Summary.TrainingStep(2, Training.Optimizer.ADAMW,
                Training.Precision.MIXED_BFLOAT16, 24, 54, 24, 60, 0, 0, 30, 30, 60, 120, 56, 104, false, "input", 3);
        String table = Summary.table(new Summary.Header("Lm", Shape.of(3), 1, DType.FLOAT32, 60, 28)
                .withTraining(step), List.of(new Layer("fc", "Linear", Shape.of(3), Shape.of(3), 12, 0, 9, 18, 12,
                        72)));
        assertEquals(true, table.contains("Training:     batch 2, adamw, mixed_bfloat16\n"), table);
        assertEquals(true, table.contains("Step peak:    344 B (activations 104 B in forward at input)\n"), table);
        assertEquals(true, table.endsWith("Per token:    19 step FLOPs, over 6 tokens\n"), table);
        assertEquals("19.2", Summary.perToken(115, 6)); // 19.1666...
        assertEquals("19.5", Summary.perToken(117, 6)); // half up
        assertEquals("1,234,567.5", Summary.perToken(2_469_135, 2));
        assertEquals("12,288", Summary.perToken(12_288L * 4_096, 4_096));
    }

    @Test
    void bytesInDecimalUnits() {
        assertEquals("512 B", Summary.bytes(512));
        assertEquals("1.00 kB", Summary.bytes(1_000));
        assertEquals("102.23 MB", Summary.bytes(102_228_128));
        assertEquals("4.29 GB", Summary.bytes(4_294_967_296L));
    }

    @Test
    void durationsToThreeSignificantDigits() {
        assertEquals("0 ns", Summary.duration(0));
        assertEquals("812 ns", Summary.duration(812));
        assertEquals("812 ns", Summary.duration(812.4));
        assertEquals("813 ns", Summary.duration(812.5)); // half up
        assertEquals("0.500 ns", Summary.duration(0.5));
        assertEquals("0.00100 ns", Summary.duration(0.001));
        assertEquals("<0.001 ns", Summary.duration(1.32e-300)); // not 300 zeros
        assertEquals("1.00 \u00b5s", Summary.duration(999.6)); // rounds up into the next unit
        assertEquals("999 ns", Summary.duration(999.4));
        assertEquals("7.54 ms", Summary.duration(7_538_000));
        assertEquals("41.3 ms", Summary.duration(41_300_000));
        assertEquals("33.3 ms", Summary.duration(33_333_333));
        assertEquals("1.20 s", Summary.duration(1_200_000_000));
        assertEquals("12.0 \u00b5s", Summary.duration(12_000));
        assertEquals("12300 s", Summary.duration(12_345e9));
        assertEquals("-2.50 ms", Summary.duration(-2_500_000));
        assertThrows(IllegalArgumentException.class, () -> Summary.duration(Double.NaN));
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
