package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.List;

/**
 * The windows torchvision's {@code shifted_window_attention} cuts a channels-last map
 * {@code (H, W, C)} into: the map padded at the bottom and right to a multiple of the window
 * ({@code pad_b}, {@code pad_r}), then split into whole windows. The window never shrinks; a map
 * smaller than it is padded up to it. Where the window covers the padded map on an axis,
 * torchvision drops the shift on that axis.
 *
 * @param paddedHeight {@code Hp = ceil(H / Mh) * Mh}
 * @param paddedWidth  {@code Wp = ceil(W / Mw) * Mw}
 * @param windowHeight {@code Mh}
 * @param windowWidth  {@code Mw}
 * @param shifted      whether a shift is left on either axis once torchvision has dropped those it drops
 */
record WindowGrid(long paddedHeight, long paddedWidth, long windowHeight, long windowWidth, boolean shifted) {
    /**
     * The grid of {@code window} and {@code shift} (one value or one per axis) over {@code map}.
     *
     * @throws ArithmeticException if a size does not fit a {@code long}
     */
    static WindowGrid of(Shape map, List<Integer> window, List<Integer> shift) {
        long[] m = Window.perDimension(window, 2);
        long[] s = Window.perDimension(shift, 2);
        long hp = padded(map.dim(0), m[0]);
        long wp = padded(map.dim(1), m[1]);
        // torchvision: if window_size[i] >= pad_H (pad_W): shift_size[i] = 0.
        boolean shifted = (m[0] < hp && s[0] > 0) || (m[1] < wp && s[1] > 0);
        return new WindowGrid(hp, wp, m[0], m[1], shifted);
    }

    /** {@code n} rounded up to a multiple of {@code window}. */
    private static long padded(long n, long window) {
        return Math.multiplyExact(Math.addExact(n, window - 1) / window, window);
    }

    /** Positions in one window, {@code N = Mh * Mw}. */
    long windowPositions() {
        return Math.multiplyExact(windowHeight, windowWidth);
    }

    /** Positions of the padded map, {@code Hp * Wp}: every one goes through the projections. */
    long paddedPositions() {
        return Math.multiplyExact(paddedHeight, paddedWidth);
    }

    /** Windows, {@code nW = (Hp / Mh) * (Wp / Mw)}. */
    long windows() {
        return Math.multiplyExact(paddedHeight / windowHeight, paddedWidth / windowWidth);
    }

    /** Scores of one head over all windows: {@code nW * N^2}. */
    long scoresPerHead() {
        long n = windowPositions();
        return Math.multiplyExact(windows(), Math.multiplyExact(n, n));
    }
}
