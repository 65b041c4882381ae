package dev.netcost.processor.infer;

/**
 * A layer's or block's memory figures for the whole batch, by the cost model's Memory section.
 *
 * @param activationBytes   bytes of the output
 * @param memoryAccessBytes bytes read (inputs, parameters, buffers) and written (the output); for a
 *     block, the sum over its layers
 * @param parameterBytes    of a layer, the part of {@code memoryAccessBytes} that is parameters and
 *     buffers, every stored copy's (a weight shared by {@code @Tied} counted where it is read); 0 for a
 *     block
 * @param decodeParameterBytes of a layer, the parameters and buffers one decode step of the batch reads,
 *     by the cost model's "A decoder's times": all of them, but a lookup's rows of one token per
 *     sequence (one row of a position table, the same for all) and an expert's copies the batch's
 *     tokens run; a cross-attention's key and value projections, which a step does not read, are
 *     taken off by {@code DecoderAnalysis}; 0 for a block, and in a network that is no
 *     {@code @Decoder}
 */
public record Traffic(long activationBytes, long memoryAccessBytes, long parameterBytes, long decodeParameterBytes) {
    public static final Traffic ZERO = new Traffic(0, 0);

    /** A block's or an input's: no parameters of its own. */
    public Traffic(long activationBytes, long memoryAccessBytes) {
        this(activationBytes, memoryAccessBytes, 0, 0);
    }

    /** The bytes of inputs read and of the output written: {@code memoryAccessBytes} less the parameters. */
    public long activationBytesMoved() {
        return memoryAccessBytes - parameterBytes;
    }

    /** FLOPs per byte moved: the arithmetic intensity of a roofline model; 0 when nothing moves. */
    public double intensity(long flops) {
        return intensity(flops, memoryAccessBytes);
    }

    /** {@code flops} per byte of {@code memoryAccessBytes}; 0 when nothing moves. */
    static double intensity(long flops, long memoryAccessBytes) {
        return memoryAccessBytes == 0 ? 0 : (double) flops / memoryAccessBytes;
    }

    // Written out, as ColdPathRulesTest asks of a record compared or hashed on every compile's path:
    // the generated ones link an invokedynamic call site on first use (docs/architecture.md, "Cold builds").
    @Override
    public boolean equals(Object other) {
        return other instanceof Traffic that && activationBytes == that.activationBytes
                && memoryAccessBytes == that.memoryAccessBytes && parameterBytes == that.parameterBytes
                && decodeParameterBytes == that.decodeParameterBytes;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + Long.hashCode(activationBytes);
        hash = 31 * hash + Long.hashCode(memoryAccessBytes);
        hash = 31 * hash + Long.hashCode(parameterBytes);
        hash = 31 * hash + Long.hashCode(decodeParameterBytes);
        return hash;
    }
}
