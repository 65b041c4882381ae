package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The two questions the window lints ask, on cases worked by hand. */
class SlidingWindowTest {
    private static SlidingWindow window(long k, long s, long p, long d) {
        return new SlidingWindow(new long[] {k}, new long[] {s}, new long[] {p}, new long[] {d});
    }

    private static long out(long n, long k, long s, long p, long d) {
        return Window.slidingOutput(n, k, s, p, d, false);
    }

    /** Seed 003: 128 with a 3 x 3 window at stride 2 gives 63; windows cover rows 0 to 126, row 127 is left. */
    @Test
    void theFloorDropsTheLastRows() {
        assertEquals(1, window(3, 2, 0, 1).unreadTail(0, 128, out(128, 3, 2, 0, 1)));
        assertEquals(1, window(2, 2, 0, 1).unreadTail(0, 7, out(7, 2, 2, 0, 1))); // pools rows 0-5 of 7
        assertEquals(2, window(4, 4, 0, 1).unreadTail(0, 122, out(122, 4, 4, 0, 1))); // M5: 30 windows cover 120
        assertEquals(0, window(7, 2, 3, 1).unreadTail(0, 224, out(224, 7, 2, 3, 1))); // ResNet's stem reads all
        assertEquals(0, window(3, 1, 1, 1).unreadTail(0, 56, out(56, 3, 1, 1, 1)));
    }

    /** A stride longer than the window skips rows between windows by design: not a rounding loss. */
    @Test
    void gapsBetweenWindowsAreNotCounted() {
        assertEquals(0, window(1, 2, 0, 1).unreadTail(0, 56, out(56, 1, 2, 0, 1))); // ResNet's shortcut
        assertEquals(0, window(1, 3, 0, 1).unreadTail(0, 10, out(10, 1, 3, 0, 1))); // 0, 3, 6, 9
        assertEquals(0, window(1, 3, 0, 1).unreadTail(0, 11, out(11, 1, 3, 0, 1))); // 10 is a gap like 1 and 2
        // Windows of 2 every 3: on 12, row 11 is a gap; on 13 a window would start at 12 and the floor drops it.
        assertEquals(0, window(2, 3, 0, 1).unreadTail(0, 12, out(12, 2, 3, 0, 1)));
        assertEquals(1, window(2, 3, 0, 1).unreadTail(0, 13, out(13, 2, 3, 0, 1)));
    }

    @Test
    void windowsThatReadOnlyPadding() {
        // 1 x 1 with padding 1 on 8: ten outputs, the first and last on padding alone.
        assertEquals(2, window(1, 1, 1, 1).paddingOnlyOutputs(0, 8, out(8, 1, 1, 1, 1)));
        // 3 x 3 with padding 2: every window reaches at least one input cell.
        assertEquals(0, window(3, 1, 2, 1).paddingOnlyOutputs(0, 8, out(8, 3, 1, 2, 1)));
        // 3 x 3 with padding 3: the first window (0-2) and the last (11-13) miss the input (3-10).
        assertEquals(2, window(3, 1, 3, 1).paddingOnlyOutputs(0, 8, out(8, 3, 1, 3, 1)));
        // Dilation 5, padding 2 on 4 (input 2-5): the window at 1 taps 1 and 6, straddling the input.
        assertEquals(1, window(2, 1, 2, 5).paddingOnlyOutputs(0, 4, out(4, 2, 1, 2, 5)));
        assertEquals(0, window(3, 1, 1, 1).paddingOnlyOutputs(0, 56, out(56, 3, 1, 1, 1)));
    }
}
