package dev.netcost.processor.model;

import java.math.BigInteger;
import java.util.List;

/**
 * The window a convolution or pooling layer slides, one value per spatial dimension, with what
 * the lints ask of it. Offsets are in padded coordinates: the input occupies {@code [p, p + n)}, with
 * {@code p} the padding before the input: each side's, or for PyTorch's same padding the smaller half
 * (the lints need no more, since the output size is known).
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

    /**
     * Output positions along dimension {@code i} whose every tap falls in the padding. Counted
     * in closed form, never window by window, so that a huge padding or kernel costs nothing.
     * With {@code u = o*s - p} the offset of window {@code o}'s first tap from the input's first
     * cell, its taps are {@code u + j*d} for {@code j < k} and the input is {@code [0, n)}. A
     * window misses the input in exactly one of three ways: it starts after the input
     * ({@code u >= n}); it ends before it ({@code u + (k-1)d < 0}); or it straddles the input with
     * a dilation that steps over it: {@code u < 0 <= u + (k-1)d}, and its first tap at or past 0,
     * which is {@code floorMod(u, d)}, is already past the input ({@code >= n}).
     */
    public long paddingOnlyOutputs(int i, long n, long out) {
        long p = padding[i];
        long s = stride[i];
        long d = dilation[i];
        long reach = Math.multiplyExact(d, kernel[i] - 1);
        // After the input: o*s >= p + n.
        long after = Math.max(0, out - Math.min(out, ceilDiv(Math.addExact(p, n), s)));
        // Before it: o*s < p - reach.
        long before = Math.min(out, Math.max(0, ceilDiv(p - reach, s)));
        // Straddling: p - reach <= o*s <= p - 1, only possible when the dilation exceeds the input.
        long straddling = 0;
        if (d > n) {
            long first = Math.max(0, ceilDiv(p - reach, s));
            long last = Math.min(out - 1, Math.floorDiv(p - 1, s));
            if (first <= last) {
                long count = last - first + 1;
                long u0 = Math.subtractExact(Math.multiplyExact(first, s), p);
                straddling = count - residuesBelow(count, s, u0, d, n);
            }
        }
        return Math.addExact(Math.addExact(after, before), straddling);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * How many {@code t} in {@code [0, count)} have {@code floorMod(u0 + t*s, d) < n}, for
     * {@code 0 < n < d}: {@code floor(x/d) - floor((x-n)/d)} is 1 exactly when {@code x mod d < n},
     * so the count is a difference of two floor sums.
     */
    private static long residuesBelow(long count, long s, long u0, long d, long n) {
        return floorSum(count, d, s, u0).subtract(floorSum(count, d, s, u0 - n)).longValueExact();
    }

    /**
     * {@code sum of floor((a*t + b) / m) for t in [0, count)}, {@code a >= 0}, {@code m >= 1}, by
     * the Euclid-like reduction (as in AtCoder's library): logarithmic steps, exact in
     * {@link BigInteger} because the sum itself may not fit a long even when the difference does.
     */
    static BigInteger floorSum(long count, long m, long a, long b) {
        BigInteger bigM = BigInteger.valueOf(m);
        BigInteger n = BigInteger.valueOf(count);
        BigInteger bigA = BigInteger.valueOf(a);
        BigInteger bigB = BigInteger.valueOf(b);
        // Make b non-negative: floor((a t + b) / m) = floor((a t + b mod m) / m) + floorDiv(b, m).
        BigInteger[] qr = floorDivMod(bigB, bigM);
        BigInteger sum = n.multiply(qr[0]);
        bigB = qr[1];
        while (true) {
            if (bigA.compareTo(bigM) >= 0) {
                BigInteger[] aq = bigA.divideAndRemainder(bigM);
                sum = sum.add(n.multiply(n.subtract(BigInteger.ONE)).shiftRight(1).multiply(aq[0]));
                bigA = aq[1];
            }
            if (bigB.compareTo(bigM) >= 0) {
                BigInteger[] bq = bigB.divideAndRemainder(bigM);
                sum = sum.add(n.multiply(bq[0]));
                bigB = bq[1];
            }
            BigInteger yMax = bigA.multiply(n).add(bigB);
            if (yMax.compareTo(bigM) < 0) {
                return sum;
            }
            BigInteger[] yq = yMax.divideAndRemainder(bigM);
            n = yq[0];
            bigB = yq[1];
            BigInteger swap = bigM;
            bigM = bigA;
            bigA = swap;
        }
    }

    private static BigInteger[] floorDivMod(BigInteger x, BigInteger m) {
        BigInteger[] qr = x.divideAndRemainder(m);
        if (qr[1].signum() < 0) {
            return new BigInteger[] {qr[0].subtract(BigInteger.ONE), qr[1].add(m)};
        }
        return qr;
    }
}
