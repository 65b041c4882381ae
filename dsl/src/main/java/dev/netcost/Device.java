package dev.netcost;

import java.util.Objects;

/**
 * A device as a roofline model sees it: its peak compute for each element type, its memory
 * bandwidth, and how much memory it has on chip. {@link Hardware} names the devices netcost knows,
 * each figure from its vendor's data sheet; make your own with the constructor, at run time, or
 * with {@link CustomDevice}, at compile time.
 *
 * <p>A layer's roofline time on it is {@code max(FLOPs / peak, bytes / bandwidth)}: the least time
 * the layer can take if its compute and its memory traffic overlap perfectly and each runs at the
 * device's peak. It is a lower bound under the cost model's "Roofline" assumptions, not a
 * measurement: kernel launches, caches, fusion and the share of the peak a kernel reaches are left
 * out. The arithmetic is here, once, for the processor's constants and for the generated
 * {@code timeNanos(Device)} alike.
 *
 * @param name                  what the device is called in summaries and reports
 * @param float32FlopsPerSecond dense float32 FLOP/s (not TF32); 0 if unknown
 * @param float16FlopsPerSecond dense float16 and bfloat16 FLOP/s, with tensor cores where the
 *     device has them; 0 if unknown
 * @param int8OpsPerSecond      dense int8 operations per second; 0 if unknown
 * @param memoryBytesPerSecond  memory bandwidth, bytes per second; above 0
 * @param onChipBytes           on-chip memory (last-level cache or SRAM), bytes; 0 if unknown. Kept
 *     for reference: the roofline reads every byte from memory
 */
public record Device(String name, double float32FlopsPerSecond, double float16FlopsPerSecond,
        double int8OpsPerSecond, double memoryBytesPerSecond, long onChipBytes) {
    private static final double NANOS_PER_SECOND = 1e9;

    public Device {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a device needs a name");
        }
        // One line: the summary's table, the reports and the plot print it as it is.
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("a device's name is one line without control characters: " + name);
            }
            i += Character.charCount(c);
        }
        requireRate("float32FlopsPerSecond", float32FlopsPerSecond, false);
        requireRate("float16FlopsPerSecond", float16FlopsPerSecond, false);
        requireRate("int8OpsPerSecond", int8OpsPerSecond, false);
        requireRate("memoryBytesPerSecond", memoryBytesPerSecond, true);
        if (onChipBytes < 0) {
            throw new IllegalArgumentException("onChipBytes is " + onChipBytes + ", below 0");
        }
    }

    /** Whether a layer's time is set by its compute or by its memory traffic. */
    public enum Bound {
        /** FLOPs over the peak take longer than bytes over the bandwidth. */
        COMPUTE,
        /** Bytes over the bandwidth take at least as long as FLOPs over the peak. */
        MEMORY;

        /** {@code compute} or {@code memory}, as reports and messages say it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The peak for tensors of {@code dtype}: float32's, float16's for float16 and bfloat16, int8's;
     * 0 when the device has no figure for it.
     */
    public double peakFlopsPerSecond(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> float32FlopsPerSecond;
            case FLOAT16, BFLOAT16 -> float16FlopsPerSecond;
            case INT8 -> int8OpsPerSecond;
        };
    }

    /** Whether it has a peak for {@code dtype}, without which it has no roofline time. */
    public boolean supports(DType dtype) {
        return peakFlopsPerSecond(dtype) > 0;
    }

    /**
     * The ridge point: the arithmetic intensity, in FLOP per byte, above which a layer is compute
     * bound, {@code peak / bandwidth}.
     */
    public double ridgePoint(DType dtype) {
        return peak(dtype) / memoryBytesPerSecond;
    }

    /** {@code flops} at the peak for {@code dtype}, in nanoseconds. */
    public double computeNanos(long flops, DType dtype) {
        return flops * NANOS_PER_SECOND / peak(dtype);
    }

    /** {@code bytes} over the memory bandwidth, in nanoseconds. */
    public double memoryNanos(long bytes) {
        return bytes * NANOS_PER_SECOND / memoryBytesPerSecond;
    }

    /** The roofline time of {@code flops} and {@code bytes}: the longer of the two, in nanoseconds. */
    public double nanos(long flops, long bytes, DType dtype) {
        return Math.max(computeNanos(flops, dtype), memoryNanos(bytes));
    }

    /** Which of the two sets the time; {@link Bound#MEMORY} on a tie. */
    public Bound bound(long flops, long bytes, DType dtype) {
        return computeNanos(flops, dtype) > memoryNanos(bytes) ? Bound.COMPUTE : Bound.MEMORY;
    }

    /** A layer's roofline time, from its FLOPs and its memory access bytes, in nanoseconds. */
    public double nanos(Layer layer, DType dtype) {
        return nanos(layer.flops(), layer.memoryAccessBytes(), dtype);
    }

    /** Which of compute and memory sets a layer's time. */
    public Bound bound(Layer layer, DType dtype) {
        return bound(layer.flops(), layer.memoryAccessBytes(), dtype);
    }

    /**
     * The sum of the roofline times of the layers that run at inference (not {@link Layer#trainingOnly()}),
     * in nanoseconds: what a generated {@code timeNanos(Device)} returns.
     */
    public double nanos(Iterable<Layer> layers, DType dtype) {
        double sum = 0;
        for (Layer layer : layers) {
            if (!layer.trainingOnly()) {
                sum += nanos(layer, dtype);
            }
        }
        return sum;
    }

    private double peak(DType dtype) {
        double peak = peakFlopsPerSecond(dtype);
        if (peak <= 0) {
            throw new IllegalArgumentException(name + " has no peak for " + dtype);
        }
        return peak;
    }

    private static void requireRate(String what, double value, boolean positive) {
        if (!Double.isFinite(value) || value < 0 || positive && value == 0) {
            throw new IllegalArgumentException(what + " is " + value + ", not " + (positive ? "above" : "at least")
                    + " 0");
        }
    }
}
