package dev.netcost.processor.model;

import java.util.Optional;

/** Checks and sums particular to pooling. */
final class Pooling {
    private Pooling() {}

    /** PyTorch refuses pooling padding above half the (dilated) window. */
    static Optional<Fault> checkPadding(long padding, long effectiveKernel, long kernel, long dilation) {
        if (padding <= effectiveKernel / 2) {
            return Optional.empty();
        }
        return Optional.of(dilation > 1
                ? Message.POOL_PADDING_OVER_HALF_DILATED_WINDOW.on(Attr.PADDING, padding, effectiveKernel,
                        effectiveKernel / 2)
                : Message.POOL_PADDING_OVER_HALF_KERNEL.on(Attr.PADDING, padding, kernel, effectiveKernel / 2));
    }

    /**
     * The input cells that adaptive pooling from {@code n} to {@code o} cells reads, summed over
     * the output cells. Cell {@code i} reads {@code [floor(i*n/o), ceil((i+1)*n/o))}; the sum of
     * those lengths is {@code n + o - gcd(n, o)}: summing {@code ceil(j*n/o)} over {@code j = 1..o}
     * gives the same floors as the starts, plus {@code n}, plus one for every {@code j} whose
     * {@code j*n/o} is not whole ({@code o - gcd(n, o)} of them). A test checks it against the loop.
     */
    static long adaptiveWindowSum(long n, long o) {
        return Math.subtractExact(Math.addExact(n, o), Window.gcd(n, o));
    }
}
