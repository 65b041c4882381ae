package dev.netcost.processor.model;

import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arithmetic and checks shared by the ops that slide a window over the spatial dimensions
 * (convolutions and pooling), by {@code shared/spec/cost-model.md}, section Shapes.
 */
final class Window {
    private Window() {}

    /** The most spatial dimensions an op takes: {@code (C, D, H, W)}. */
    static final int MAX_SPATIAL = 3;

    /**
     * {@code floor((n + 2p - d(k-1) - 1) / s) + 1}, or with ceil mode the ceiling, less one if
     * the last window would start inside the right padding only, exactly as PyTorch computes it.
     * The result may be below 1: the caller reports that.
     */
    static long slidingOutput(long n, long k, long s, long p, long d, boolean ceilMode) {
        long span = Math.subtractExact(Math.addExact(n, Math.multiplyExact(2, p)), dilatedKernel(k, d));
        long out = (ceilMode ? Math.floorDiv(Math.addExact(span, s - 1), s) : Math.floorDiv(span, s)) + 1;
        if (ceilMode && out >= 1 && Math.multiplyExact(out - 1, s) >= Math.addExact(n, p)) {
            out--;
        }
        return out;
    }

    /** The cells a kernel of {@code k} taps spans with dilation {@code d}: {@code d(k-1) + 1}, exact. */
    static long dilatedKernel(long k, long d) {
        return Math.addExact(Math.multiplyExact(d, k - 1), 1);
    }

    /** {@code (n - 1)s - 2p + d(k-1) + outputPadding + 1}, exact. */
    static long transposedOutput(long n, long k, long s, long p, long d, long outputPadding) {
        long grown = Math.addExact(Math.multiplyExact(n - 1, s), Math.multiplyExact(d, k - 1));
        return Math.addExact(Math.subtractExact(grown, Math.multiplyExact(2, p)), outputPadding + 1);
    }

    /** The spatial part of {@code shape}: everything after the channels. */
    static long[] spatial(Shape shape) {
        long[] dims = shape.dims();
        long[] spatial = new long[dims.length - 1];
        System.arraycopy(dims, 1, spatial, 0, spatial.length);
        return spatial;
    }

    /** {@code (C, spatial...)}. */
    static Shape withSpatial(long channels, long[] spatial) {
        long[] dims = new long[spatial.length + 1];
        dims[0] = channels;
        System.arraycopy(spatial, 0, dims, 1, spatial.length);
        return Shape.of(dims);
    }

    /** Product of the values, exact. */
    static long product(long[] values) {
        long p = 1;
        for (long v : values) {
            p = Math.multiplyExact(p, v);
        }
        return p;
    }

    /** One value per spatial dimension: a single value repeated, or the values as given. */
    static long[] perDimension(List<Integer> values, int spatialRank) {
        long[] out = new long[spatialRank];
        for (int i = 0; i < spatialRank; i++) {
            out[i] = values.size() == 1 ? values.get(0) : values.get(i);
        }
        return out;
    }

    /** The names of the spatial dimensions of a tensor of this rank, for messages. */
    static String dimensionName(int spatialRank, int i) {
        return switch (spatialRank) {
            case 1 -> "length";
            case 2 -> i == 0 ? "height" : "width";
            default -> new String[] {"depth", "height", "width"}[i];
        };
    }

    /** The fault for an op that needs spatial dimensions and got a tensor without them or with too many. */
    static Optional<Fault> requireSpatial(String annotation, Shape input) {
        int spatial = input.rank() - 1;
        if (spatial >= 1 && spatial <= MAX_SPATIAL) {
            return Optional.empty();
        }
        Message message = spatial < 1 ? Message.NO_SPATIAL_DIMENSIONS_LEFT : Message.TOO_MANY_SPATIAL_DIMENSIONS;
        return Optional.of(message.onAnnotation(annotation));
    }

    /**
     * Checks a per-dimension attribute in isolation: at least one value, no more than
     * {@link #MAX_SPATIAL}, each at least {@code min}.
     */
    static void checkValues(List<Fault> faults, Attr attr, List<Integer> values, int min, String what) {
        if (values.isEmpty()) {
            faults.add(Message.NO_VALUES.on(attr, attr.javaName(), what));
            return;
        }
        if (values.size() > MAX_SPATIAL) {
            faults.add(Message.MORE_VALUES_THAN_DIMENSIONS.on(attr, attr.javaName(), braces(values), values.size(),
                    MAX_SPATIAL));
            return;
        }
        for (int v : values) {
            if (v < min) {
                faults.add(Message.PER_DIMENSION_BELOW_MINIMUM.on(attr, attr.javaName(), braces(values), what, min, v));
                return;
            }
        }
    }

    /** Checks a single size: at least {@code min}. */
    static void checkAtLeast(List<Fault> faults, Attr attr, long value, long min, String what) {
        if (value < min) {
            faults.add(Message.QUANTITY_BELOW_MINIMUM.on(attr, attr.javaName(), value, what, min));
        }
    }

    /**
     * Checks that a per-dimension attribute has one value or one per spatial dimension of
     * {@code input}. Call after {@link #requireSpatial}.
     */
    static void checkArity(List<Fault> faults, Attr attr, List<Integer> values, Shape input) {
        int spatial = input.rank() - 1;
        if (values.size() != 1 && values.size() != spatial) {
            faults.add(spatial == 1
                    ? Message.VALUES_NOT_MATCHING_ONE_DIMENSION.on(attr, attr.javaName(), braces(values), values.size())
                    : Message.VALUES_NOT_MATCHING_DIMENSIONS.on(attr, attr.javaName(), braces(values), values.size(),
                            spatial));
        }
    }

    /**
     * The output of a sliding window over every spatial dimension of {@code input}, keeping
     * {@code channels}; a {@link ProblemKind#WINDOW} fault on {@code kernel} where a dimension
     * would be empty. Per-dimension attributes must have passed {@link #checkArity}.
     */
    static ShapeResult slide(Shape input, long channels, List<Integer> kernel, List<Integer> stride,
            List<Integer> padding, List<Integer> dilation, boolean ceilMode) {
        int rank = input.rank() - 1;
        long[] n = spatial(input);
        long[] k = perDimension(kernel, rank);
        long[] s = perDimension(stride, rank);
        long[] p = perDimension(padding, rank);
        long[] d = perDimension(dilation, rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = slidingOutput(n[i], k[i], s[i], p[i], d[i], ceilMode);
            if (out[i] < 1) {
                return ShapeResult.failed(kernelTooLarge(k[i], d[i], p[i], n[i], dimensionName(rank, i), out[i]));
            }
        }
        return ShapeResult.of(withSpatial(channels, out));
    }

    /** The fault for a kernel that spans more than the padded input: said with only the dilation and padding given. */
    private static Fault kernelTooLarge(long k, long d, long p, long n, String dim, long out) {
        long effective = dilatedKernel(k, d);
        long padded = Math.addExact(n, Math.multiplyExact(2, p));
        if (d > 1 && p > 0) {
            return Message.DILATED_KERNEL_LARGER_THAN_PADDED_INPUT.on(Attr.KERNEL, k, effective, dim, n, padded, out);
        }
        if (d > 1) {
            return Message.DILATED_KERNEL_LARGER_THAN_INPUT.on(Attr.KERNEL, k, effective, dim, n, out);
        }
        if (p > 0) {
            return Message.KERNEL_LARGER_THAN_PADDED_INPUT.on(Attr.KERNEL, k, dim, n, padded, out);
        }
        return Message.KERNEL_LARGER_THAN_INPUT.on(Attr.KERNEL, k, dim, n, out);
    }

    /**
     * The checks every convolution's channels need without an input: at least one output
     * channel and one group, and output channels that split evenly into the groups.
     */
    static void checkChannels(List<Fault> faults, int out, int groups) {
        checkAtLeast(faults, Attr.OUT, out, 1, "number of output channels");
        checkAtLeast(faults, Attr.GROUPS, groups, 1, "number of groups");
        if (groups >= 1 && out >= 1 && out % groups != 0) {
            faults.add(Message.GROUPS_NOT_DIVIDING_OUT.on(Attr.GROUPS, groups, out));
        }
    }

    /** A convolution window's sizes without an input: kernel, stride and dilation at least 1, padding at least 0. */
    static void checkConvolutionSizes(List<Fault> faults, List<Integer> kernel, List<Integer> stride,
            List<Integer> padding, List<Integer> dilation) {
        checkValues(faults, Attr.KERNEL, kernel, 1, "kernel size");
        checkValues(faults, Attr.STRIDE, stride, 1, "stride");
        checkValues(faults, Attr.PADDING, padding, 0, "padding");
        checkValues(faults, Attr.DILATION, dilation, 1, "dilation");
    }

    /** A sliding window's sizes against the input: one value each, or one per spatial dimension. */
    static void checkWindowArity(List<Fault> faults, Shape input, List<Integer> kernel, List<Integer> stride,
            List<Integer> padding, List<Integer> dilation) {
        checkArity(faults, Attr.KERNEL, kernel, input);
        checkArity(faults, Attr.STRIDE, stride, input);
        checkArity(faults, Attr.PADDING, padding, input);
        checkArity(faults, Attr.DILATION, dilation, input);
    }

    /** Channels must divide by groups: the fault, if they do not. */
    static Optional<Fault> checkGroups(long channels, int groups, int out) {
        if (channels % groups == 0) {
            return Optional.empty();
        }
        return Optional.of(Message.GROUPS_NOT_DIVIDING_INPUT_CHANNELS.on(Attr.GROUPS, groups, channels, out,
                gcd(channels, out)));
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** {@code {3, 3}} as the user wrote it; a single value without braces. */
    static String braces(List<Integer> values) {
        if (values.size() == 1) {
            return values.get(0).toString();
        }
        List<String> parts = new ArrayList<>();
        for (int v : values) {
            parts.add(Integer.toString(v));
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
