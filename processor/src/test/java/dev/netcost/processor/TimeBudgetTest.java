package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Budget(maxInferenceNanos, maxDecodeNanosPerToken)} on a device of round figures, every time
 * by hand (docs/cost-model.md, "Roofline": a layer's time is {@code max(F / P, M / W)}, in ns
 * {@code F * 1e9 / P}; the network's is the sum, rounded to the nearest nanosecond).
 *
 * <p>The device {@code Bench}: P = 1e10 FLOP/s in float32, W = 1e10 B/s (ridge point 1 FLOP/B).
 *
 * <p>The network, float32 (4 B), batch N = 16, input (64):
 * <ul>
 *   <li>fc1, 64 -> 64 with bias: 4,160 parameters; F = N * 2 * 64 * 64 = 131,072; M = (16 * 64 read +
 *       4,160 + 16 * 64 written) * 4 = 6,208 * 4 = 24,832 B. Compute 131,072e9 / 1e10 = 13,107.2 ns,
 *       memory 2,483.2 ns: compute bound, 13,107.2 ns.
 *   <li>relu: F = 16 * 64 = 1,024; M = 2 * 1,024 * 4 = 8,192 B. Compute 102.4 ns, memory 819.2 ns:
 *       memory bound, 819.2 ns.
 *   <li>fc2, 64 -> 10 with bias: 650 parameters; F = 16 * 2 * 64 * 10 = 20,480; M = (1,024 + 650 + 160)
 *       * 4 = 7,336 B. Compute 2,048 ns, memory 733.6 ns: compute bound, 2,048 ns.
 * </ul>
 * One inference: 13,107.2 + 819.2 + 2,048 = 15,974.4 ns, whose constant is 15,974. Shares: fc1
 * 13,107.2 / 15,974.4 = 82.05 %, fc2 12.82 %, relu 5.13 %.
 */
class TimeBudgetTest {
    private static final String BENCH = "@CustomDevice(name = \"Bench board\", float32FlopsPerSecond = 1e10,"
            + " memoryBytesPerSecond = 1e10)\nclass Bench {}\n\n";

    private static NetworkSource network(String roofline, String budget) {
        return NetworkSource.example("Net", BENCH + roofline + "\n" + budget + """

                @Network(input = {64}, batch = 16)
                class Net {
                    @Linear(out = 64) Layer fc1;
                    @ReLU Layer relu;
                    @Linear(out = 10) Layer fc2;
                }
                """);
    }

    private static final String ROOFLINE = "@Roofline(custom = Bench.class)";

    /** Over 15,000 by 974 ns: 974 / 15,000 = 6.49 %. */
    private static final String OVER_15_000 = "[netcost:budget] one inference on Bench (Bench board) takes 15,974 ns"
            + " (16.0 \u00b5s) at best, over maxInferenceNanos = 15,000 (15.0 \u00b5s) by 974 ns (6.5 %); the"
            + " layers that take longest: fc1 13.1 \u00b5s (82.1 %, compute bound), fc2 2.05 \u00b5s (12.8 %, compute"
            + " bound), relu 819 ns (5.1 %, memory bound)";

    @Test
    void anInferenceOverItsLimit() {
        NetworkSource src = network(ROOFLINE, "@Budget(maxInferenceNanos = 15_000)");
        assertOnlyError(compile(src), src, OVER_15_000, src.at("15_000"));
    }

    /** The constant rounds 15,974.4 to 15,974: within 15,974, over 15,973 by 1. */
    @Test
    void theRoundedTimeIsWhatIsHeld() {
        assertThat(compile(network(ROOFLINE, "@Budget(maxInferenceNanos = 15_974)"))).succeeded();
        NetworkSource src = network(ROOFLINE, "@Budget(maxInferenceNanos = 15_973)");
        assertOnlyError(compile(src), src, "[netcost:budget] one inference on Bench (Bench board) takes 15,974 ns"
                + " (16.0 \u00b5s) at best, over maxInferenceNanos = 15,973 (16.0 \u00b5s) by 1 ns (0.0 %)",
                src.at("15_973"));
    }

    /** A limit of 0: no share of it. */
    @Test
    void aLimitOfZero() {
        NetworkSource src = network(ROOFLINE, "@Budget(maxInferenceNanos = 0)");
        assertOnlyError(compile(src), src, "by 15,974 ns (16.0 \u00b5s); the layers", src.at("= 0", "0"));
    }

    /** Over 10,000 by 5,974 ns: 5.97 \u00b5s, 5,974 / 10,000 = 59.74 % of the limit. */
    @Test
    void anExcessOfMicrosecondsIsReadableToo() {
        NetworkSource src = network(ROOFLINE, "@Budget(maxInferenceNanos = 10_000)");
        assertOnlyError(compile(src), src, "over maxInferenceNanos = 10,000 (10.0 \u00b5s) by 5,974 ns (5.97 \u00b5s,"
                + " 59.7 %); the layers", src.at("10_000"));
    }

    @Test
    void atLevelWarningAnOverrunWarns() {
        NetworkSource src = network(ROOFLINE, "@Budget(maxInferenceNanos = 15_000, level = Budget.Level.WARNING)");
        Compilation compilation = compile(src);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(OVER_15_000).inFile(src.file())
                .onLine(src.at("15_000").line()).atColumn(src.at("15_000").column());
    }

    /**
     * On an L4 (30.3e12 FLOP/s, 300e9 B/s) the same network takes well under a microsecond: fc1's
     * 24,832 B take 82.8 ns. With both devices, the limit holds on each; {@code customDevice} picks
     * Bench alone, {@code device} the L4 alone.
     */
    @Test
    void theLimitHoldsOnTheDevicesTheBudgetNames() {
        String both = "@Roofline(value = Hardware.L4, custom = Bench.class)";
        NetworkSource onEach = network(both, "@Budget(maxInferenceNanos = 15_000)");
        assertOnlyError(compile(onEach), onEach, OVER_15_000, onEach.at("15_000"));
        NetworkSource onBench = network(both, "@Budget(maxInferenceNanos = 15_000, customDevice = Bench.class)");
        assertOnlyError(compile(onBench), onBench, OVER_15_000, onBench.at("15_000"));
        assertThat(compile(network(both, "@Budget(maxInferenceNanos = 15_000, device = Hardware.L4)"))).succeeded();
    }

    /**
     * A decoder of batch 1 in float32 on tokens (4, 8), at its context T = 4 (docs/cost-model.md, "A
     * decoder's times": F = 2 * N * m, M = B * (w + N * a + c)):
     * <ul>
     *   <li>attn, 2 heads, no biases: w = 4 * 8 * 8 = 256 parameters; m = 256 (the projections) + 2 * 8
     *       * 4 (scores and weighted sum over T) = 320, F = 640; a = (8 read + 8 written) per token = 16;
     *       c = 2 * 8 * (T + 1) = 80 (the cache read and the new token's written). M = 4 * (256 + 16 + 80)
     *       = 1,408 B. Compute 64 ns, memory 140.8 ns: memory bound.
     *   <li>proj, 8 -> 8 without bias: w = 64; m = 64, F = 128; a = 16; M = 4 * 80 = 320 B. Compute
     *       12.8 ns, memory 32 ns: memory bound.
     * </ul>
     * A step: 172.8 ns, its constant 173; over 150 by 23 (15.3 %). Shares 81.5 % and 18.5 %.
     */
    @Test
    void aDecodeStepOverItsLimit() {
        NetworkSource src = NetworkSource.example("Net", BENCH + ROOFLINE + "\n"
                + "@Budget(maxDecodeNanosPerToken = 150)\n@Decoder\n" + """
                @Network(input = {4, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @MultiHeadAttention(heads = 2, causal = true, bias = false) Layer attn;
                    @Linear(out = 8, bias = false) Layer proj;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:budget] one decode step on Bench (Bench board), at a context of"
                + " 4 tokens, takes 173 ns at best, over maxDecodeNanosPerToken = 150 by 23 ns (15.3 %);"
                + " the layers that take longest in a step: attn 141 ns (81.5 %, memory bound),"
                + " proj 32.0 ns (18.5 %, memory bound)", src.at("150"));
    }

    /**
     * Below a microsecond the readable form would repeat the nanoseconds: the decoder's step of 173 ns
     * (172.8, above) over a limit of 0 is said once each, and without a share of 0.
     */
    @Test
    void belowAMicrosecondTheNanosecondsAreSaidOnce() {
        NetworkSource src = NetworkSource.example("Net", BENCH + ROOFLINE + "\n"
                + "@Budget(maxDecodeNanosPerToken = 0)\n@Decoder\n" + """
                @Network(input = {4, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @MultiHeadAttention(heads = 2, causal = true, bias = false) Layer attn;
                    @Linear(out = 8, bias = false) Layer proj;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:budget] one decode step on Bench (Bench board), at a context of"
                + " 4 tokens, takes 173 ns at best, over maxDecodeNanosPerToken = 0 by 173 ns; the layers that take"
                + " longest in a step: attn 141 ns (81.5 %, memory bound),", src.at("= 0", "0"));
    }

    /** Both limits over, on one device: two errors, each on its limit. */
    @Test
    void eachLimitIsItsOwnError() {
        NetworkSource src = NetworkSource.example("Net", BENCH + ROOFLINE + "\n"
                + "@Budget(maxInferenceNanos = 100, maxDecodeNanosPerToken = 150)\n@Decoder\n" + """
                @Network(input = {4, 8}, inputKind = InputKind.TOKENS)
                class Net {
                    @MultiHeadAttention(heads = 2, causal = true, bias = false) Layer attn;
                    @Linear(out = 8, bias = false) Layer proj;
                }
                """);
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, src, "one inference on Bench (Bench board)", src.at("= 100", "100"));
        assertError(compilation, src, "one decode step on Bench (Bench board)", src.at("150"));
    }
}
