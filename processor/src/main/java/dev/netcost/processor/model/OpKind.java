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

import java.lang.annotation.Annotation;
import java.util.function.Function;

/**
 * The registry of ops: one line per layer annotation, keyed by the annotation's class, saying
 * how the attribute values become a {@link Computation}. This is the only list of ops. What
 * attributes an op has, and which of them are required ({@code @dev.netcost.Required}), is read
 * from the annotation itself by {@code read/OpSignatures}, so it is not said twice;
 * {@code OpRegistryTest} fails when this list and the annotations of {@code dev.netcost} disagree.
 */
public enum OpKind {
    CONV(dev.netcost.Conv.class, v -> new Conv(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING),
            v.ints(DILATION), v.integer(GROUPS), v.bool(BIAS), v.choice(AUTO_PAD, dev.netcost.Padding.class))),
    CONV_TRANSPOSE(dev.netcost.ConvTranspose.class, v -> new ConvTranspose(v.integer(OUT), v.ints(KERNEL),
            v.ints(STRIDE), v.ints(PADDING), v.ints(OUTPUT_PADDING), v.ints(DILATION), v.integer(GROUPS),
            v.bool(BIAS))),
    LINEAR(dev.netcost.Linear.class, v -> new Linear(v.integer(OUT), v.bool(BIAS))),
    MAX_POOL(dev.netcost.MaxPool.class, v -> new MaxPool(new PoolWindow(v.ints(KERNEL), v.ints(STRIDE),
            v.ints(PADDING), v.ints(DILATION), v.bool(CEIL_MODE)))),
    AVG_POOL(dev.netcost.AvgPool.class, v -> AvgPool.of(v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING),
            v.bool(CEIL_MODE))),
    ADAPTIVE_AVG_POOL(dev.netcost.AdaptiveAvgPool.class, v -> new AdaptiveAvgPool(v.ints(OUTPUT))),
    GLOBAL_AVG_POOL(dev.netcost.GlobalAvgPool.class, v -> new GlobalAvgPool()),
    BATCH_NORM(dev.netcost.BatchNorm.class, v -> new BatchNorm()),
    RELU(dev.netcost.ReLU.class, v -> new Activation(Activation.Kind.RELU)),
    RELU6(dev.netcost.ReLU6.class, v -> new Activation(Activation.Kind.RELU6)),
    SIGMOID(dev.netcost.Sigmoid.class, v -> new Activation(Activation.Kind.SIGMOID)),
    TANH(dev.netcost.Tanh.class, v -> new Activation(Activation.Kind.TANH)),
    SILU(dev.netcost.SiLU.class, v -> new Activation(Activation.Kind.SILU)),
    GELU(dev.netcost.GELU.class, v -> Activation.gelu(v.choice(APPROXIMATE, dev.netcost.Approximate.class))),
    HARDSWISH(dev.netcost.Hardswish.class, v -> new Activation(Activation.Kind.HARDSWISH)),
    HARDSIGMOID(dev.netcost.Hardsigmoid.class, v -> new Activation(Activation.Kind.HARDSIGMOID)),
    // The slope changes neither the shape nor a figure, so the op does not keep it.
    LEAKY_RELU(dev.netcost.LeakyReLU.class, v -> new Activation(Activation.Kind.LEAKY_RELU)),
    PRELU(dev.netcost.PReLU.class, v -> new PRelu(v.integer(PARAMETERS))),
    MISH(dev.netcost.Mish.class, v -> new Activation(Activation.Kind.MISH)),
    QUICK_GELU(dev.netcost.QuickGELU.class, v -> new Activation(Activation.Kind.QUICK_GELU)),
    SOFTMAX(dev.netcost.Softmax.class, v -> new Softmax()),
    DROPOUT(dev.netcost.Dropout.class, v -> new Dropout(v.real(P))),
    FLATTEN(dev.netcost.Flatten.class, v -> new Flatten()),
    CHANNEL_SPLIT(dev.netcost.ChannelSplit.class, v -> new ChannelSplit(v.integer(PARTS), v.integer(INDEX))),
    CHANNEL_SHUFFLE(dev.netcost.ChannelShuffle.class, v -> new ChannelShuffle(v.integer(GROUPS))),
    EMBEDDING(dev.netcost.Embedding.class, v -> new Embedding(v.integer(VOCAB), v.integer(DIM))),
    POSITION_EMBEDDING(dev.netcost.PositionEmbedding.class, v -> new PositionEmbedding(v.integer(LENGTH),
            v.bool(SINUSOIDAL))),
    TOKEN_TYPE_EMBEDDING(dev.netcost.TokenTypeEmbedding.class, v -> new TokenTypeEmbedding(v.integer(TYPES))),
    // bidirectional chooses buckets, which changes no figure, so the op does not keep it.
    RELATIVE_POSITION_BIAS(dev.netcost.RelativePositionBias.class, v -> new RelativePositionBias(v.integer(BUCKETS),
            v.integer(HEADS), v.integer(MAX_DISTANCE), v.bool(BIDIRECTIONAL))),
    CLASS_TOKEN(dev.netcost.ClassToken.class, v -> new ClassToken(v.integer(TOKENS))),
    TO_TOKENS(dev.netcost.ToTokens.class, v -> new ToTokens()),
    SELECT_TOKEN(dev.netcost.SelectToken.class, v -> new SelectToken(v.integer(INDEX))),
    LAYER_NORM(dev.netcost.LayerNorm.class, v -> new LayerNorm(v.bool(AFFINE), v.bool(BIAS))),
    RMS_NORM(dev.netcost.RMSNorm.class, v -> new RmsNorm()),
    GROUP_NORM(dev.netcost.GroupNorm.class, v -> new GroupNorm(v.integer(GROUPS), v.bool(AFFINE))),
    INSTANCE_NORM(dev.netcost.InstanceNorm.class, v -> new InstanceNorm(v.bool(AFFINE), v.bool(TRACK_RUNNING_STATS))),
    MULTI_HEAD_ATTENTION(dev.netcost.MultiHeadAttention.class, v -> new Attention(v.integer(HEADS),
            v.integer(KV_HEADS), ProjectionBiases.of(v.bool(BIAS), v.bool(QUERY_BIAS), v.bool(KEY_BIAS),
                    v.bool(VALUE_BIAS), v.bool(OUT_BIAS)), v.bool(CAUSAL), v.bool(ROTARY))),
    CROSS_ATTENTION(dev.netcost.CrossAttention.class, v -> new CrossAttention(v.integer(HEADS), v.integer(KV_HEADS),
            v.name(MEMORY), v.integer(KEY_WIDTH), ProjectionBiases.of(v.bool(BIAS), v.bool(QUERY_BIAS),
                    v.bool(KEY_BIAS), v.bool(VALUE_BIAS), v.bool(OUT_BIAS)))),
    UPSAMPLE(dev.netcost.Upsample.class, v -> new Upsample(v.ints(SCALE), v.ints(SIZE), v.name(LIKE),
            v.choice(MODE, dev.netcost.Interpolation.class), v.bool(ALIGN_CORNERS))),
    CENTER_CROP(dev.netcost.CenterCrop.class, v -> new CenterCrop(v.name(LIKE))),
    ZERO_PAD(dev.netcost.ZeroPad.class, v -> new ZeroPad(v.ints(PADDING))),
    ADD(dev.netcost.Add.class, v -> new Add()),
    CONCAT(dev.netcost.Concat.class, v -> new Concat()),
    MUL(dev.netcost.Mul.class, v -> new Mul()),
    COSINE_SIMILARITY(dev.netcost.CosineSimilarity.class, v -> new CosineSimilarity(v.bool(LOGIT_SCALE))),
    CHANNELS_LAST(dev.netcost.ChannelsLast.class, v -> new ChannelsLast()),
    CHANNELS_FIRST(dev.netcost.ChannelsFirst.class, v -> new ChannelsFirst()),
    STOCHASTIC_DEPTH(dev.netcost.StochasticDepth.class, v -> new StochasticDepth(v.real(P),
            v.choice(MODE, dev.netcost.StochasticDepth.Mode.class))),
    TO_MAP(dev.netcost.ToMap.class, v -> new ToMap(v.ints(SIZE))),
    CHUNK(dev.netcost.Chunk.class, v -> new Chunk(v.integer(PARTS), v.integer(INDEX))),
    UNFOLD(dev.netcost.Unfold.class, v -> new Unfold(v.ints(PATCH))),
    FOLD(dev.netcost.Fold.class, v -> new Fold(v.ints(PATCH), v.ints(SIZE))),
    WINDOW_ATTENTION(dev.netcost.WindowAttention.class, v -> new WindowAttention(v.integer(HEADS), v.ints(WINDOW),
            v.ints(SHIFT), v.bool(BIAS))),
    PATCH_MERGING(dev.netcost.PatchMerging.class, v -> new PatchMerging()),
    LAYER_NORM_2D(dev.netcost.LayerNorm2d.class, v -> new LayerNorm2d(v.bool(AFFINE), v.bool(BIAS))),
    LAYER_SCALE(dev.netcost.LayerScale.class, v -> new LayerScale()),
    LSTM(dev.netcost.LSTM.class, v -> Recurrent.lstm(v.integer(HIDDEN), v.integer(LAYERS), v.bool(BIDIRECTIONAL),
            v.bool(BIAS), v.integer(PROJ_SIZE), v.real(Attr.DROPOUT))),
    GRU(dev.netcost.GRU.class, v -> Recurrent.gru(v.integer(HIDDEN), v.integer(LAYERS), v.bool(BIDIRECTIONAL),
            v.bool(BIAS), v.bool(RESET_AFTER), v.real(Attr.DROPOUT))),
    RNN(dev.netcost.RNN.class, v -> Recurrent.rnn(v.integer(HIDDEN), v.integer(LAYERS), v.bool(BIDIRECTIONAL),
            v.bool(BIAS), v.real(Attr.DROPOUT), v.choice(NONLINEARITY, dev.netcost.RNN.Nonlinearity.class))),
    // Its value names the layer it reads, its input, as @From's does: no attribute of the op.
    FINAL_STATE(dev.netcost.FinalState.class, v -> new FinalState(v.bool(CELL)));

    private final Class<? extends Annotation> annotation;
    private final Function<AttrValues, Computation> factory;

    OpKind(Class<? extends Annotation> annotation, Function<AttrValues, Computation> factory) {
        this.annotation = annotation;
        this.factory = factory;
    }

    /** The layer annotation, in package {@code dev.netcost}. */
    public Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** The annotation's simple name: {@code Conv}. */
    public String annotationName() {
        return annotation.getSimpleName();
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
    public Computation build(AttrValues values) {
        return factory.apply(values);
    }
}
