package dev.netcost.processor.model;

/**
 * An annotation attribute that a problem can point at. The read stage fetches values by it and
 * the check stage places diagnostics on it, so the attribute names live in one place.
 */
public enum Attr {
    INPUT("input", Kind.INTS),
    BATCH("batch", Kind.INT),
    DTYPE("dtype", Kind.NONE),
    OUT("out", Kind.INT),
    KERNEL("kernel", Kind.INTS),
    STRIDE("stride", Kind.INTS),
    PADDING("padding", Kind.INTS),
    OUTPUT_PADDING("outputPadding", Kind.INTS),
    DILATION("dilation", Kind.INTS),
    GROUPS("groups", Kind.INT),
    BIAS("bias", Kind.BOOLEAN),
    CEIL_MODE("ceilMode", Kind.BOOLEAN),
    OUTPUT("output", Kind.INTS),
    P("p", Kind.REAL),
    PARTS("parts", Kind.INT),
    INDEX("index", Kind.INT),
    VOCAB("vocab", Kind.INT),
    DIM("dim", Kind.INT),
    LENGTH("length", Kind.INT),
    /** {@code @PositionEmbedding}: a fixed sinusoidal table, a buffer, rather than a learned one. */
    SINUSOIDAL("sinusoidal", Kind.BOOLEAN),
    TYPES("types", Kind.INT),
    TOKENS("tokens", Kind.INT),
    HEADS("heads", Kind.INT),
    /** {@code @RelativePositionBias}: the rows of T5's table, the buckets relative distances fall in. */
    BUCKETS("buckets", Kind.INT),
    /** {@code @RelativePositionBias}: the distance from which every distance falls in the last bucket. */
    MAX_DISTANCE("maxDistance", Kind.INT),
    /** {@code @RelativePositionBias}: buckets of their own for distances after a token, not only before. */
    BIDIRECTIONAL("bidirectional", Kind.BOOLEAN),
    KV_HEADS("kvHeads", Kind.INT),
    CAUSAL("causal", Kind.BOOLEAN),
    ROTARY("rotary", Kind.BOOLEAN),
    /** Attention's per-projection bias switches: a projection has its bias iff {@code bias} and its switch. */
    QUERY_BIAS("queryBias", Kind.BOOLEAN),
    KEY_BIAS("keyBias", Kind.BOOLEAN),
    VALUE_BIAS("valueBias", Kind.BOOLEAN),
    OUT_BIAS("outBias", Kind.BOOLEAN),
    /** {@code @CrossAttention}: the width of the memory's tokens, PyTorch's {@code kdim}; 0 means the queries' E. */
    KEY_WIDTH("keyWidth", Kind.INT),
    /** A recurrent layer's cells per layer and direction, PyTorch's {@code hidden_size}. */
    HIDDEN("hidden", Kind.INT),
    /** A recurrent layer's stacked layers, PyTorch's {@code num_layers}. */
    LAYERS("layers", Kind.INT),
    /** {@code @LSTM}: the width the hidden state is projected to, PyTorch's {@code proj_size}; 0: none. */
    PROJ_SIZE("projSize", Kind.INT),
    /** A recurrent layer's dropout between layers, in training only. */
    DROPOUT("dropout", Kind.REAL),
    /** {@code @GRU}: the reset gate after the hidden state's product (PyTorch, Keras's default), or before. */
    RESET_AFTER("resetAfter", Kind.BOOLEAN),
    /** {@code @RNN}: tanh or ReLU, a {@code dev.netcost.RNN.Nonlinearity}. */
    NONLINEARITY("nonlinearity", Kind.CHOICE),
    /** {@code @FinalState}: an LSTM's cell state c_n rather than its hidden state h_n. */
    CELL("cell", Kind.BOOLEAN),
    SCALE("scale", Kind.INTS),
    SIZE("size", Kind.INTS),
    /** {@code @Upsample(like = "input")}: the tensor whose spatial size the layer takes. */
    LIKE("like", Kind.TENSOR),
    /** {@code @CrossAttention(memory = "encoded")}: the tensor whose keys and values the queries attend to. */
    MEMORY("memory", Kind.TENSOR),
    MODE("mode", Kind.CHOICE),
    ALIGN_CORNERS("alignCorners", Kind.BOOLEAN),
    /** {@code @Conv}'s same or valid padding, a {@code dev.netcost.Padding}. */
    AUTO_PAD("autoPad", Kind.CHOICE),
    /** A norm's learned scale and shift per channel. */
    AFFINE("affine", Kind.BOOLEAN),
    /** An instance norm's running mean and variance. */
    TRACK_RUNNING_STATS("trackRunningStats", Kind.BOOLEAN),
    NEGATIVE_SLOPE("negativeSlope", Kind.REAL),
    /** {@code @CosineSimilarity}: CLIP's learned temperature, {@code exp(logit_scale)}, scaling the logit. */
    LOGIT_SCALE("logitScale", Kind.BOOLEAN),
    /** A PReLU's learned slopes. */
    PARAMETERS("parameters", Kind.INT),
    /** GELU's form, a {@code dev.netcost.Approximate}. */
    APPROXIMATE("approximate", Kind.CHOICE),
    /** {@code @Unfold} and {@code @Fold}: the patch, per dimension. */
    PATCH("patch", Kind.INTS),
    /** {@code @WindowAttention}: the window's height and width. */
    WINDOW("window", Kind.INTS),
    /** {@code @WindowAttention}: how far the windows are shifted. */
    SHIFT("shift", Kind.INTS),
    /** {@code @Network(inputKind)}: what its input holds, a {@code dev.netcost.InputKind}. */
    INPUT_KIND("inputKind", Kind.CHOICE),
    /** {@code @Input}: one sample's shape. */
    SHAPE("shape", Kind.INTS),
    /** {@code @Input}: what it holds, a {@code dev.netcost.InputKind}. */
    KIND("kind", Kind.CHOICE),
    /** {@code @Output}, which has no value: the annotation itself. */
    OUTPUT_MARK("value", Kind.NONE),
    /** {@code @Decoder}'s value: the input it decodes. */
    DECODES("value", Kind.NONE),
    /** {@code @Tied}. */
    TIED("value", Kind.NONE),
    /** {@code @Decoder}, on the network class. */
    DECODER("decoder", Kind.NONE),
    /** A merge's inputs ({@code @Add({"a", "b"})}) or {@code @From}. */
    FROM("value", Kind.NONE),
    /** {@code @If}. */
    CONDITION("value", Kind.NONE),
    /** {@code @Repeat}. */
    REPEAT("value", Kind.NONE),
    /** {@code @TrainingOnly}, which has no value: the annotation itself. */
    TRAINING_ONLY("value", Kind.NONE),
    /** {@code @Frozen}, as a whole. */
    FROZEN("value", Kind.NONE),
    /** {@code @Checkpoint}, as a whole. */
    CHECKPOINT("value", Kind.NONE),
    /** {@code @Training}'s batch: samples per step. */
    TRAINING_BATCH("batch", Kind.NONE),
    /** {@code @MixtureOfExperts} as a whole. */
    MIXTURE("value", Kind.NONE),
    /** {@code @MixtureOfExperts}: the routed experts. */
    EXPERTS("experts", Kind.NONE),
    /** {@code @MixtureOfExperts}: the routed experts each token goes through. */
    TOP_K("topK", Kind.NONE),
    /** {@code @MixtureOfExperts}: the experts every token goes through. */
    SHARED("shared", Kind.NONE),
    /** {@code @MixtureOfExperts}: whether the router's linear layer has a bias. */
    ROUTER_BIAS("routerBias", Kind.NONE),
    MAX_PARAMS("maxParams", Kind.NONE),
    MAX_MACS("maxMacs", Kind.NONE),
    MAX_FLOPS("maxFlops", Kind.NONE),
    MAX_PEAK_MEMORY_BYTES("maxPeakMemoryBytes", Kind.NONE),
    MAX_PARAM_BYTES("maxParamBytes", Kind.NONE),
    MAX_ACTIVE_PARAMS("maxActiveParams", Kind.NONE),
    /** {@code @Budget}: the most {@code TRAINING_PEAK_BYTES}. */
    MAX_TRAINING_MEMORY_BYTES("maxTrainingMemoryBytes", Kind.NONE),
    /** {@code @Budget}: the most {@code STEP_FLOPS}. */
    MAX_STEP_FLOPS("maxStepFlops", Kind.NONE),
    /** {@code @Budget}: the most {@code <DEVICE>_NANOS}, one inference on each budgeted device. */
    MAX_INFERENCE_NANOS("maxInferenceNanos", Kind.NONE),
    /** {@code @Budget}: the most {@code <DEVICE>_DECODE_NANOS}, one decode step on each budgeted device. */
    MAX_DECODE_NANOS_PER_TOKEN("maxDecodeNanosPerToken", Kind.NONE),
    /** {@code @Budget(device)}: the devices of the table its time limits hold on. */
    BUDGET_DEVICE("device", Kind.NONE),
    /** {@code @Budget(customDevice)}: the devices of your own its time limits hold on. */
    BUDGET_CUSTOM_DEVICE("customDevice", Kind.NONE),
    /** {@code @Roofline}'s value: devices of the table. */
    ROOFLINE("value", Kind.NONE),
    /** {@code @Roofline(custom)}: classes that carry {@code @CustomDevice}. */
    ROOFLINE_CUSTOM("custom", Kind.NONE);

    /** What an attribute holds, which decides how it is read and what an expression must give. */
    public enum Kind {
        INT,
        /** Per-dimension sizes; an expression gives one value for every dimension. */
        INTS,
        BOOLEAN,
        REAL,
        /**
         * One constant of an enum of {@code dev.netcost} ({@code Interpolation.BILINEAR}), read as
         * the constant's name; a constant only, never an expression.
         */
        CHOICE,
        /** Not a layer attribute: a place for diagnostics only. */
        NONE,
        /**
         * The name of another tensor whose shape the layer reads, a field above or {@code input}
         * ({@code like = "input"}): a constant only, never an expression; empty when none is named.
         * The layer reads that tensor besides its input, so the walker resolves it as it resolves
         * {@code @From}.
         */
        TENSOR
    }

    /** The limits of {@code @Budget}, in declaration order. */
    public static final java.util.List<Attr> BUDGET_LIMITS =
            java.util.List.of(MAX_PARAMS, MAX_MACS, MAX_FLOPS, MAX_PEAK_MEMORY_BYTES, MAX_PARAM_BYTES,
                    MAX_ACTIVE_PARAMS, MAX_TRAINING_MEMORY_BYTES, MAX_STEP_FLOPS, MAX_INFERENCE_NANOS,
                    MAX_DECODE_NANOS_PER_TOKEN);

    /** The {@code @Budget} limits on a training step, which only a network with {@code @Training} has. */
    public static final java.util.Set<Attr> TRAINING_LIMITS =
            java.util.EnumSet.of(MAX_TRAINING_MEMORY_BYTES, MAX_STEP_FLOPS);

    /** The {@code @Budget} limits on a roofline time, which hold on the devices of {@code @Roofline}. */
    public static final java.util.Set<Attr> TIME_LIMITS =
            java.util.EnumSet.of(MAX_INFERENCE_NANOS, MAX_DECODE_NANOS_PER_TOKEN);

    private final String javaName;
    private final Kind kind;

    Attr(String javaName, Kind kind) {
        this.javaName = javaName;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The annotation member's name, as the user writes it. */
    public String javaName() {
        return javaName;
    }
}
