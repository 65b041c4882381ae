package dev.netcost.processor.infer;

/**
 * A layer's or block's memory figures for the whole batch, by the cost model's Memory section.
 *
 * @param activationBytes   bytes of the output
 * @param memoryAccessBytes bytes read (inputs, parameters, buffers) and written (the output); for a
 *     block, the sum over its layers
 */
public record Traffic(long activationBytes, long memoryAccessBytes) {
    public static final Traffic ZERO = new Traffic(0, 0);

    /** FLOPs per byte moved: the arithmetic intensity of a roofline model; 0 when nothing moves. */
    public double intensity(long flops) {
        return intensity(flops, memoryAccessBytes);
    }

    /** {@code flops} per byte of {@code memoryAccessBytes}; 0 when nothing moves. */
    static double intensity(long flops, long memoryAccessBytes) {
        return memoryAccessBytes == 0 ? 0 : (double) flops / memoryAccessBytes;
    }
}
