package dev.netcost.processor.model;

import static dev.netcost.processor.model.Attr.AFFINE;
import static dev.netcost.processor.model.Attr.ALIGN_CORNERS;
import static dev.netcost.processor.model.Attr.APPROXIMATE;
import static dev.netcost.processor.model.Attr.AUTO_PAD;
import static dev.netcost.processor.model.Attr.BIAS;
import static dev.netcost.processor.model.Attr.BIDIRECTIONAL;
import static dev.netcost.processor.model.Attr.BUCKETS;
import static dev.netcost.processor.model.Attr.CAUSAL;
import static dev.netcost.processor.model.Attr.CELL;
import static dev.netcost.processor.model.Attr.CEIL_MODE;
import static dev.netcost.processor.model.Attr.DILATION;
import static dev.netcost.processor.model.Attr.DIM;
import static dev.netcost.processor.model.Attr.HIDDEN;
import static dev.netcost.processor.model.Attr.LAYERS;
import static dev.netcost.processor.model.Attr.NONLINEARITY;
import static dev.netcost.processor.model.Attr.PROJ_SIZE;
import static dev.netcost.processor.model.Attr.RESET_AFTER;
import static dev.netcost.processor.model.Attr.GROUPS;
import static dev.netcost.processor.model.Attr.HEADS;
import static dev.netcost.processor.model.Attr.INDEX;
import static dev.netcost.processor.model.Attr.KERNEL;
import static dev.netcost.processor.model.Attr.KEY_BIAS;
import static dev.netcost.processor.model.Attr.KEY_WIDTH;
import static dev.netcost.processor.model.Attr.KV_HEADS;
import static dev.netcost.processor.model.Attr.LENGTH;
import static dev.netcost.processor.model.Attr.LIKE;
import static dev.netcost.processor.model.Attr.MEMORY;
import static dev.netcost.processor.model.Attr.LOGIT_SCALE;
import static dev.netcost.processor.model.Attr.MAX_DISTANCE;
import static dev.netcost.processor.model.Attr.MODE;
import static dev.netcost.processor.model.Attr.OUT;
import static dev.netcost.processor.model.Attr.OUT_BIAS;
import static dev.netcost.processor.model.Attr.OUTPUT;
import static dev.netcost.processor.model.Attr.OUTPUT_PADDING;
import static dev.netcost.processor.model.Attr.P;
import static dev.netcost.processor.model.Attr.PADDING;
import static dev.netcost.processor.model.Attr.PARAMETERS;
import static dev.netcost.processor.model.Attr.PARTS;
import static dev.netcost.processor.model.Attr.PATCH;
import static dev.netcost.processor.model.Attr.QUERY_BIAS;
import static dev.netcost.processor.model.Attr.ROTARY;
import static dev.netcost.processor.model.Attr.SCALE;
import static dev.netcost.processor.model.Attr.SHIFT;
import static dev.netcost.processor.model.Attr.SINUSOIDAL;
import static dev.netcost.processor.model.Attr.SIZE;
import static dev.netcost.processor.model.Attr.STRIDE;
import static dev.netcost.processor.model.Attr.TOKENS;
import static dev.netcost.processor.model.Attr.TRACK_RUNNING_STATS;
import static dev.netcost.processor.model.Attr.TYPES;
import static dev.netcost.processor.model.Attr.VALUE_BIAS;
import static dev.netcost.processor.model.Attr.VOCAB;
import static dev.netcost.processor.model.Attr.WINDOW;


/**
 * The registry of ops: one constant per layer annotation, named by the annotation's simple name,
 * and one case of {@link #build} saying how the attribute values become a {@link Computation}
 * (the compiler holds the two to each other: the switch is exhaustive). This is the only list of ops. What
 * attributes an op has, and which of them are required ({@code @dev.netcost.Required}), is read
 * from the annotation itself by {@code read/OpSignatures}, so it is not said twice;
 * {@code OpRegistryTest} fails when this list and the annotations of {@code dev.netcost} disagree.
 */
public enum OpKind {
    CONV("Conv"),
    CONV_TRANSPOSE("ConvTranspose"),
    LINEAR("Linear"),
    MAX_POOL("MaxPool"),
    AVG_POOL("AvgPool"),
    ADAPTIVE_AVG_POOL("AdaptiveAvgPool"),
    GLOBAL_AVG_POOL("GlobalAvgPool"),
    BATCH_NORM("BatchNorm"),
    RELU("ReLU"),
    RELU6("ReLU6"),
    SIGMOID("Sigmoid"),
    TANH("Tanh"),
    SILU("SiLU"),
    GELU("GELU"),
    HARDSWISH("Hardswish"),
    HARDSIGMOID("Hardsigmoid"),
    // The slope changes neither the shape nor a figure, so the op does not keep it.
    LEAKY_RELU("LeakyReLU"),
    PRELU("PReLU"),
    MISH("Mish"),
    QUICK_GELU("QuickGELU"),
    SOFTMAX("Softmax"),
    DROPOUT("Dropout"),
    FLATTEN("Flatten"),
    CHANNEL_SPLIT("ChannelSplit"),
    CHANNEL_SHUFFLE("ChannelShuffle"),
    EMBEDDING("Embedding"),
    POSITION_EMBEDDING("PositionEmbedding"),
    TOKEN_TYPE_EMBEDDING("TokenTypeEmbedding"),
    // bidirectional chooses buckets, which changes no figure, so the op does not keep it.
    RELATIVE_POSITION_BIAS("RelativePositionBias"),
    CLASS_TOKEN("ClassToken"),
    TO_TOKENS("ToTokens"),
    SELECT_TOKEN("SelectToken"),
    LAYER_NORM("LayerNorm"),
    RMS_NORM("RMSNorm"),
    GROUP_NORM("GroupNorm"),
    INSTANCE_NORM("InstanceNorm"),
    MULTI_HEAD_ATTENTION("MultiHeadAttention"),
    CROSS_ATTENTION("CrossAttention"),
    UPSAMPLE("Upsample"),
    CENTER_CROP("CenterCrop"),
    ZERO_PAD("ZeroPad"),
    ADD("Add"),
    CONCAT("Concat"),
    MUL("Mul"),
    COSINE_SIMILARITY("CosineSimilarity"),
    CHANNELS_LAST("ChannelsLast"),
    CHANNELS_FIRST("ChannelsFirst"),
    STOCHASTIC_DEPTH("StochasticDepth"),
    TO_MAP("ToMap"),
    CHUNK("Chunk"),
    UNFOLD("Unfold"),
    FOLD("Fold"),
    WINDOW_ATTENTION("WindowAttention"),
    PATCH_MERGING("PatchMerging"),
    LAYER_NORM_2D("LayerNorm2d"),
    LAYER_SCALE("LayerScale"),
    LSTM("LSTM"),
    GRU("GRU"),
    RNN("RNN"),
    // Its value names the layer it reads, its input, as @From's does: no attribute of the op.
    FINAL_STATE("FinalState");
    private final String annotationName;

    OpKind(String annotationName) {
        this.annotationName = annotationName;
    }

    /**
     * The layer annotation's qualified name, in package {@code dev.netcost}. A name rather than
     * the class, so that the processor does not load every annotation of the DSL to know them
     * ({@code OpRegistryTest} holds each name to its class).
     */
    public String qualifiedName() {
        return "dev.netcost." + annotationName;
    }

    /** The annotation's simple name: {@code Conv}. */
    public String annotationName() {
        return annotationName;
    }

    /**
     * Whether the layer reads several tensors ({@code @Add}) rather than one. A merge's
     * {@code value} lists those tensors; it is no attribute of the op.
     */
    public boolean isMerge() {
        return this == ADD || this == CONCAT || this == MUL || this == COSINE_SIMILARITY;
    }

    /**
     * Whether its {@code value} names the tensors it reads, which are then no attribute of the op:
     * a merge's, and {@code @FinalState}'s one recurrent layer.
     */
    public boolean namesItsInputs() {
        return isMerge() || this == FINAL_STATE;
    }

    /** The op for these values; checks nothing, as {@link Computation#validate()} does that. */
    public Computation build(AttrValues v) {
        // A switch rather than a function per constant: 60 lambdas spun at class initialization
        // cost a cold compile more than the whole of netcost's own work (docs/architecture.md).
        return switch (this) {
            case CONV -> new Conv(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING), v.ints(DILATION),
                    v.integer(GROUPS), v.bool(BIAS), v.choice(AUTO_PAD, dev.netcost.Padding.class));
            case CONV_TRANSPOSE -> new ConvTranspose(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING),
                    v.ints(OUTPUT_PADDING), v.ints(DILATION), v.integer(GROUPS), v.bool(BIAS));
            case LINEAR -> new Linear(v.integer(OUT), v.bool(BIAS));
            case MAX_POOL -> new MaxPool(new PoolWindow(v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING),
                    v.ints(DILATION), v.bool(CEIL_MODE)));
            case AVG_POOL -> AvgPool.of(v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING), v.bool(CEIL_MODE));
            case ADAPTIVE_AVG_POOL -> new AdaptiveAvgPool(v.ints(OUTPUT));
            case GLOBAL_AVG_POOL -> new GlobalAvgPool();
            case BATCH_NORM -> new BatchNorm();
            case RELU -> new Activation(Activation.Kind.RELU);
            case RELU6 -> new Activation(Activation.Kind.RELU6);
            case SIGMOID -> new Activation(Activation.Kind.SIGMOID);
            case TANH -> new Activation(Activation.Kind.TANH);
            case SILU -> new Activation(Activation.Kind.SILU);
            case GELU -> Activation.gelu(v.choice(APPROXIMATE, dev.netcost.Approximate.class));
            case HARDSWISH -> new Activation(Activation.Kind.HARDSWISH);
            case HARDSIGMOID -> new Activation(Activation.Kind.HARDSIGMOID);
            case LEAKY_RELU -> new Activation(Activation.Kind.LEAKY_RELU);
            case PRELU -> new PRelu(v.integer(PARAMETERS));
            case MISH -> new Activation(Activation.Kind.MISH);
            case QUICK_GELU -> new Activation(Activation.Kind.QUICK_GELU);
            case SOFTMAX -> new Softmax();
            case DROPOUT -> new Dropout(v.real(P));
            case FLATTEN -> new Flatten();
            case CHANNEL_SPLIT -> new ChannelSplit(v.integer(PARTS), v.integer(INDEX));
            case CHANNEL_SHUFFLE -> new ChannelShuffle(v.integer(GROUPS));
            case EMBEDDING -> new Embedding(v.integer(VOCAB), v.integer(DIM));
            case POSITION_EMBEDDING -> new PositionEmbedding(v.integer(LENGTH), v.bool(SINUSOIDAL));
            case TOKEN_TYPE_EMBEDDING -> new TokenTypeEmbedding(v.integer(TYPES));
            case RELATIVE_POSITION_BIAS -> new RelativePositionBias(v.integer(BUCKETS), v.integer(HEADS),
                    v.integer(MAX_DISTANCE), v.bool(BIDIRECTIONAL));
            case CLASS_TOKEN -> new ClassToken(v.integer(TOKENS));
            case TO_TOKENS -> new ToTokens();
            case SELECT_TOKEN -> new SelectToken(v.integer(INDEX));
            case LAYER_NORM -> new LayerNorm(v.bool(AFFINE), v.bool(BIAS));
            case RMS_NORM -> new RmsNorm();
            case GROUP_NORM -> new GroupNorm(v.integer(GROUPS), v.bool(AFFINE));
            case INSTANCE_NORM -> new InstanceNorm(v.bool(AFFINE), v.bool(TRACK_RUNNING_STATS));
            case MULTI_HEAD_ATTENTION -> new Attention(v.integer(HEADS), v.integer(KV_HEADS),
                    ProjectionBiases.of(v.bool(BIAS), v.bool(QUERY_BIAS), v.bool(KEY_BIAS), v.bool(VALUE_BIAS),
                    v.bool(OUT_BIAS)), v.bool(CAUSAL), v.bool(ROTARY));
            case CROSS_ATTENTION -> new CrossAttention(v.integer(HEADS), v.integer(KV_HEADS), v.name(MEMORY),
                    v.integer(KEY_WIDTH), ProjectionBiases.of(v.bool(BIAS), v.bool(QUERY_BIAS), v.bool(KEY_BIAS),
                    v.bool(VALUE_BIAS), v.bool(OUT_BIAS)));
            case UPSAMPLE -> new Upsample(v.ints(SCALE), v.ints(SIZE), v.name(LIKE), v.choice(MODE,
                    dev.netcost.Interpolation.class), v.bool(ALIGN_CORNERS));
            case CENTER_CROP -> new CenterCrop(v.name(LIKE));
            case ZERO_PAD -> new ZeroPad(v.ints(PADDING));
            case ADD -> new Add();
            case CONCAT -> new Concat();
            case MUL -> new Mul();
            case COSINE_SIMILARITY -> new CosineSimilarity(v.bool(LOGIT_SCALE));
            case CHANNELS_LAST -> new ChannelsLast();
            case CHANNELS_FIRST -> new ChannelsFirst();
            case STOCHASTIC_DEPTH -> new StochasticDepth(v.real(P), v.choice(MODE,
                    dev.netcost.StochasticDepth.Mode.class));
            case TO_MAP -> new ToMap(v.ints(SIZE));
            case CHUNK -> new Chunk(v.integer(PARTS), v.integer(INDEX));
            case UNFOLD -> new Unfold(v.ints(PATCH));
            case FOLD -> new Fold(v.ints(PATCH), v.ints(SIZE));
            case WINDOW_ATTENTION -> new WindowAttention(v.integer(HEADS), v.ints(WINDOW), v.ints(SHIFT), v.bool(BIAS));
            case PATCH_MERGING -> new PatchMerging();
            case LAYER_NORM_2D -> new LayerNorm2d(v.bool(AFFINE), v.bool(BIAS));
            case LAYER_SCALE -> new LayerScale();
            case LSTM -> Recurrent.lstm(v.integer(HIDDEN), v.integer(LAYERS), v.bool(BIDIRECTIONAL), v.bool(BIAS),
                    v.integer(PROJ_SIZE), v.real(Attr.DROPOUT));
            case GRU -> Recurrent.gru(v.integer(HIDDEN), v.integer(LAYERS), v.bool(BIDIRECTIONAL), v.bool(BIAS),
                    v.bool(RESET_AFTER), v.real(Attr.DROPOUT));
            case RNN -> Recurrent.rnn(v.integer(HIDDEN), v.integer(LAYERS), v.bool(BIDIRECTIONAL), v.bool(BIAS),
                    v.real(Attr.DROPOUT), v.choice(NONLINEARITY, dev.netcost.RNN.Nonlinearity.class));
            case FINAL_STATE -> new FinalState(v.bool(CELL));
        };
    }
}
