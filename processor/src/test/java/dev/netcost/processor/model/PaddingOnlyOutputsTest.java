package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The padding-only count in closed form: against windows walked tap by tap on every small case,
 * and on windows far too large to walk, worked by hand.
 */
class PaddingOnlyOutputsTest {
    private static SlidingWindow window(long k, long s, long p, long d) {
        return new SlidingWindow(new long[] {k}, new long[] {s}, new long[] {p}, new long[] {d});
    }

    /**
     * Walks every output's taps, as the lint once did: a window counts when none of its taps
     * {@code o*s + j*d} falls on the input, which occupies {@code [p, p + n)} of the padded row.
     */
    private static long walked(long n, long out, long k, long s, long p, long d) {
        long count = 0;
        for (long o = 0; o < out; o++) {
            boolean readsInput = false;
            for (long j = 0; j < k && !readsInput; j++) {
                long tap = o * s + j * d;
                readsInput = tap >= p && tap < p + n;
            }
            if (!readsInput) {
                count++;
            }
        }
        return count;
    }

    @Test
    void closedFormEqualsTheWalkOnEverySmallWindow() {
        for (long n = 1; n <= 12; n++) {
            for (long k = 1; k <= 5; k++) {
                for (long s = 1; s <= 4; s++) {
                    for (long d = 1; d <= 7; d++) {
                        for (long p = 0; p <= 14; p++) {
                            for (boolean ceil : new boolean[] {false, true}) {
                                long out = Window.slidingOutput(n, k, s, p, d, ceil);
                                if (out < 1) {
                                    continue;
                                }
                                assertEquals(walked(n, out, k, s, p, d), window(k, s, p, d).paddingOnlyOutputs(0, n,
                                        out), "n=" + n + " k=" + k + " s=" + s + " p=" + p + " d=" + d + " ceil=" + ceil);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Kernel 100,000 and padding 1,000,000,000 on one cell: (1 + 2,000,000,000 - 99,999 - 1) + 1 =
     * 1,999,900,002 outputs. Window o covers [o, o + 99,999] and the cell sits at 1,000,000,000,
     * so the windows from o = 999,900,001 to 1,000,000,000 read it: 100,000 of them. The rest,
     * 1,999,800,002, read only padding.
     */
    @Test
    @Timeout(10)
    void aHugeWindowIsCountedWithoutWalkingIt() {
        long out = Window.slidingOutput(1, 100_000, 1, 1_000_000_000, 1, false);
        assertEquals(1_999_900_002L, out);
        assertEquals(1_999_800_002L, window(100_000, 1, 1_000_000_000, 1).paddingOnlyOutputs(0, 1, out));
    }

    /**
     * Two taps 1,000 apart over one cell padded by 999 on each side: (1 + 1,998 - 1,000 - 1) + 1 =
     * 999 outputs. Window o taps o and o + 1,000 while the cell is at 999: o = 999 or o = -1, neither
     * an output, so all 999 step over it.
     */
    @Test
    void aDilationThatStepsOverTheInputEveryTime() {
        long out = Window.slidingOutput(1, 2, 1, 999, 1_000, false);
        assertEquals(999, out);
        assertEquals(999, window(2, 1, 999, 1_000).paddingOnlyOutputs(0, 1, out));
    }

    /**
     * Straddling at scale: 3 cells, two taps 1,000,000,000 apart, padding 999,999,999, stride 1:
     * (3 + 1,999,999,998 - 1,000,000,000 - 1) + 1 = 1,000,000,001 outputs. Window o taps o and
     * o + 1,000,000,000; the cells are 999,999,999 to 1,000,000,001. The first tap reads them for
     * o = 999,999,999 and 1,000,000,000; the second for o = 0 and 1. Every other window, 999,999,997
     * of them, steps over the input.
     */
    @Test
    @Timeout(10)
    void aHugeDilationIsCountedWithoutWalkingIt() {
        long out = Window.slidingOutput(3, 2, 1, 999_999_999, 1_000_000_000, false);
        assertEquals(1_000_000_001L, out);
        assertEquals(999_999_997L, window(2, 1, 999_999_999, 1_000_000_000).paddingOnlyOutputs(0, 3, out));
    }

    /** The floor sum against its definition, negative offsets and sums beyond a long included. */
    @Test
    void floorSumEqualsItsDefinition() {
        for (long count = 0; count <= 30; count++) {
            for (long m = 1; m <= 9; m++) {
                for (long a = 0; a <= 11; a++) {
                    for (long b = -20; b <= 20; b++) {
                        long sum = 0;
                        for (long t = 0; t < count; t++) {
                            sum += Math.floorDiv(a * t + b, m);
                        }
                        assertEquals(BigInteger.valueOf(sum), SlidingWindow.floorSum(count, m, a, b),
                                "count=" + count + " m=" + m + " a=" + a + " b=" + b);
                    }
                }
            }
        }
        // floor(t * 2^31 / 1) summed over t < 2^32: 2^31 * 2^32 (2^32 - 1) / 2 = 2^62 (2^32 - 1), beyond a long.
        BigInteger expected = BigInteger.ONE.shiftLeft(62).multiply(BigInteger.ONE.shiftLeft(32)
                .subtract(BigInteger.ONE));
        assertEquals(expected, SlidingWindow.floorSum(1L << 32, 1, 1L << 31, 0));
    }
}
