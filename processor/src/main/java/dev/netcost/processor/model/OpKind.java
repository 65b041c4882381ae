package dev.netcost.processor.model;

import static dev.netcost.processor.model.Attr.BIAS;
import static dev.netcost.processor.model.Attr.CAUSAL;
import static dev.netcost.processor.model.Attr.CEIL_MODE;
import static dev.netcost.processor.model.Attr.DILATION;
import static dev.netcost.processor.model.Attr.DIM;
import static dev.netcost.processor.model.Attr.GROUPS;
import static dev.netcost.processor.model.Attr.HEADS;
import static dev.netcost.processor.model.Attr.INDEX;
import static dev.netcost.processor.model.Attr.KERNEL;
import static dev.netcost.processor.model.Attr.KV_HEADS;
import static dev.netcost.processor.model.Attr.LENGTH;
import static dev.netcost.processor.model.Attr.OUT;
import static dev.netcost.processor.model.Attr.OUTPUT;
import static dev.netcost.processor.model.Attr.OUTPUT_PADDING;
import static dev.netcost.processor.model.Attr.P;
import static dev.netcost.processor.model.Attr.PADDING;
import static dev.netcost.processor.model.Attr.PARTS;
import static dev.netcost.processor.model.Attr.ROTARY;
import static dev.netcost.processor.model.Attr.STRIDE;
import static dev.netcost.processor.model.Attr.TOKENS;
import static dev.netcost.processor.model.Attr.TYPES;
import static dev.netcost.processor.model.Attr.VOCAB;

import java.util.List;
import java.util.function.Function;

/**
 * Every layer annotation: its attributes, which of them must be given, and how their values
 * become a {@link Computation}. The annotation {@code dev.netcost.Conv} is {@link #CONV}; adding an
 * op adds one constant here.
 */
public enum OpKind {
    CONV("Conv", List.of(OUT, KERNEL, STRIDE, PADDING, DILATION, GROUPS, BIAS), List.of(OUT, KERNEL),
            v -> new Conv(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING), v.ints(DILATION),
                    v.integer(GROUPS), v.bool(BIAS))),
    CONV_TRANSPOSE("ConvTranspose", List.of(OUT, KERNEL, STRIDE, PADDING, OUTPUT_PADDING, DILATION, GROUPS, BIAS),
            List.of(OUT, KERNEL), v -> new ConvTranspose(v.integer(OUT), v.ints(KERNEL), v.ints(STRIDE),
                    v.ints(PADDING), v.ints(OUTPUT_PADDING), v.ints(DILATION), v.integer(GROUPS), v.bool(BIAS))),
    LINEAR("Linear", List.of(OUT, BIAS), List.of(OUT), v -> new Linear(v.integer(OUT), v.bool(BIAS))),
    MAX_POOL("MaxPool", List.of(KERNEL, STRIDE, PADDING, DILATION, CEIL_MODE), List.of(KERNEL),
            v -> new MaxPool(new PoolWindow(v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING), v.ints(DILATION),
                    v.bool(CEIL_MODE)))),
    AVG_POOL("AvgPool", List.of(KERNEL, STRIDE, PADDING, CEIL_MODE), List.of(KERNEL),
            v -> AvgPool.of(v.ints(KERNEL), v.ints(STRIDE), v.ints(PADDING), v.bool(CEIL_MODE))),
    ADAPTIVE_AVG_POOL("AdaptiveAvgPool", List.of(OUTPUT), List.of(OUTPUT), v -> new AdaptiveAvgPool(v.ints(OUTPUT))),
    GLOBAL_AVG_POOL("GlobalAvgPool", v -> new GlobalAvgPool()),
    BATCH_NORM("BatchNorm", v -> new BatchNorm()),
    RELU("ReLU", v -> new Activation(Activation.Kind.RELU)),
    RELU6("ReLU6", v -> new Activation(Activation.Kind.RELU6)),
    SIGMOID("Sigmoid", v -> new Activation(Activation.Kind.SIGMOID)),
    TANH("Tanh", v -> new Activation(Activation.Kind.TANH)),
    SILU("SiLU", v -> new Activation(Activation.Kind.SILU)),
    GELU("GELU", v -> new Activation(Activation.Kind.GELU)),
    HARDSWISH("Hardswish", v -> new Activation(Activation.Kind.HARDSWISH)),
    HARDSIGMOID("Hardsigmoid", v -> new Activation(Activation.Kind.HARDSIGMOID)),
    SOFTMAX("Softmax", v -> new Softmax()),
    DROPOUT("Dropout", List.of(P), List.of(), v -> new Dropout(v.real(P))),
    FLATTEN("Flatten", v -> new Flatten()),
    CHANNEL_SPLIT("ChannelSplit", List.of(PARTS, INDEX), List.of(), v -> new ChannelSplit(v.integer(PARTS),
            v.integer(INDEX))),
    CHANNEL_SHUFFLE("ChannelShuffle", List.of(GROUPS), List.of(), v -> new ChannelShuffle(v.integer(GROUPS))),
    EMBEDDING("Embedding", List.of(VOCAB, DIM), List.of(VOCAB, DIM), v -> new Embedding(v.integer(VOCAB),
            v.integer(DIM))),
    POSITION_EMBEDDING("PositionEmbedding", List.of(LENGTH), List.of(LENGTH),
            v -> new PositionEmbedding(v.integer(LENGTH))),
    TOKEN_TYPE_EMBEDDING("TokenTypeEmbedding", List.of(TYPES), List.of(),
            v -> new TokenTypeEmbedding(v.integer(TYPES))),
    CLASS_TOKEN("ClassToken", List.of(TOKENS), List.of(), v -> new ClassToken(v.integer(TOKENS))),
    TO_TOKENS("ToTokens", v -> new ToTokens()),
    SELECT_TOKEN("SelectToken", List.of(INDEX), List.of(), v -> new SelectToken(v.integer(INDEX))),
    LAYER_NORM("LayerNorm", List.of(BIAS), List.of(), v -> new LayerNorm(v.bool(BIAS))),
    RMS_NORM("RMSNorm", v -> new RmsNorm()),
    MULTI_HEAD_ATTENTION("MultiHeadAttention", List.of(HEADS, KV_HEADS, BIAS, CAUSAL, ROTARY), List.of(HEADS),
            v -> new Attention(v.integer(HEADS), v.integer(KV_HEADS), v.bool(BIAS), v.bool(CAUSAL), v.bool(ROTARY))),
    ADD("Add", v -> new Add()),
    CONCAT("Concat", v -> new Concat()),
    MUL("Mul", v -> new Mul());

    private final String annotationName;
    private final List<Attr> attrs;
    private final List<Attr> required;
    private final Function<AttrValues, Computation> factory;

    OpKind(String annotationName, List<Attr> attrs, List<Attr> required, Function<AttrValues, Computation> factory) {
        this.annotationName = annotationName;
        this.attrs = attrs;
        this.required = required;
        this.factory = factory;
    }

    OpKind(String annotationName, Function<AttrValues, Computation> factory) {
        this(annotationName, List.of(), List.of(), factory);
    }

    /** The annotation's simple name, in package {@code dev.netcost}. */
    public String annotationName() {
        return annotationName;
    }

    /** The attributes the annotation has, in declaration order. */
    public List<Attr> attrs() {
        return attrs;
    }

    /** The attributes without a usable default: written on the annotation or given by {@code @With}. */
    public List<Attr> required() {
        return required;
    }

    /** Whether the layer reads several tensors ({@code @Add}) rather than one. */
    public boolean isMerge() {
        return this == ADD || this == CONCAT || this == MUL;
    }

    /** The op for these values; checks nothing, as {@link Computation#validate()} does that. */
    public Computation build(AttrValues values) {
        return factory.apply(values);
    }
}
