package dev.netcost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one decode step of a {@link Decoder} asks of the layers it runs, as a generated class holds it
 * for {@code decodeNanos(Device, long)}: the roofline time of a step on any device, at any context, by
 * the cost model's "A decoder's times". A step's time is a sum over its layers, so layers that ask the
 * same (the same layer of each of 32 blocks) are one row with their count: a block repeated a hundred
 * thousand times is a few rows, not a hundred thousand.
 *
 * <p>Packed as text, one row per line, fields separated by tabs: the count, then a layer's FLOPs and
 * bytes at the context the table was made for, then what one more token of context adds to each.
 */
public final class DecodeSteps {
    private static final int FIELDS = 5;

    private final long context;
    private final List<Step> steps;

    /**
     * Layers that ask the same of a decode step.
     *
     * @param count                how many layers ask this; at least 1
     * @param flops                FLOPs of one of them, for the batch, at the table's context
     * @param bytes                bytes it reads and writes, at the table's context
     * @param flopsPerContextToken what one more token of context adds to {@code flops}
     * @param bytesPerContextToken what one more token of context adds to {@code bytes}
     */
    public record Step(long count, long flops, long bytes, long flopsPerContextToken, long bytesPerContextToken) {
        public Step {
            if (count < 1 || flops < 0 || bytes < 0 || flopsPerContextToken < 0 || bytesPerContextToken < 0) {
                throw new IllegalArgumentException("not a decode step: " + count + " x (" + flops + ", " + bytes
                        + ", " + flopsPerContextToken + ", " + bytesPerContextToken + ")");
            }
        }
    }

    private DecodeSteps(long context, List<Step> steps) {
        this.context = context;
        this.steps = List.copyOf(steps);
    }

    /** The rows of a step at {@code context} tokens of context. */
    public static DecodeSteps of(long context, List<Step> steps) {
        Objects.requireNonNull(steps, "steps");
        return new DecodeSteps(context, steps);
    }

    /**
     * The rows {@link #encode()} wrote, for a step at {@code context} tokens of context, in chunks of
     * whole lines (a string constant holds at most 65,535 bytes).
     */
    public static DecodeSteps decode(long context, String... chunks) {
        List<Step> steps = new ArrayList<>();
        for (String row : String.join("", chunks).split("\n", -1)) {
            if (row.isEmpty()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            if (f.length != FIELDS) {
                throw new IllegalArgumentException("not a decode step: " + row);
            }
            steps.add(new Step(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4])));
        }
        return new DecodeSteps(context, steps);
    }

    /** The rows as text, one per line, each ending with a line break. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            text.append(step.count()).append('\t').append(step.flops()).append('\t').append(step.bytes()).append('\t')
                    .append(step.flopsPerContextToken()).append('\t').append(step.bytesPerContextToken()).append('\n');
        }
        return text.toString();
    }

    /** The rows, in the order they were given. */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The roofline time of one decode step of the batch at {@code tokens} tokens of context, on
     * {@code device}, in nanoseconds: over the rows, count times {@code max(FLOPs / peak, bytes /
     * bandwidth)} of one layer, its FLOPs and bytes moved from the table's context to {@code tokens}.
     *
     * @throws IllegalArgumentException if {@code tokens} is negative, or the device has no peak for
     *     {@code dtype}
     * @throws ArithmeticException if a layer's FLOPs or bytes at {@code tokens} do not fit a {@code long}
     */
    public double nanos(Device device, DType dtype, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("a decode step's context is 0 tokens or more, not " + tokens);
        }
        long more = Math.subtractExact(tokens, context);
        double sum = 0;
        for (Step step : steps) {
            long flops = Math.addExact(step.flops(), Math.multiplyExact(step.flopsPerContextToken(), more));
            long bytes = Math.addExact(step.bytes(), Math.multiplyExact(step.bytesPerContextToken(), more));
            sum += step.count() * device.nanos(flops, bytes, dtype);
        }
        return sum;
    }
}
