package dev.netcost.processor.model;

import java.util.List;

/**
 * The window a convolution or pooling layer slides, one value per spatial dimension, with what
 * the lints ask of it. Offsets are in padded coordinates: the input occupies {@code [p, p + n)}.
 */
public record SlidingWindow(long[] kernel, long[] stride, long[] padding, long[] dilation) {

    /** The window of a convolution or pooling layer on an input of {@code spatialRank} dimensions. */
    static SlidingWindow of(List<Integer> kernel, List<Integer> stride, List<Integer> padding,
            List<Integer> dilation, int spatialRank) {
        return new SlidingWindow(Window.perDimension(kernel, spatialRank), Window.perDimension(stride, spatialRank),
                Window.perDimension(padding, spatialRank), Window.perDimension(dilation, spatialRank));
    }

    /**
     * Input cells at the end of dimension {@code i} that no window reads because the output size
     * rounds down: those past both the last window's end and the start the next window would
     * have had. Cells skipped between windows (a stride longer than the window) are left out:
     * that is a design choice, as in ResNet's strided 1 x 1 shortcut, not a rounding loss.
     */
    public long unreadTail(int i, long n, long out) {
        long end = (out - 1) * stride[i] + dilation[i] * (kernel[i] - 1) + 1;
        long nextStart = out * stride[i];
        return Math.max(0, n + padding[i] - Math.max(end, nextStart));
    }

    /** {@code height}, {@code width}, {@code length}...: dimension {@code i} of {@code spatialRank}, for messages. */
    public static String dimensionName(int spatialRank, int i) {
        return Window.dimensionName(spatialRank, i);
    }

    /** Output positions along dimension {@code i} whose every tap falls in the padding. */
    public long paddingOnlyOutputs(int i, long n, long out) {
        long p = padding[i];
        long count = 0;
        for (long o = 0; o < out; o++) {
            long start = o * stride[i];
            long last = start + dilation[i] * (kernel[i] - 1);
            if (start >= p && last < p + n) {
                continue; // its first tap is in the input
            }
            boolean readsInput = false;
            for (long tap = start; tap <= last && !readsInput; tap += dilation[i]) {
                readsInput = tap >= p && tap < p + n;
            }
            if (!readsInput) {
                count++;
            }
        }
        return count;
    }
}
