package dev.netcost;

/** The element type of a network's weights and activations, which sets the bytes per element. */
public enum DType {
    FLOAT32(4),
    FLOAT16(2),
    BFLOAT16(2),
    INT8(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}
