package dev.netcost;

import java.util.Arrays;

/**
 * The shape of one sample's tensor, channels first: {@code (C)}, {@code (C, L)},
 * {@code (C, H, W)} or {@code (C, D, H, W)}. Immutable; compares by value.
 */
public final class Shape {
    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    /**
     * The shape with these dimensions.
     *
     * @throws IllegalArgumentException if there are none or one is below 1
     */
    public static Shape of(long... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape has at least one dimension");
        }
        for (long d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("dimension below 1 in " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code i}, counting from 0 (the channels). */
    public long dim(int i) {
        return dims[i];
    }

    /** A copy of the dimensions. */
    public long[] dims() {
        return dims.clone();
    }

    /**
     * Elements in the tensor.
     *
     * @throws ArithmeticException if the count does not fit a {@code long}
     */
    public long numel() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As PyTorch prints a size without the batch: {@code (3, 224, 224)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(dims[i]);
        }
        return s.append(')').toString();
    }
}
