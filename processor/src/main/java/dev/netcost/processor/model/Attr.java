package dev.netcost.processor.model;

/**
 * An annotation attribute that a problem can point at. The read stage fetches values by it and
 * the check stage places diagnostics on it, so the attribute names live in one place.
 */
public enum Attr {
    INPUT("input"),
    BATCH("batch"),
    OUT("out"),
    KERNEL("kernel"),
    STRIDE("stride"),
    PADDING("padding"),
    OUTPUT_PADDING("outputPadding"),
    DILATION("dilation"),
    GROUPS("groups"),
    BIAS("bias"),
    CEIL_MODE("ceilMode"),
    OUTPUT("output"),
    P("p");

    private final String javaName;

    Attr(String javaName) {
        this.javaName = javaName;
    }

    /** The annotation member's name, as the user writes it. */
    public String javaName() {
        return javaName;
    }
}
