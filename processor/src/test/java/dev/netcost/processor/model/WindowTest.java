package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The output-size formulas against the seeds' worked examples and a brute-force count of windows. */
class WindowTest {
    /** Seed 003: a 128 x 128 input under a 3 x 3 kernel. */
    @Test
    void seed003OutputSizes() {
        assertEquals(126, Window.slidingOutput(128, 3, 1, 0, 1, false), "padding 0, stride 1");
        assertEquals(128, Window.slidingOutput(128, 3, 1, 1, 1, false), "padding 1");
        assertEquals(63, Window.slidingOutput(128, 3, 2, 0, 1, false), "stride 2");
        assertEquals(124, Window.slidingOutput(128, 3, 1, 0, 2, false), "dilation 2");
        assertEquals(64, Window.slidingOutput(128, 3, 2, 1, 1, false), "padding 1, stride 2");
    }

    /** Published shapes of networks that use ceil mode. */
    @Test
    void ceilModeMatchesPublishedShapes() {
        // GoogLeNet (Szegedy et al. 2014, table 1): max pool 3x3/2 takes 112 to 56, 56 to 28, 28 to 14, 14 to 7.
        assertEquals(56, Window.slidingOutput(112, 3, 2, 0, 1, true));
        assertEquals(55, Window.slidingOutput(112, 3, 2, 0, 1, false));
        assertEquals(28, Window.slidingOutput(56, 3, 2, 0, 1, true));
        assertEquals(14, Window.slidingOutput(28, 3, 2, 0, 1, true));
        assertEquals(7, Window.slidingOutput(14, 3, 2, 0, 1, true));
    }

    /**
     * Ceil mode drops a window that would start in the right padding. By hand: n = 4, padding 1
     * on each side, kernel 2, stride 3. The padded row is [p 0 1 2 3 p]; windows start at -1 and
     * 2; the next would start at 5, past the right padding, so 2 outputs, where the ceil formula
     * alone gives ceil((4 + 2 - 2) / 3) + 1 = 3.
     */
    @Test
    void ceilModeDropsAWindowStartingInThePadding() {
        assertEquals(2, Window.slidingOutput(4, 2, 3, 1, 1, true));
        assertEquals(2, Window.slidingOutput(4, 2, 3, 1, 1, false));
    }

    /** Every small case against windows counted one by one, as PyTorch places them. */
    @Test
    void formulaEqualsWindowCount() {
        for (int n = 1; n <= 20; n++) {
            for (int k = 1; k <= 6; k++) {
                for (int s = 1; s <= 4; s++) {
                    for (int d = 1; d <= 3; d++) {
                        int effective = d * (k - 1) + 1;
                        for (int p = 0; p <= effective / 2; p++) {
                            if (effective > n + 2 * p) {
                                continue;
                            }
                            String where = "n=" + n + " k=" + k + " s=" + s + " p=" + p + " d=" + d;
                            assertEquals(countWindows(n, effective, s, p, false),
                                    Window.slidingOutput(n, k, s, p, d, false), where);
                            assertEquals(countWindows(n, effective, s, p, true),
                                    Window.slidingOutput(n, k, s, p, d, true), where + " ceil");
                        }
                    }
                }
            }
        }
    }

    /**
     * Slides a window of {@code span} cells along the padded row {@code [-p, n + p)}: a window
     * is kept if it fits; in ceil mode, a window that runs off the end is kept too, once, if the
     * window before it had not reached the end and it starts inside the input or left padding.
     */
    private static long countWindows(int n, int span, int s, int p, boolean ceilMode) {
        int end = n + p; // one past the padded row
        long count = 0;
        for (int start = -p; ; start += s) {
            boolean fits = start + span <= end;
            if (fits) {
                count++;
                continue;
            }
            boolean previousReachedEnd = start - s + span >= end;
            if (ceilMode && !previousReachedEnd && start < n) {
                count++;
            }
            return count;
        }
    }

    /** Transposed convolution by hand: (n - 1)s - 2p + d(k - 1) + outputPadding + 1. */
    @Test
    void transposedOutput() {
        // DCGAN's generator: 4 x 4 kernel, stride 2, padding 1 doubles the size.
        assertEquals(8, Window.transposedOutput(4, 4, 2, 1, 1, 0));
        assertEquals(64, Window.transposedOutput(32, 4, 2, 1, 1, 0));
        // 3 x 3, stride 2, padding 1, output padding 1 also doubles: (7 - 1) * 2 - 2 + 2 + 1 + 1 = 14.
        assertEquals(14, Window.transposedOutput(7, 3, 2, 1, 1, 1));
    }

    /** Adaptive pooling's closed form against PyTorch's windows summed one by one. */
    @Test
    void adaptiveWindowSumEqualsLoop() {
        for (long n = 1; n <= 60; n++) {
            for (long o = 1; o <= 60; o++) {
                long sum = 0;
                for (long i = 0; i < o; i++) {
                    long start = Math.floorDiv(i * n, o);
                    long end = -Math.floorDiv(-(i + 1) * n, o); // ceil
                    sum += end - start;
                }
                assertEquals(sum, Pooling.adaptiveWindowSum(n, o), "n=" + n + " o=" + o);
            }
        }
    }

}
