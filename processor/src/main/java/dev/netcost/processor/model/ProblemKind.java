package dev.netcost.processor.model;

/**
 * Every kind of error netcost reports. The id is stable: it prefixes the message
 * ({@code [netcost:groups] ...}) so that users can search for it and the README can list it.
 */
public enum ProblemKind {
    /** {@code @Network(input = {})}. */
    NO_INPUT("no-input"),
    /** A network input of a rank netcost cannot take. */
    INPUT_RANK("input-rank"),
    /** A size, count or probability outside its range. */
    OUT_OF_RANGE("out-of-range"),
    /** A per-dimension attribute with neither one value nor one per spatial dimension. */
    VALUE_COUNT("value-count"),
    /** Channels not divisible by groups. */
    GROUPS("groups"),
    /** A window that does not fit its padded input: the output would be empty. */
    WINDOW("window"),
    /** Pooling padding larger than half the window. */
    PADDING("padding"),
    /** Transposed-convolution output padding not smaller than the stride or the dilation. */
    OUTPUT_PADDING("output-padding"),
    /** An op given a tensor of a rank it cannot take. */
    INPUT_SHAPE("input-shape"),
    /** A linear layer on a tensor that still has spatial dimensions. */
    NEEDS_FLATTEN("needs-flatten"),
    /** A figure that does not fit a {@code long}. */
    OVERFLOW("overflow"),
    /** Two layer annotations on one field. */
    TWO_LAYERS("two-layers"),
    /** A layer annotation on a field of a class that is not a {@code @Network}. */
    NOT_IN_NETWORK("not-in-network"),
    /** A layer annotation on a field whose type is not {@code dev.netcost.Layer}. */
    FIELD_TYPE("field-type"),
    /** A {@code @Network} class without layers. */
    NO_LAYERS("no-layers"),
    /** Two layers whose generated constant names would be the same. */
    CONSTANT_CLASH("constant-clash"),
    /** The generated class's name is taken by a type being compiled. */
    NAME_TAKEN("name-taken"),
    /** A bug in netcost: an unexpected exception, reported with its trace. */
    INTERNAL("internal");

    private final String id;

    ProblemKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The message as javac shows it: {@code [netcost:id] text}. */
    public String format(String text) {
        return "[netcost:" + id + "] " + text;
    }
}
