package dev.netcost.processor.model;

/**
 * Every kind of error netcost reports, whose texts are {@link Message}'s. The id is stable: it
 * prefixes the message ({@code [netcost:channels] ...}) so that users can search for it and the
 * README can list it.
 */
public enum ProblemKind implements DiagnosticId {
    /** {@code @Network(input = {})}. */
    NO_INPUT("no-input"),
    /** A network input of a rank netcost cannot take. */
    INPUT_RANK("input-rank"),
    /** A size, count or probability outside its range. */
    OUT_OF_RANGE("out-of-range"),
    /** A per-dimension attribute with neither one value nor one per spatial dimension. */
    VALUE_COUNT("value-count"),
    /** A window that does not fit its padded input: the output would be empty. */
    WINDOW("window"),
    /** Pooling padding larger than half the window; a convolution's same padding with a stride, or with sizes too. */
    PADDING("padding"),
    /** Transposed-convolution output padding not smaller than the stride or the dilation. */
    OUTPUT_PADDING("output-padding"),
    /** An op given a tensor of a rank or a layout it cannot take. */
    INPUT_SHAPE("input-shape"),
    /** A linear layer on a tensor that still has spatial dimensions. */
    NEEDS_FLATTEN("needs-flatten"),
    /** A merge of tensors whose shapes do not fit together, or whose layouts differ. */
    MERGE("merge"),
    /**
     * Channels that do not divide by a convolution's groups, a split's parts, a shuffle's or a group norm's
     * groups; a PReLU's slopes neither 1 nor the channels; a last axis by a chunk's parts.
     */
    CHANNELS("channels"),
    /**
     * A {@code @ToMap} or {@code @Fold} size that does not hold the tokens, or an {@code @Unfold}
     * patch that does not divide the map.
     */
    MAP_SIZE("map-size"),
    /** Attention whose width does not divide into its heads, or heads that do not divide into key/value heads. */
    HEADS("heads"),
    /** A sequence longer than its position table. */
    SEQUENCE_LENGTH("sequence-length"),
    /** A {@code @Tied} layer whose weight cannot be the named layer's. */
    TIED("tied"),
    /** A {@code @Decoder} network without the figures of a decoder: no attention, or a layer with no per-token cost. */
    DECODER("decoder"),
    /**
     * A mixture of experts whose expert does not work on each token alone, routes what is not
     * tokens, or does not give one output per token.
     */
    EXPERTS("experts"),
    /** An interpolation mode that does not fit the input's rank, or {@code alignCorners} with nearest. */
    INTERPOLATION("interpolation"),
    /**
     * A tensor named by {@code like} whose spatial size cannot be taken: tokens, another rank, or
     * larger than the input of a crop; or a crop that names none.
     */
    LIKE("like"),
    /**
     * A tensor named by a cross-attention's {@code memory} that is not one sequence of tokens
     * {@code (S, E)}, or whose width is not the keys' ({@code keyWidth}); or {@code memory = ""}.
     */
    MEMORY("memory"),
    /** An {@code @LSTM}'s {@code projSize} not below its {@code hidden}, which PyTorch refuses. */
    PROJ_SIZE("proj-size"),
    /**
     * A {@code @FinalState} whose name is no recurrent layer, that asks for the cell state of a layer
     * without one (a GRU, an RNN), or that is given {@code @From} besides its name.
     */
    FINAL_STATE("final-state"),
    /** None, or more than one, of attributes that exclude each other: {@code @Upsample}'s scale, size and like. */
    ONE_OF("one-of"),
    /** A required attribute given neither on the annotation nor by {@code @With}. */
    MISSING("missing"),
    /** An attribute given on the annotation and by {@code @With}, or twice in {@code @With}. */
    GIVEN_TWICE("given-twice"),
    /** A {@code @With} name that is no attribute of the layer and no parameter of the block. */
    UNKNOWN_ATTRIBUTE("unknown-attribute"),
    /** An expression that does not parse, names an unknown variable, or has the wrong type. */
    EXPRESSION("expression"),
    /** An expression that divides by zero or overflows for the values of one use of a block. */
    EVALUATION("evaluation"),
    /** A name in {@code @From} or a merge that is no earlier field and not {@code input}. */
    UNKNOWN_INPUT("unknown-input"),
    /** A merge with fewer than two inputs, or {@code @From} on a merge; a {@code @CosineSimilarity} not of two. */
    MERGE_INPUTS("merge-inputs"),
    /** An {@code @Output} that nothing produces at inference: on an input, or a training-only field. */
    OUTPUT("output"),
    /** A layer that runs at inference reading a {@code @TrainingOnly} one, or a training-only last field. */
    TRAINING_ONLY("training-only"),
    /**
     * A training declaration that cannot hold: {@code @Training(batch)} below 1, {@code @Frozen} or
     * {@code @Checkpoint} or a training limit of {@code @Budget} without {@code @Training},
     * {@code @Checkpoint} on a layer or inside a block.
     */
    TRAINING("training"),
    /** A field named {@code input}, which would hide the input of its network or block. */
    RESERVED_NAME("reserved-name"),
    /** A field named as a field above (a superclass's) or as its block's tensor parameter: a name reads one tensor. */
    DUPLICATE_NAME("duplicate-name"),
    /** A block that contains itself, directly or through other blocks. */
    RECURSIVE_BLOCK("recursive-block"),
    /** A {@code @Block} without a nested {@code Layers} class of layer fields. */
    BLOCK_LAYERS("block-layers"),
    /** A block parameter of a type other than {@code int} or {@code boolean}, or {@code @FirstOnly} without a default. */
    BLOCK_PARAMETER("block-parameter"),
    /** {@code @With}, {@code @From}, {@code @If} or {@code @Repeat} where they do not apply. */
    MISPLACED("misplaced"),
    /** A figure over its {@code @Budget} limit, or a negative limit. */
    BUDGET("budget"),
    /**
     * A device of {@code @Roofline} or {@code @Budget(device, customDevice)} that cannot give a roofline
     * time: a class without {@code @CustomDevice}, a figure of one out of range, no peak for the network's
     * dtype, a device named twice; {@code @Roofline} naming none; a time limit without {@code @Roofline}
     * (or a decode limit without {@code @Decoder}), a budgeted device that {@code @Roofline} does not
     * list, budgeted devices without a time limit.
     */
    ROOFLINE("roofline"),
    /** A figure that does not fit a {@code long}. */
    OVERFLOW("overflow"),
    /** Two layer annotations on one field. */
    TWO_LAYERS("two-layers"),
    /** {@code @Network} on a local or anonymous class, or a layer in one: javac shows processors neither. */
    LOCAL_CLASS("local-class"),
    /** What javac could still not resolve on the last round, so that no companion was written. */
    UNRESOLVED("unresolved"),
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
    /**
     * A mistake in the declaration of an op you declare ({@code @CustomOp}) that is no expression's:
     * an attribute's type or name, a check's attribute, no layouts, a shape of too many dimensions.
     */
    OP_DECLARATION("op-declaration"),
    /** A use of an op you declare that fails one of the checks its declaration states. */
    OP_CHECK("op-check"),
    /** A bug in netcost: an unexpected exception, reported with its trace. */
    INTERNAL("internal");

    private final String id;

    ProblemKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
