package dev.netcost.processor.model;

import java.util.Locale;
import java.util.TreeSet;

/**
 * Every message netcost prints, each beside its id: the catalogue, as MapStruct's {@code Message}.
 *
 * <p><b>Why one place.</b> A message is what a user of netcost reads instead of its code, so its
 * texts deserve the review code gets. Written at its call site, a text is built by
 * concatenation across several lines, and nobody sees two texts side by side: the same mistake
 * gets two wordings, a fix is given in one message and left out of its neighbour, an id is
 * chosen twice for one mistake (as {@code groups} and {@code channels} once were). Here every
 * text is one constant under its id, in the order of {@link ProblemKind}, which is the order of the
 * README's error table ("Errors you can meet", keyed by the ids): reviewable and consistent
 * together, searchable from a message a user pastes, translatable in one file should that ever
 * be wanted. {@code MessageTest} holds the catalogue: every constant is used by the code, no two
 * have one template, every template's placeholders are numbered without gaps.
 *
 * <p><b>A constant</b> is one message: its id (a {@link DiagnosticId}: for an error the
 * {@link ProblemKind}, for a lint the {@link Lint}, for a warning about an option
 * {@link OptionWarning#OPTION}) and its template, a {@link java.util.Formatter} string with only
 * {@code %s}, {@code %d}, their numbered forms {@code %1$s} and {@code %%}, formatted in
 * {@link Locale#ROOT}. Numbers are {@code %d}, so that a {@code String} where a number belongs
 * fails at once; a number printed {@code Summary.grouped} ({@code 4,089,184,256}) or a
 * {@code double} as Java prints it is {@code %s}. The call site passes the values in the
 * template's order and gets the text ({@link #text}), the text with its id ({@link #format}), the
 * {@link Fault} of an error ({@link #on}, {@link #onAnnotation}) or a lint's finding
 * ({@code Finding.of}); the number of values is checked, since varargs are not. An error's
 * message cannot make a finding, nor a lint's a fault: {@link #kind} and {@link #lint} refuse the
 * other family. The name says the mistake, not the op that finds it, so that an op that finds it
 * too reuses it: {@link #BELOW_MINIMUM}.
 *
 * <p><b>What is not a constant.</b> Framing that every message of a stage gets, said once where
 * it is added: the walker's {@code conv2 on input (96, 27, 27): } prefix and a shape lint's like
 * it, the field's {@code conv: } before an op's own words ({@code AttributeChecks}), a repeated
 * lint's {@code (and in 3 more instances)}, a value fed by several arguments of a block's use
 * ({@code ; groups comes from a = 1 and b = 3}, {@code Origin}), the id prefix
 * {@code [netcost:channels] } ({@link DiagnosticId#format}). And fragments that are values, not
 * sentences, computed by the code that knows them and passed as an argument: a merge's inputs
 * ({@code Merge.describe}), the divisors a fix suggests ({@code Attention.divisors}), a budget's
 * largest contributors, a list of names quoted and joined, what an attribute counts
 * ({@code number of output channels}), what a constant of the companion holds. A message that
 * ends in a varying clause (a fix that depends on the input) is two constants, one per clause,
 * not a template with a clause argument: {@link #TOKENS_NEEDED_NOT_IDS} and
 * {@link #TOKENS_NEEDED_NOT_FEATURE_MAP}; so is a clause said or left out
 * ({@link #KERNEL_LARGER_THAN_INPUT} and its dilated and padded forms, {@link #TIED_TO_ITSELF}
 * and {@link #TIED_TO_ITSELF_NAMING_LAYERS_ABOVE}), and one name or several
 * ({@link #UNKNOWN_REPORT}, {@link #UNKNOWN_REPORTS}). A clause said once per dimension and
 * joined by the code is a constant of its own, under its message's id: {@link #UNREAD_CELLS}. An
 * expression's own words (an {@code ExprException}'s, {@link #WRONG_TYPE}, an
 * {@code ArithmeticException}'s) are constants too, and the last value of the message that says
 * what is written: {@link #EXPRESSION_INVALID},
 * {@link #EVALUATION_FAILED}. Nor is a text a message that only a bug in netcost shows (an
 * {@code IllegalStateException}'s, seen in {@link #INTERNAL_ERROR}'s trace), nor what netcost
 * writes rather than reports: the companion's code and Javadoc, the summary, the reports.
 *
 * <p><b>Who calls it.</b>
 * <ul>
 *   <li><b>The model's own errors</b>: the window checks ({@code Window}, {@code Pooling}) and the
 *       op records call {@code Message.X.on(attr, values...)}. The expression language
 *       ({@code model/expr}) throws an {@code ExprException} that holds its constant and values,
 *       whose {@code getMessage()} is their text; every parse error with a place ends in
 *       {@code at column %d of "%s"}. Its {@code ArithmeticException}s are worded here too
 *       ({@link #DIVISION_BY_ZERO}); {@code Math.*Exact}'s {@code long overflow} is the JDK's.
 *   <li><b>The reader's errors</b> ({@code read/}, and the unresolved network and the name clash
 *       in {@code NetworkProcessor}): {@code read} may not be imported here (it has javac types),
 *       so {@code LocatedProblem.of(message, where, values...)} places one. Their texts name the
 *       field themselves ({@code "%s: a layer field must have the type ..."}): nothing frames them.
 *   <li><b>Inference</b> ({@code infer/}): {@link #on} an attribute, {@link #onAnnotation}, or
 *       {@link #onArgument} for the value of a block's argument where the block is used. A text
 *       only inference says names the field or network itself ({@link #TIED_TO_NO_FIELD},
 *       {@link #DECODER_WITHOUT_ATTENTION}); one it shares is framed where it is added
 *       ({@link #FIGURE_OVERFLOW} after a field's name or a layer's path and input,
 *       {@link #BELOW_MINIMUM} after the network's name for its batch).
 *   <li><b>Budget overruns</b> ({@code BudgetCheck}): one constant per limit, as
 *       {@link #OVER_MAX_PARAMS}, taking the grouped figure, limit and excess, the share
 *       ({@code " (2.2 %)"}, empty for a limit of 0) and what contributes most, fragments made by
 *       {@code BudgetCheck}; a negative limit is {@link #BELOW_MINIMUM}.
 *   <li><b>The companion's names</b> ({@code write/CompanionNames}): a field's or block
 *       instance's constants named as netcost's own or another's, one constant per owner of the
 *       name and per fix ({@link #FIELD_CONSTANT_NAMES_TAKEN}).
 *   <li><b>The internal error</b> ({@code check/DiagnosticReporter}): {@link #INTERNAL_ERROR},
 *       with the trace of the exception netcost did not expect.
 *   <li><b>Lints</b>: {@link Lint} holds ids only, in this package beside {@link ProblemKind}
 *       (model may not import {@code lint}). {@code LintRules} writes
 *       {@code Finding.of(Message.DEAD_BRANCH, block, node, attr, values...)}, which takes the
 *       lint from {@link #lint}, so a finding's lint and its text cannot disagree.
 *   <li><b>Option warnings</b> ({@code ProcessorOptions}): about no declaration and not
 *       suppressible, so neither an error nor a lint; their id is {@link OptionWarning#OPTION},
 *       and {@code ProcessorOptions} calls
 *       {@code warn.accept(Message.UNKNOWN_REPORT.format(REPORTS, name))}. The README test takes
 *       the ids of its error table from {@link ProblemKind} and {@link OptionWarning}.
 * </ul>
 * No id constant ({@code ProblemKind.X}, {@code Lint.X}, {@code OptionWarning.X}) is named in the
 * main code outside this file and the id enums, so that a text written beside the code that finds
 * it cannot escape the catalogue: {@code MessageTest} asserts it of the whole of
 * {@code src/main/java}. A {@link Fault} is made here, or moved whole to another place (a fault
 * met in a block moved to the argument it came from), never made with a text to be written later.
 *
 * Constants stay grouped by id, the error ids in {@link ProblemKind}'s order, then the lints in
 * {@link Lint}'s order, then the option warnings ({@code MessageTest} holds the order).
 */
public enum Message {
    // no-input
    /** The network. */
    NO_INPUT_SHAPE(ProblemKind.NO_INPUT, "%s: input = {} gives no input shape, and no field is an @Input; give one"
            + " sample's shape, channels first, such as input = {3, 224, 224}, or declare @Input fields"),
    /** The field. */
    INPUT_FIELD_WITHOUT_SHAPE(ProblemKind.NO_INPUT, "%s: @Input gives no shape; give one sample's, such as"
            + " shape = {3, 224, 224}"),
    /** The field. */
    NOTHING_ABOVE(ProblemKind.NO_INPUT, "%s reads the field above it, but it is the network's first field and the"
            + " network has no input = {...}; declare an @Input above it"),

    // input-rank
    /** The network, the dimensions given. */
    INPUT_RANK_TOO_HIGH(ProblemKind.INPUT_RANK, "%s: input has %d dimensions; netcost takes {F}, {C, L}, {C, H, W}"
            + " or {C, D, H, W} for one sample, without the batch (set that with batch = N)"),
    /** The field, the dimensions given. */
    INPUT_FIELD_RANK_TOO_HIGH(ProblemKind.INPUT_RANK, "%s: shape has %d dimensions; netcost takes {F}, {C, L},"
            + " {C, H, W} or {C, D, H, W} for one sample, without the batch (set that with @Network(batch = N))"),
    /** The field or network, the attribute of the kind, the kind, what it takes, the dimensions given. */
    INPUT_KIND_RANK(ProblemKind.INPUT_RANK, "%s: %s = %s takes %s, not %s"),

    // out-of-range
    /** {@code groups = 0 must be at least 1}: the attribute's name, its value, its minimum. */
    BELOW_MINIMUM(ProblemKind.OUT_OF_RANGE, "%s = %d must be at least %d"),
    NOT_A_PROBABILITY(ProblemKind.OUT_OF_RANGE, "%s = %s is not a probability; use a value from 0 to 1"),
    /** The index, the last part's index, the number of parts. */
    SPLIT_INDEX_OUT_OF_RANGE(ProblemKind.OUT_OF_RANGE, "index = %d must be from 0 to %d, one of the %d parts"),
    /** The index, the number of tokens, the lowest and the highest index. */
    TOKEN_INDEX_OUT_OF_RANGE(ProblemKind.OUT_OF_RANGE,
            "index = %d is not one of the %d tokens: it must be from %d to %d"),
    /** The field, the count. */
    REPEAT_BELOW_ONE(ProblemKind.OUT_OF_RANGE, "%s: @Repeat(%d) must be at least 1"),
    /** The field, the count, the bound. */
    REPEAT_ABOVE_MAXIMUM(ProblemKind.OUT_OF_RANGE, "%s: @Repeat(%d) is above netcost's bound of %d: netcost"
            + " expands every instance of a repeated block to infer it, and 100,000 instances already take about 2 s"
            + " and 100 MB, so a count beyond the bound would exhaust the compiler's memory; repeat fewer times"),
    /** The field, the attribute, its value, what it counts, its minimum. */
    EXPERTS_BELOW_MINIMUM(ProblemKind.OUT_OF_RANGE, "%s: @MixtureOfExperts(%s = %d): the %s must be at least %d"),
    /** The field, topK, experts, experts. */
    TOP_K_ABOVE_EXPERTS(ProblemKind.OUT_OF_RANGE, "%s: @MixtureOfExperts(topK = %d) is above experts = %d: each token"
            + " goes through topK of the routed experts; use at most %d, or add experts"),
    /** The attribute, its value, what it counts ({@code number of output channels}), its minimum. */
    QUANTITY_BELOW_MINIMUM(ProblemKind.OUT_OF_RANGE, "%s = %d: the %s must be at least %d"),
    /**
     * The attribute, its values as written ({@code {3, 0}}), what each is ({@code kernel size}),
     * the minimum, the first value below it.
     */
    PER_DIMENSION_BELOW_MINIMUM(ProblemKind.OUT_OF_RANGE, "%s = %s: every %s must be at least %d; %d is not"),
    /** The network, the dimension. */
    INPUT_DIMENSION_BELOW_ONE(ProblemKind.OUT_OF_RANGE, "%s: input dimension %d must be at least 1"),
    /** The attribute, the expression, the value it gives. */
    VALUE_NOT_AN_INT(ProblemKind.OUT_OF_RANGE, "%s = \"%s\" gives %d, which does not fit an int"),
    /** The shifts as written, the windows as written, the first shift at fault, its window. */
    SHIFT_NOT_BELOW_WINDOW(ProblemKind.OUT_OF_RANGE, "shift = %s must be below window = %s on each axis, but %d is"
            + " not below %d; Swin shifts every other block by half the window"),
    /** The op ({@code @SqueezeExcitation}), the dimension's index, its expression, the value it gives. */
    OP_DIMENSION_BELOW_ONE(ProblemKind.OUT_OF_RANGE, "%s: shape[%d] = \"%s\" gives %d; every dimension of the"
            + " output must be at least 1"),
    /** The op, the figure ({@code flops}), its expression, the value it gives. */
    OP_FIGURE_NEGATIVE(ProblemKind.OUT_OF_RANGE, "%s: %s = \"%s\" gives %d; a figure is never negative"),

    // value-count: a per-dimension attribute's values, as written
    /** The attribute, what its values are ({@code kernel size}). */
    NO_VALUES(ProblemKind.VALUE_COUNT, "%s = {} gives no %s; give one value, or one per spatial dimension"),
    /** The attribute, its values, how many, the most spatial dimensions a layer has. */
    MORE_VALUES_THAN_DIMENSIONS(ProblemKind.VALUE_COUNT, "%s = %s has %d values but a layer has at most %d spatial"
            + " dimensions; give one value, or one per spatial dimension"),
    /** The attribute, its values, how many. */
    VALUES_NOT_MATCHING_ONE_DIMENSION(ProblemKind.VALUE_COUNT, "%s = %s has %d values but the input has 1 spatial"
            + " dimension; give one value, or 1"),
    /** The attribute, its values, how many, the input's spatial dimensions. */
    VALUES_NOT_MATCHING_DIMENSIONS(ProblemKind.VALUE_COUNT, "%1$s = %2$s has %3$d values but the input has %4$d"
            + " spatial dimensions; give one value, or %4$d"),
    /** The patch as written, its values, the size as written, its values. */
    FOLD_PATCH_NOT_MATCHING_SIZE(ProblemKind.VALUE_COUNT, "patch = %1$s has %2$d values but size = %3$s has %4$d;"
            + " give one value, or %4$d"),
    /** The attribute, its values, how many, the annotation ({@code @WindowAttention}). */
    VALUES_NOT_MATCHING_MAP_AXES(ProblemKind.VALUE_COUNT, "%s = %s has %d values but %s works on the two spatial"
            + " axes of a map (H, W, C); give one value, or 2"),
    /**
     * {@code @ZeroPad}'s padding as written, how many values, the input's spatial dimensions, two per
     * dimension, the sides in PyTorch's order ({@code (left, right, top, bottom)}).
     */
    PAD_SIDES_NOT_MATCHING(ProblemKind.VALUE_COUNT, "padding = %s has %d values but the input has %d spatial"
            + " dimensions; give one value for every side, or %d, two per dimension in PyTorch's order %s"),

    // window
    /** The padding, the dimension's name ({@code height}), the size it would give. */
    PADDING_TRIMS_OUTPUT(ProblemKind.WINDOW,
            "padding %d trims the output %s to %d; use less padding or a larger kernel or stride"),
    /** The kernel, the dimension's name, the input's size, the size it would give. */
    KERNEL_LARGER_THAN_INPUT(ProblemKind.WINDOW, "kernel %1$d is larger than the %2$s %3$d of the input, so the"
            + " output %2$s would be %4$d; use a smaller kernel, more padding, or a larger input"),
    /** The kernel, its dilated span, the dimension's name, the input's size, the size it would give. */
    DILATED_KERNEL_LARGER_THAN_INPUT(ProblemKind.WINDOW, "kernel %1$d (dilated to %2$d) is larger than the %3$s %4$d"
            + " of the input, so the output %3$s would be %5$d; use a smaller kernel, more padding, or a larger input"),
    /** The kernel, the dimension's name, the input's size, padded, the size it would give. */
    KERNEL_LARGER_THAN_PADDED_INPUT(ProblemKind.WINDOW, "kernel %1$d is larger than the %2$s %3$d padded to %4$d of"
            + " the input, so the output %2$s would be %5$d; use a smaller kernel, more padding, or a larger input"),
    /** The kernel, its dilated span, the dimension's name, the input's size, padded, the size it would give. */
    DILATED_KERNEL_LARGER_THAN_PADDED_INPUT(ProblemKind.WINDOW, "kernel %1$d (dilated to %2$d) is larger than the"
            + " %3$s %4$d padded to %5$d of the input, so the output %3$s would be %6$d; use a smaller kernel, more"
            + " padding, or a larger input"),

    // padding: pooling's, which PyTorch caps
    /** The padding, the kernel, the most padding it allows. */
    POOL_PADDING_OVER_HALF_KERNEL(ProblemKind.PADDING, "padding %d is more than half the kernel %d, which PyTorch"
            + " refuses; use padding of at most %d"),
    /** The padding, the dilated window's span, the most padding it allows. */
    POOL_PADDING_OVER_HALF_DILATED_WINDOW(ProblemKind.PADDING, "padding %d is more than half the dilated window %d,"
            + " which PyTorch refuses; use padding of at most %d"),
    // padding: a convolution's same or valid padding
    /** The stride as written, the padding to suggest instead: {@code dilation * (kernel - 1) / 2} per dimension. */
    SAME_PADDING_WITH_STRIDE(ProblemKind.PADDING, "autoPad = Padding.SAME keeps the input's size, which PyTorch"
            + " allows only with stride 1 (\"padding='same' is not supported for strided convolutions\"), and stride"
            + " = %s; use stride = 1, or padding as sizes without autoPad, such as padding = %s"),
    /** The constant ({@code SAME}), the padding as written. */
    AUTO_PAD_WITH_PADDING(ProblemKind.PADDING, "autoPad = Padding.%s sets the padding itself, but padding = %s is"
            + " written too; remove one of them"),

    // output-padding
    OUTPUT_PADDING_TOO_LARGE(ProblemKind.OUTPUT_PADDING, "outputPadding %d must be smaller than the stride %d or the"
            + " dilation %d, as PyTorch requires; lower outputPadding"),

    // input-shape
    /** The input of token ids it reads. */
    IDS_NEED_EMBEDDING(ProblemKind.INPUT_SHAPE, "%s holds token ids (kind = IDS), and only an @Embedding reads token"
            + " ids; put an @Embedding(vocab = ..., dim = ...) before this layer"),
    /** The annotation ({@code @Conv}). */
    NO_SPATIAL_DIMENSIONS_LEFT(ProblemKind.INPUT_SHAPE, "%s needs an input (C, L), (C, H, W) or (C, D, H, W); this"
            + " input has no spatial dimensions left; move the layer before the @Flatten or the @Linear"),
    /** The annotation. */
    TOO_MANY_SPATIAL_DIMENSIONS(ProblemKind.INPUT_SHAPE, "%s needs an input (C, L), (C, H, W) or (C, D, H, W);"
            + " netcost handles up to 3 spatial dimensions"),
    BATCH_NORM_INPUT_RANK(ProblemKind.INPUT_SHAPE, "@BatchNorm takes (C), (C, L), (C, H, W) or (C, D, H, W)"),
    EMBEDDING_NOT_TOKEN_IDS(ProblemKind.INPUT_SHAPE, "@Embedding looks up token ids (T), but its input is %s;"
            + " declare the network's input as the ids, @Network(input = {T}), and put the embedding first"),
    TO_TOKENS_ON_TOKENS(ProblemKind.INPUT_SHAPE,
            "@ToTokens makes tokens of a feature map, but its input %s is tokens already; remove it"),
    TO_TOKENS_ON_VECTOR(ProblemKind.INPUT_SHAPE,
            "@ToTokens makes tokens of a feature map (C, H, W) or (C, L), but its input is the vector %s"),
    /** The input, its last axis, its first. */
    CHANNELS_LAST_ON_SEQUENCE(ProblemKind.INPUT_SHAPE, "@ChannelsLast moves the channels of a map (C, H, W) last,"
            + " but its input %s has one spatial axis; @ToTokens gives (%d, %d), the same tensor as a sequence"),
    CHANNELS_LAST_ON_VECTOR(ProblemKind.INPUT_SHAPE, "@ChannelsLast moves the channels of a map (C, H, W) last,"
            + " but its input is the vector %s; remove it"),
    /** The annotation ({@code @MultiHeadAttention}), its input. */
    TOKENS_NEEDED_NOT_IDS(ProblemKind.INPUT_SHAPE, "%s works on tokens (T, E), but its input %s has one"
            + " dimension: if it is token ids, put an @Embedding before it"),
    /** The annotation, its input, and the tokens {@code @ToTokens} would make of it: positions, channels. */
    TOKENS_NEEDED_NOT_FEATURE_MAP(ProblemKind.INPUT_SHAPE, "%s works on tokens (T, E), but its input is the"
            + " feature map %s; put @ToTokens before it, which makes (%d, %d) tokens of it"),
    /** The input. */
    INSTANCE_NORM_WITHOUT_POSITIONS(ProblemKind.INPUT_SHAPE, "@InstanceNorm normalizes each channel over its"
            + " positions, so it takes (C, L), (C, H, W) or (C, D, H, W), but its input %s has no positions; move it"
            + " before the @Flatten, or normalize the vector with @LayerNorm"),
    /** The input. */
    INSTANCE_NORM_ONE_POSITION(ProblemKind.INPUT_SHAPE, "@InstanceNorm normalizes each channel over its positions,"
            + " but its input %s has one position per channel, whose variance PyTorch refuses to take (\"Expected"
            + " more than 1 spatial element\"); move it before the pooling, or set trackRunningStats = true to"
            + " normalize with the running statistics at inference"),
    /** The slopes. */
    PRELU_SLOPES_ON_TOKENS(ProblemKind.INPUT_SHAPE, "parameters = %d learns one slope per channel, on axis 1 of"
            + " PyTorch's (N, C, ...), but the input is tokens (T, E), whose axis 1 is T: PyTorch's PReLU cannot learn"
            + " a slope per feature E; use parameters = 1"),
    /** The slopes. */
    PRELU_SLOPES_ON_CHANNELS_LAST(ProblemKind.INPUT_SHAPE, "parameters = %d learns one slope per channel, on axis 1"
            + " of PyTorch's (N, C, ...), but the input is a channels-last map (H, W, C), whose axis 1 is H; use"
            + " parameters = 1, or put the @PReLU where the map is channels first"),
    // input-shape: an input in a layout the op does not take (Computation.refuse), each naming the layer that
    // would give one it takes
    /** The annotation, its input, the tokens {@code @ToTokens} would make of it: positions, channels. */
    TOKENS_NEEDED_NOT_CHANNELS_LAST_MAP(ProblemKind.INPUT_SHAPE, "%s works on tokens (T, E), but its input %s is a"
            + " map with its channels last; put @ToTokens before it, which makes (%d, %d) tokens of it"),
    /** The annotation, its input, its tokens T and width E. */
    MAP_NEEDED_NOT_TOKENS(ProblemKind.INPUT_SHAPE, "%1$s works on a map with its channels first, such as (C, H, W),"
            + " but its input %2$s is %3$d tokens of width %4$d; put @ToMap(size = {H, W}) before it, with H * W ="
            + " %3$d, to make them a map (%4$d, H, W)"),
    /** The annotation, its input, its sequences and the tokens of each. */
    MAP_NEEDED_NOT_SEQUENCES(ProblemKind.INPUT_SHAPE, "%s works on a map with its channels first, such as (C, H, W),"
            + " but its input %s is %d sequences of %d tokens, as @Unfold makes them; put @Fold before it to fold"
            + " them back into a map"),
    /** The annotation, its input, the same tensor with its channels first. */
    MAP_NEEDED_NOT_CHANNELS_LAST(ProblemKind.INPUT_SHAPE, "%s works on a map with its channels first, but its input"
            + " %s has its channels last; put @ChannelsFirst before it, which gives %s"),
    /** The input, its tokens T and width E, the convolution's out. */
    CONV_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@Conv works on a map with its channels first, such as (C, H, W), but"
            + " its input %1$s is %2$d tokens of width %3$d; a 1 x 1 convolution on each token is @Linear(out = %4$d),"
            + " or put @ToMap(size = {H, W}) before it, with H * W = %2$d, to make them a map (%3$d, H, W)"),
    /** The input, its tokens T and width E. */
    BATCH_NORM_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@BatchNorm normalises each channel of a map with its channels"
            + " first, but its input %1$s is %2$d tokens of width %3$d; a norm over each token's features is"
            + " @LayerNorm, or put @ToMap(size = {H, W}) before it, with H * W = %2$d, to make them a map (%3$d, H, W)"),
    /** The input, the split's parts and index. */
    CHANNEL_SPLIT_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@ChannelSplit splits the channels of a map with its channels"
            + " first, but its input %s is tokens, whose features are the last axis; to split them use @Chunk(parts ="
            + " %d, index = %d)"),
    /** The input, the split's parts and index. */
    CHANNEL_SPLIT_ON_CHANNELS_LAST(ProblemKind.INPUT_SHAPE, "@ChannelSplit splits the first axis, the channels of a"
            + " map with its channels first, but its input %s has its channels last; use @Chunk(parts = %d, index ="
            + " %d), which splits the last axis"),
    /** The input, its last axis, its channels. */
    LAYER_NORM_ON_CHANNELS_FIRST_MAP(ProblemKind.INPUT_SHAPE, "@LayerNorm normalises the last axis, and its input %s"
            + " is a map with its channels first, whose last axis is its width %d; a norm over each position's %d"
            + " channels, as ConvNeXt's LayerNorm2d, is @LayerNorm2d, or put @ChannelsLast before it"),
    /** The annotation, its input, its last axis, its channels. */
    NORM_ON_CHANNELS_FIRST_MAP(ProblemKind.INPUT_SHAPE, "%s normalises the last axis, and its input %s is a map with"
            + " its channels first, whose last axis is its width %d; for a norm over each position's %d channels, put"
            + " @ChannelsLast before it"),
    /** The annotation, its input, its length, its channels. */
    NORM_ON_ONE_DIMENSIONAL_MAP(ProblemKind.INPUT_SHAPE, "%1$s normalises the last axis, and its input %2$s is a 1-d"
            + " map with its channels first, whose last axis is its length %3$d; for a norm over each position's %4$d"
            + " channels, put @ToTokens before it, which makes (%3$d, %4$d) tokens of it"),
    /** The input, its last axis, its channels, the chunk's parts and index. */
    CHUNK_ON_CHANNELS_FIRST_MAP(ProblemKind.INPUT_SHAPE, "@Chunk splits the last axis, and its input %s is a map with"
            + " its channels first, whose last axis, %d, is spatial; to split its %d channels use @ChannelSplit(parts"
            + " = %d, index = %d)"),
    /** The input. */
    CHANNELS_LAST_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@ChannelsLast moves the channels of a map (C, H, W) last, but"
            + " its input %s is tokens, whose features are last already; remove it"),
    /** The input. */
    CHANNELS_LAST_ON_CHANNELS_LAST(ProblemKind.INPUT_SHAPE, "@ChannelsLast moves the channels of a map (C, H, W)"
            + " last, but its input %s has its channels last already; remove it"),
    /** The input. */
    CHANNELS_FIRST_ON_CHANNELS_FIRST(ProblemKind.INPUT_SHAPE, "@ChannelsFirst moves the channels of a map (H, W, C)"
            + " first, but its input %s has its channels first already; remove it"),
    /** The input. */
    CHANNELS_FIRST_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@ChannelsFirst moves the channels of a map (H, W, C) first,"
            + " but its input %s is tokens; to make a map of them use @ToMap (one sequence) or @Fold (the sequences"
            + " @Unfold makes) instead"),
    /** The input, its sequences and the tokens of each. */
    SELECT_TOKEN_OF_SEQUENCES(ProblemKind.INPUT_SHAPE, "@SelectToken takes one token of a sequence (T, E), but its"
            + " input %s is %d sequences of %d tokens, as @Unfold makes them; put @Fold before it to fold them back"
            + " into a map"),
    /** The input. */
    TO_MAP_NOT_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@ToMap makes a map of tokens (T, E), but its input %s is not"
            + " tokens; remove it"),
    /** The input, its sequences and the tokens of each. */
    CROSS_ATTENTION_OF_SEQUENCES(ProblemKind.INPUT_SHAPE, "@CrossAttention attends one sequence of queries (T, E) to"
            + " its memory, but its input %s is %d sequences of %d tokens, as @Unfold makes them; put @Fold and then"
            + " @ToTokens before it to make one sequence of them"),
    /** The annotation, the input, its sequences and the tokens of each. */
    RECURRENT_OF_SEQUENCES(ProblemKind.INPUT_SHAPE, "%s runs over one sequence of tokens (T, E), but its input %s is"
            + " %d sequences of %d tokens, as @Unfold makes them; put @Fold and then @ToTokens before it to make one"
            + " sequence of them"),
    /** The input, its sequences and the tokens of each. */
    TO_MAP_ON_SEQUENCES(ProblemKind.INPUT_SHAPE, "@ToMap makes a map of one sequence (T, E), but its input %s is %d"
            + " sequences of %d tokens, as @Unfold makes them; fold them back with @Fold instead"),
    /** The input. */
    FOLD_NOT_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@Fold folds the sequences (P, N, E) that @Unfold makes back into a"
            + " map, but its input %s is not tokens; remove it"),
    /** The input. */
    FOLD_ON_ONE_SEQUENCE(ProblemKind.INPUT_SHAPE, "@Fold folds the sequences (P, N, E) that @Unfold makes back into"
            + " a map, but its input %s is one sequence; @ToMap(size = {H, W}) makes a map of it"),
    /** The annotation ({@code @WindowAttention}), its input, the same map with its channels last. */
    CHANNELS_LAST_NEEDED_NOT_FEATURE_MAP(ProblemKind.INPUT_SHAPE, "%s works on a channels-last map (H, W, C), but"
            + " its input is the feature map %s, channels first; put @ChannelsLast before it, which makes %s of it"),
    /** The annotation, its input. */
    CHANNELS_LAST_NEEDED_NOT_TOKENS(ProblemKind.INPUT_SHAPE, "%s works on a channels-last map (H, W, C), but its"
            + " input %s is tokens (T, E), without a height and width; put it before the @ToTokens"),
    /** The annotation, its input. */
    CHANNELS_LAST_MAP_NEEDED(ProblemKind.INPUT_SHAPE, "%s works on a channels-last map (H, W, C) of two spatial"
            + " axes, but its input is %s; give it a 2-d map (C, H, W) made channels-last by @ChannelsLast"),
    LAYER_NORM_2D_ON_TOKENS(ProblemKind.INPUT_SHAPE, "@LayerNorm2d normalises the channels of a map (C, H, W) at"
            + " each position, but its input %s is tokens; use @LayerNorm, which normalises each token's features"),
    /** The input. */
    LAYER_NORM_2D_ON_CHANNELS_LAST(ProblemKind.INPUT_SHAPE, "@LayerNorm2d normalises the channels of a map (C, H, W)"
            + " at each position, but its input %s has its channels last; use @LayerNorm, which normalises the last"
            + " axis, or put @ChannelsFirst before it"),
    /** The input. */
    LAYER_NORM_2D_ON_VECTOR(ProblemKind.INPUT_SHAPE, "@LayerNorm2d normalises the channels of a map (C, H, W) at"
            + " each position, but its input is the vector %s; use @LayerNorm"),
    /** The input. */
    LAYER_NORM_2D_NOT_TWO_DIMENSIONAL(ProblemKind.INPUT_SHAPE, "@LayerNorm2d is torchvision's norm of a 2-d map (C, H,"
            + " W), whose permute takes exactly four axes with the batch, and its input %s is no such map; for a norm"
            + " over each position's channels of this one, put @ChannelsLast before a @LayerNorm"),
    /** The op, the layouts it takes, its input, the input's layout; each layout as {@code Layout} describes it. */
    OP_LAYOUT_NOT_ACCEPTED(ProblemKind.INPUT_SHAPE, "%s takes %s, but its input %s is %s"),
    /** The op, the name it reads, its input, the names of that input's dimensions. */
    OP_DIMENSION_NOT_IN_INPUT(ProblemKind.INPUT_SHAPE, "%s reads `%s`, but its input %s has no such dimension; its"
            + " dimensions are %s"),

    // needs-flatten
    /** The elements the input has, which a {@code @Flatten} would give. */
    LINEAR_NEEDS_FLATTEN(ProblemKind.NEEDS_FLATTEN, "@Linear needs a vector or tokens (T, E), but its input still"
            + " has spatial dimensions; add a @Flatten layer before it (it would give (%d)), @ToTokens for one"
            + " token per position, or @ChannelsLast for a linear layer on each position's channels"),

    // merge: each takes the inputs as Merge.describe gives them
    ADD_SHAPES_DIFFER(ProblemKind.MERGE, "@Add needs shapes that broadcast (of one rank, each pair of"
            + " dimensions equal or one of them 1), but %s; on a residual path whose channels or size change, give the"
            + " shortcut a 1 x 1 convolution with the same stride"),
    CONCAT_SIZES_DIFFER(ProblemKind.MERGE, "@Concat joins on the channels (the first dimension) and needs every"
            + " other dimension equal, but %s; give the branches the same stride and padding"),
    MUL_SHAPES_DO_NOT_BROADCAST(ProblemKind.MERGE, "@Mul needs shapes that broadcast (of one rank, each pair of"
            + " dimensions equal or one of them 1), but %s; squeeze-and-excitation multiplies (C, 1, 1)"
            + " by (C, H, W)"),
    /** The inputs, each with its layout in words. */
    MERGE_OF_CHANNELS_FIRST_AND_LAST(ProblemKind.MERGE, "the tensors of a merge must be in one layout, but %s; put"
            + " @ChannelsFirst after the branch whose channels are last, or @ChannelsLast after the other"),
    /** The inputs, each with its layout in words. */
    MERGE_OF_MAP_AND_TOKENS(ProblemKind.MERGE, "the tensors of a merge must be in one layout, but %s; put @ToTokens"
            + " after the branch that gives a map, or @ToMap after the one that gives tokens"),
    CONCAT_TOKEN_WIDTHS_DIFFER(ProblemKind.MERGE, "@Concat joins tokens on the tokens (the axis of T) and needs every"
            + " other dimension equal, but %s; give the sequences one width"),
    CONCAT_CHANNELS_LAST_SIZES_DIFFER(ProblemKind.MERGE, "@Concat joins maps with their channels last on the"
            + " channels (the last dimension) and needs every other dimension equal, but %s; give the branches the"
            + " same stride and padding"),
    /** The merge annotation ({@code @Add}), the inputs. */
    BROADCAST_RANKS_DIFFER(ProblemKind.MERGE, "%s broadcasts tensors of one rank only, but %s; netcost's shapes"
            + " leave out the batch, which PyTorch puts in front, so a tensor of fewer dimensions would line up"
            + " with the wrong axes; give it the others' rank, as a (C, 1, 1) from @AdaptiveAvgPool(output = 1) or"
            + " @GlobalAvgPool has beside a (C, H, W)"),

    /** The inputs. */
    COSINE_SIMILARITY_NOT_VECTORS(ProblemKind.MERGE, "@CosineSimilarity compares two vectors (E), but %s; take one"
            + " vector of each: @SelectToken of tokens (CLIP's class or end-of-text token), or @GlobalAvgPool and"
            + " @Flatten of a map, then a @Linear to the shared width"),
    /** The first input, its width, the second, its width. */
    COSINE_SIMILARITY_WIDTHS_DIFFER(ProblemKind.MERGE, "@CosineSimilarity compares two vectors of one width, but %s"
            + " gives %d features and %s gives %d; project both to one width with a @Linear, as CLIP's visual and text"
            + " projections make both embed_dim wide"),

    // channels
    SPLIT_PARTS_NOT_DIVIDING_CHANNELS(ProblemKind.CHANNELS, "the %d channels do not split into %d equal parts"),
    /** The groups, the channels. */
    SHUFFLE_GROUPS_NOT_DIVIDING_CHANNELS(ProblemKind.CHANNELS, "groups = %d does not divide the %d channels"),
    /** The groups, the output channels. */
    GROUPS_NOT_DIVIDING_OUT(ProblemKind.CHANNELS, "groups = %d does not divide out = %d; groups must divide both the"
            + " input and the output channels"),
    /** The groups, the input channels, the output channels, their greatest common divisor. */
    GROUPS_NOT_DIVIDING_INPUT_CHANNELS(ProblemKind.CHANNELS, "groups = %1$d does not divide the %2$d input channels;"
            + " use a groups value that divides both %2$d and out = %3$d (their greatest common divisor is %4$d)"),
    /** The groups, the channels, the divisors to suggest. */
    GROUP_NORM_GROUPS_NOT_DIVIDING_CHANNELS(ProblemKind.CHANNELS, "groups = %d does not divide the %d channels,"
            + " which GroupNorm splits into groups of equal size; use one of %s"),
    /** The slopes, the channels. */
    PRELU_SLOPES_NOT_CHANNELS(ProblemKind.CHANNELS, "parameters = %1$d is neither 1 (one slope shared) nor the %2$d"
            + " channels of the input (one slope each), as PyTorch's PReLU requires; use parameters = 1 or %2$d"),
    /** The last axis, the parts. */
    CHUNK_PARTS_NOT_DIVIDING_LAST_AXIS(ProblemKind.CHANNELS, "the last axis, %d, does not split into %d equal parts"),

    // map-size
    /** The size as written, the positions it makes, the tokens. */
    TO_MAP_SIZE_NOT_TOKENS(ProblemKind.MAP_SIZE, "size = %1$s makes %2$d positions, but the input has %3$d tokens,"
            + " one per position; give sizes whose product is %3$d"),
    /** The dimension's name, its size, the patch along it. */
    UNFOLD_PATCH_NOT_DIVIDING(ProblemKind.MAP_SIZE, "the %s %d does not divide into patches of %d; MobileViT would"
            + " resize the map to a multiple of the patch by interpolation, which netcost does not model: make the map"
            + " a multiple of the patch"),
    /** The patch as written, its positions, the sequences. */
    FOLD_PATCH_NOT_SEQUENCES(ProblemKind.MAP_SIZE, "patch = %s holds %d positions, but the input has %d sequences, one"
            + " per position of a patch; give the patch of the @Unfold before it"),
    /** The dimension's name, its size, the size as written, the patch along it. */
    FOLD_SIZE_NOT_DIVIDING(ProblemKind.MAP_SIZE, "the %s %d of size = %s does not divide into patches of %d"),
    /** The size as written, the patches it holds, the patch as written, the tokens of each sequence. */
    FOLD_SIZE_NOT_TOKENS(ProblemKind.MAP_SIZE, "size = %s holds %d patches of %s, but each sequence has %d tokens,"
            + " one per patch; give the size of the map that the @Unfold before it took"),

    // heads
    /** The heads, the key/value heads, the divisors to suggest. */
    KV_HEADS_NOT_DIVIDING_HEADS(ProblemKind.HEADS, "heads = %d do not share kvHeads = %d key/value heads evenly:"
            + " each key/value head serves heads / kvHeads query heads; use one of %s"),
    /** The token width, the heads, the divisors to suggest. */
    HEADS_NOT_DIVIDING_WIDTH(ProblemKind.HEADS, "the token width E = %d does not split into heads = %d heads of"
            + " equal width; use one of %s"),
    /** The channels, the heads, the divisors to suggest. */
    HEADS_NOT_DIVIDING_CHANNELS(ProblemKind.HEADS, "the %d channels do not split into heads = %d heads of equal"
            + " width; use one of %s"),

    // sequence-length
    /** The tokens, the table's length. */
    SEQUENCE_LONGER_THAN_TABLE(ProblemKind.SEQUENCE_LENGTH, "a sequence of %1$d tokens is longer than the position"
            + " table (length = %2$d); make length at least %1$d, or the sequence shorter"),

    // tied: @Tied's name in the declaration, each said without and with the layers above to name instead
    /** The field. */
    TIED_TO_ITSELF(ProblemKind.TIED, "%1$s: @Tied(\"%1$s\") names the layer whose weight this one shares, but"
            + " `%1$s` is this layer itself"),
    /** The field, the layers above it. */
    TIED_TO_ITSELF_NAMING_LAYERS_ABOVE(ProblemKind.TIED, "%1$s: @Tied(\"%1$s\") names the layer whose weight this one"
            + " shares, but `%1$s` is this layer itself; the layers above are %2$s"),
    /** The field, the block. */
    /** The field, the input or tensor it names. */
    TIED_TO_TENSOR(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this one shares, but `%2$s`"
            + " is an input, which has no weight; name a layer above"),
    TIED_TO_BLOCK(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this one shares, but"
            + " `%2$s` is a block, and a block has no one weight to share"),
    /** The field, the block, the layers above. */
    TIED_TO_BLOCK_NAMING_LAYERS_ABOVE(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this one"
            + " shares, but `%2$s` is a block, and a block has no one weight to share; the layers above are %3$s"),
    /** The field, the layer named. */
    TIED_TO_LATER_LAYER(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this one shares,"
            + " but `%2$s` is declared below %1$s; the layer that owns the weight comes first"),
    /** The field, the layer named, the layers above. */
    TIED_TO_LATER_LAYER_NAMING_LAYERS_ABOVE(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this"
            + " one shares, but `%2$s` is declared below %1$s; the layer that owns the weight comes first; the layers"
            + " above are %3$s"),
    /** The field, the name, the network or block. */
    TIED_TO_NO_FIELD(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this one shares, but"
            + " `%2$s` is no field of %3$s"),
    /** The field, the name, the network or block, the layers above. */
    TIED_TO_NO_FIELD_NAMING_LAYERS_ABOVE(ProblemKind.TIED, "%1$s: @Tied(\"%2$s\") names the layer whose weight this one"
            + " shares, but `%2$s` is no field of %3$s; the layers above are %4$s"),
    // tied: the layer named, at one use; framed with the layer's path and input
    /** The name. */
    TIED_SOURCE_REMOVED(ProblemKind.TIED, "`%s` is not there to share its weight: its @If is false here"),
    TIED_LAYER_WITHOUT_WEIGHT(ProblemKind.TIED, "this layer has no weight to share; @Tied ties the weights of"
            + " @Linear and @Embedding layers"),
    /** The layer named, what it is ({@code ReLU}). */
    TIED_SOURCE_WITHOUT_WEIGHT(ProblemKind.TIED, "%s (%s) has no weight to share; @Tied ties the weights of @Linear"
            + " and @Embedding layers"),
    /** This layer's weight's shape, the layer named, its weight's shape. */
    TIED_WEIGHT_SHAPES_DIFFER(ProblemKind.TIED, "its weight would be %s, but %s's is %s; a shared weight has one"
            + " shape (an embedding's (vocab, dim) is a linear layer's (out, in))"),

    // decoder
    /** The layer's path, what it is, its input. */
    NO_PER_TOKEN_FORM(ProblemKind.DECODER, "%s: a @Decoder network runs one token at a time, and %s on %s has no"
            + " per-token form; a decoder is made of embeddings, per-token layers and attention"),
    /** The layer's path, the final state's. */
    DECODER_READS_FINAL_STATE(ProblemKind.DECODER, "%1$s: a @Decoder network runs one token at a time, but %1$s"
            + " reads %2$s, a recurrent layer's final state, which is made anew at every token, so %1$s has no"
            + " per-token form; read the recurrent layer's output, or keep the final state as an output only"),
    /** The layer's path. */
    DECODER_ATTENTION_NOT_CAUSAL(ProblemKind.DECODER, "%s: a @Decoder network generates each token from the cache of"
            + " those before it, so its attention must be causal; write causal = true"),
    /** The network. */
    DECODER_WITHOUT_ATTENTION(ProblemKind.DECODER, "%s: @Decoder marks a language model that decodes with a KV cache,"
            + " but it has no @MultiHeadAttention layer and no recurrent layer (@LSTM, @GRU, @RNN); add attention,"
            + " or remove @Decoder"),
    /** The network, its inputs. */
    DECODER_INPUT_UNNAMED(ProblemKind.DECODER, "%s has the inputs %s; name the one whose tokens the @Decoder"
            + " generates, as @Decoder(\"tokens\")"),
    /** The network, the name, its inputs. */
    DECODER_INPUT_UNKNOWN(ProblemKind.DECODER, "%s: @Decoder(\"%s\") names no input; its inputs are %s"),
    /** The layer's path, the producer of its memory. */
    DECODER_MEMORY_DECODED(ProblemKind.DECODER, "%s: its memory, %s, depends on the tokens the @Decoder generates,"
            + " so its keys and values would grow with every token rather than be an encoder's, computed once;"
            + " attend to an encoder's output, or use @MultiHeadAttention"),
    /** The network, the decoded input. */
    DECODER_NOTHING_TO_DECODE(ProblemKind.DECODER, "%s: no attention layer depends on %s, the input the @Decoder"
            + " generates tokens into, so there is nothing to decode; read it with a layer, or name another input"),

    // experts: a mixture of experts and what its expert does to the tokens
    /** What the routed tokens are (their producer), their shape. */
    EXPERTS_NEED_TOKENS(ProblemKind.EXPERTS, "@MixtureOfExperts routes tokens (T, E) one by one, and %s gives %s;"
            + " put @ToTokens before it, or an @Embedding for token ids"),
    /** The expert's output. */
    EXPERT_OUTPUT_NOT_TOKENS(ProblemKind.EXPERTS, "the expert of @MixtureOfExperts gives %s, which is no tokens:"
            + " the router weights one output per token (T, E'); end the expert's block with tokens"),
    /** The routed tokens, the expert's output. */
    EXPERT_CHANGES_TOKENS(ProblemKind.EXPERTS, "the expert of @MixtureOfExperts turns the tokens %s into %s: the"
            + " router weights one output per token, so an expert keeps the tokens (T, E) as (T, E')"),
    /** The op, as PyTorch names it. */
    EXPERT_NOT_PER_TOKEN(ProblemKind.EXPERTS, "an expert of @MixtureOfExperts works on each token alone, as the"
            + " router sends tokens one by one, and %s does not; declare it outside the expert's block (linear"
            + " layers, activations, norms, dropout, chunks and element-wise adds and products work per token)"),

    // interpolation
    /** The mode, the spatial dimensions it interpolates, the input's, the modes that fit them. */
    MODE_NOT_FITTING_INPUT(ProblemKind.INTERPOLATION, "mode = %s interpolates %d spatial dimensions, as PyTorch's"
            + " kernels do, but the input has %d; use %s"),
    ALIGN_CORNERS_WITH_NEAREST(ProblemKind.INTERPOLATION, "alignCorners = true aligns the corner cells of an"
            + " interpolation, and PyTorch refuses it with mode = NEAREST; remove it, or choose LINEAR, BILINEAR,"
            + " BICUBIC or TRILINEAR"),

    // like: the tensor a layer names by like, as its producer and shape
    /** Who made the tensor, its shape, what it is ({@code tokens (T, E)}). */
    LIKE_NOT_A_FEATURE_MAP(ProblemKind.LIKE, "like names %s, which gives %s, %s; this layer takes the spatial size of"
            + " a channels-first map (C, ...): name one"),
    /** Who made the tensor, its shape, its spatial dimensions, the input's. */
    LIKE_OF_OTHER_RANK(ProblemKind.LIKE, "like names %1$s, which gives %2$s with %3$d spatial dimensions, but the"
            + " input has %4$d; name a map with %4$d spatial dimensions"),
    /** Who made the tensor, its shape, the dimension's name ({@code height}), its size there, the input's. */
    CROP_LARGER_THAN_INPUT(ProblemKind.LIKE, "like names %s, which gives %s: its %s %d is larger than the input's"
            + " %d, and a crop cannot grow; crop the larger tensor to the smaller, or pad the smaller with @ZeroPad"),
    CROP_NAMES_NOTHING(ProblemKind.LIKE, "like = \"\" names no tensor; name the field above whose spatial size to"
            + " crop to, or \"input\""),

    // memory: the tensor a cross-attention names by memory, as its producer and shape
    /** Who made the tensor, its shape, what it is ({@code a feature map (C, ...)}), its positions, its channels. */
    MEMORY_NOT_TOKENS_BUT_MAP(ProblemKind.MEMORY, "memory names %s, which gives %s, %s; cross-attention attends to"
            + " tokens (S, E): put @ToTokens after it, which makes (%d, %d) tokens of it, and name that"),
    /** Who made the tensor, its shape. */
    MEMORY_NOT_TOKENS_BUT_VECTOR(ProblemKind.MEMORY, "memory names %s, which gives %s, of one dimension;"
            + " cross-attention attends to tokens (S, E): if it is token ids, put an @Embedding after it, and name"
            + " that"),
    /** Who made the tensor, its shape, its sequences, the tokens of each. */
    MEMORY_OF_SEQUENCES(ProblemKind.MEMORY, "memory names %s, which gives %s, %d sequences of %d tokens, as @Unfold"
            + " makes them; cross-attention attends to one sequence of tokens (S, E): fold them back with @Fold, and"
            + " make tokens of the map with @ToTokens"),
    /** The key width, who made the memory, its shape, its width. */
    KEY_WIDTH_NOT_FITTING_MEMORY(ProblemKind.MEMORY, "keyWidth = %1$d, but memory names %2$s, which gives tokens %3$s"
            + " of width %4$d; the key and value projections take the memory's tokens: write keyWidth = %4$d"),
    /** Who made the memory, its shape, its width, the queries' width. */
    MEMORY_WIDTH_NOT_QUERY_WIDTH(ProblemKind.MEMORY, "memory names %1$s, which gives tokens %2$s of width %3$d, but"
            + " keyWidth = 0 takes the queries' width E = %4$d; the key and value projections take the memory's"
            + " tokens: write keyWidth = %3$d"),
    MEMORY_NAMES_NOTHING(ProblemKind.MEMORY, "memory = \"\" names no tensor; name the field above whose tokens"
            + " the queries attend to, or \"input\""),

    // proj-size
    /** The projection's width, the hidden cells. */
    PROJ_SIZE_NOT_BELOW_HIDDEN(ProblemKind.PROJ_SIZE, "projSize = %d must be below hidden = %d, as PyTorch requires"
            + " (\"proj_size has to be smaller than hidden_size\"); lower it, or write 0 for no projection"),

    // final-state
    /** The layer that made the tensor named, what it computes. */
    FINAL_STATE_OF_NO_RECURRENT_LAYER(ProblemKind.FINAL_STATE, "@FinalState reads the final state of an @LSTM, @GRU"
            + " or @RNN, but %s computes %s; name a recurrent layer above it"),
    /** The input named. */
    FINAL_STATE_OF_INPUT(ProblemKind.FINAL_STATE, "@FinalState reads the final state of an @LSTM, @GRU or @RNN, but"
            + " %s is an input of the network; name a recurrent layer above it"),
    /** The recurrent layer, what it is. */
    FINAL_STATE_CELL_WITHOUT_CELL(ProblemKind.FINAL_STATE, "cell = true reads an LSTM's cell state c_n, but %s is a"
            + " %s, which keeps no cell state; remove cell, or name an @LSTM"),
    /** The field, the name {@code @From} gives. */
    FINAL_STATE_WITH_FROM(ProblemKind.FINAL_STATE, "%s: @FinalState reads the recurrent layer it names, not the field"
            + " above; remove @From, and name the layer as @FinalState(\"%s\")"),
    /** The field, the field {@code @If} leaves out. */
    FINAL_STATE_OF_LEFT_OUT(ProblemKind.FINAL_STATE, "%s: @FinalState(\"%s\") names a layer that its @If leaves out"
            + " here, so there is no final state to read; name a recurrent layer that is there, or give both the same"
            + " @If"),

    // one-of
    UPSAMPLE_SIZE_NOT_GIVEN(ProblemKind.ONE_OF, "@Upsample needs the size of its output: give one of scale, size or"
            + " like"),
    /** The attributes given ({@code scale and size}). */
    UPSAMPLE_SIZE_GIVEN_TWICE(ProblemKind.ONE_OF, "@Upsample takes one of scale, size and like, but %s are given;"
            + " keep one"),

    // missing
    /** The field, the annotation ({@code @Conv}), the attribute. */
    ATTRIBUTE_MISSING(ProblemKind.MISSING, "%1$s: %2$s needs %3$s; write it, as %2$s(%3$s = ...), or give it in a"
            + " block by @With(%3$s = \"...\")"),
    /** The field, the annotation, an attribute that takes a constant only ({@code like}). */
    CONSTANT_MISSING(ProblemKind.MISSING, "%1$s: %2$s needs %3$s, a constant; write it, as %2$s(%3$s = ...)"),
    /** The field, the block, the tensor parameter. */
    TENSOR_ARGUMENT_MISSING(ProblemKind.MISSING, "%1$s: @%2$s reads the tensor %3$s, which this use does not name;"
            + " write %3$s = \"name\", the field it reads"),

    // given-twice
    /** The field, the attribute, the annotation. */
    ATTRIBUTE_GIVEN_TWICE(ProblemKind.GIVEN_TWICE, "%s: %s is given on %s and by @With; keep one"),
    /** The field, the name. */
    WITH_ARGS_GIVEN_TWICE(ProblemKind.GIVEN_TWICE, "%s: @With gives %s twice; keep one"),

    // unknown-attribute
    /** The field, the annotation. */
    LAYER_HAS_NO_ATTRIBUTES(ProblemKind.UNKNOWN_ATTRIBUTE, "%s: %s has no attributes, so @With has nothing to give;"
            + " remove it"),
    /** The field, the annotation, the name given, the attributes it has. */
    NO_SUCH_ATTRIBUTE(ProblemKind.UNKNOWN_ATTRIBUTE, "%s: %s has no attribute `%s`; it has %s"),
    /** The field, the block. */
    BLOCK_HAS_NO_PARAMETERS(ProblemKind.UNKNOWN_ATTRIBUTE, "%s: %s has no parameters, so @With has nothing to"
            + " give; remove it"),
    /** The field, the block, the name given, the parameters it has. */
    NO_SUCH_PARAMETER(ProblemKind.UNKNOWN_ATTRIBUTE, "%s: %s has no parameter `%s`; it has %s"),

    // expression
    /** The field, the attribute, the annotation. */
    CONSTANT_ONLY(ProblemKind.EXPRESSION, "%s: %s takes a constant, not an expression; write it on %s"),
    /** The field, the entry as written. */
    WITH_ARGS_ENTRY_MALFORMED(ProblemKind.EXPRESSION, "%s: @With args entry \"%s\" is not `name = expression`;"
            + " write it as \"squeeze = in / 4\""),
    /**
     * What is written ({@code conv: out}, or {@code conv: groups} for a block's argument), the text, why it
     * does not parse or type (the expression language's own words).
     */
    EXPRESSION_INVALID(ProblemKind.EXPRESSION, "%s = \"%s\": %s"),
    /** The field, the condition, why it is wrong (the expression language's own words). */
    // the expression language's own words (ExprException), which the stage that parses or types adds to
    EXPRESSION_EMPTY(ProblemKind.EXPRESSION, "the expression is empty"),
    /** The digits as written. */
    NUMBER_TOO_LARGE(ProblemKind.EXPRESSION, "the number %s does not fit a long"),
    /** The character; then, as every parse error with a place, the column from 1 and the expression. */
    UNEXPECTED_CHARACTER(ProblemKind.EXPRESSION, "unexpected `%s` at column %d of \"%s\""),
    EXPECTED_COLON(ProblemKind.EXPRESSION, "expected `:` at column %d of \"%s\""),
    EXPECTED_CLOSING_PARENTHESIS(ProblemKind.EXPRESSION, "expected `)` at column %d of \"%s\""),
    EXPECTED_COMMA_OR_CLOSING_PARENTHESIS(ProblemKind.EXPRESSION, "expected `,` or `)` at column %d of \"%s\""),
    EXPECTED_OPERAND(ProblemKind.EXPRESSION, "expected a number, a name or `(` at column %d of \"%s\""),
    EXPRESSION_ENDS_EARLY(ProblemKind.EXPRESSION, "the expression ends too early at column %d of \"%s\""),
    /** The name, the column, the expression. */
    UNKNOWN_FUNCTION(ProblemKind.EXPRESSION, "unknown function `%s` at column %d of \"%s\"; there are max, min and"
            + " divisible"),
    /** The digit, its code point and name ({@code U+0663 ARABIC-INDIC DIGIT THREE}), the column, the expression. */
    DIGIT_NOT_ASCII(ProblemKind.EXPRESSION, "the digit `%s` (%s) is not ASCII at column %d of \"%s\"; write numbers"
            + " with the digits 0-9"),
    /** The deepest nesting allowed, the column, the expression. */
    NESTING_TOO_DEEP(ProblemKind.EXPRESSION, "the expression nests deeper than %1$d levels at column %2$d of \"%3$s\";"
            + " nest parentheses, calls, `? :` and unary operators at most %1$d deep"),
    /** The name, the names in scope. */
    UNKNOWN_NAME(ProblemKind.EXPRESSION, "unknown name `%s`; in scope: %s"),
    /** The operator, the type it needs, the type it got, each with its article ({@code an int}). */
    OPERAND_TYPE(ProblemKind.EXPRESSION, "`%s` needs %s, not %s"),
    /** The operator ({@code ==}), the two types. */
    COMPARED_TYPES_DIFFER(ProblemKind.EXPRESSION, "`%s` compares %s with %s"),
    /** The two types. */
    CONDITIONAL_SIDES_DIFFER(ProblemKind.EXPRESSION, "the two sides of `? :` are %s and %s"),
    /** The type the expression gives, the type needed, each with its article. */
    WRONG_TYPE(ProblemKind.EXPRESSION, "gives %s where %s is needed"),
    /** How many values the list has. */
    LIST_WHERE_ONE_VALUE(ProblemKind.EXPRESSION, "a list of %d values is for a per-dimension attribute (kernel,"
            + " stride, padding, dilation, outputPadding, output, size, patch); give one value here"),
    /** The function, how many arguments it got. */
    FUNCTION_ARGUMENT_COUNT(ProblemKind.EXPRESSION, "`%s` takes 2 arguments, not %d"),
    /** The name, the column, the expression, the lists read by index. */
    UNKNOWN_FUNCTION_OR_LIST(ProblemKind.EXPRESSION, "unknown function `%s` at column %d of \"%s\"; there are max,"
            + " min and divisible, and the lists %s, read by index as dim(0)"),
    /** The list, the list, how many values it got. */
    INDEX_ARGUMENT_COUNT(ProblemKind.EXPRESSION, "`%s` takes one index, as %s(0), not %d"),

    // evaluation
    /**
     * The value ({@code groups}, or {@code value} for an {@code @If}), its expression, the values it saw
     * ({@code in = 64, width = 8}), why it failed: an {@code ArithmeticException}'s words, the two below
     * or the JDK's {@code long overflow}.
     */
    EVALUATION_FAILED(ProblemKind.EVALUATION, "%s = \"%s\" fails with %s: %s"),
    // why a value cannot be computed (an ArithmeticException's), which EVALUATION_FAILED ends in
    DIVISION_BY_ZERO(ProblemKind.EVALUATION, "division by zero"),
    /** The divisor. */
    DIVISIBLE_BELOW_ONE(ProblemKind.EVALUATION, "divisible(v, d) needs d >= 1, not %d"),
    /** The list, the index, how many values it has. */
    INDEX_OUT_OF_RANGE(ProblemKind.EVALUATION, "%s(%d) is outside its %d values"),

    // unknown-input: each ends in the names the field can read
    /** The field, the name, the names it can read. */
    INPUT_DECLARED_BELOW(ProblemKind.UNKNOWN_INPUT, "%1$s: `%2$s` is declared below %1$s, and a layer reads only"
            + " fields above it; it can read %3$s"),
    /** The field, the names it can read. */
    INPUT_IS_ITSELF(ProblemKind.UNKNOWN_INPUT, "%1$s: `%1$s` is this field itself; it can read %2$s"),
    /** The field, the name, the network or block, the names it can read. */
    NO_SUCH_INPUT(ProblemKind.UNKNOWN_INPUT, "%s: `%s` is no field of %s; it can read %s"),
    /** The field, the network, what it can read. */
    NO_NETWORK_INPUT(ProblemKind.UNKNOWN_INPUT, "%s: `input` names @Network(input), and %s declares its inputs as"
            + " @Input fields instead; it can read %s"),

    // merge-inputs
    /** The field, how many inputs it names. */
    TOO_FEW_MERGE_INPUTS(ProblemKind.MERGE_INPUTS, "%s: a merge joins at least two tensors, but it names %d; list"
            + " them, as {\"bn3\", \"input\"}"),
    /** How many inputs it names, the inputs. */
    COSINE_SIMILARITY_NOT_TWO_INPUTS(ProblemKind.MERGE_INPUTS, "@CosineSimilarity compares exactly two vectors, but it"
            + " names %d: %s; list two, as {\"image\", \"text\"}"),
    /** The field, the merge annotation, twice. */
    MERGE_WITH_FROM(ProblemKind.MERGE_INPUTS, "%1$s: %2$s names its inputs itself; remove @From and list the inputs"
            + " in %2$s({...})"),

    // output
    /** The field. */
    OUTPUT_OF_INPUT(ProblemKind.OUTPUT, "%1$s: @Output marks a tensor a layer produces, and %1$s is an @Input, which"
            + " nothing produces; mark the field that computes the output"),
    /** The field. */
    OUTPUT_TRAINING_ONLY(ProblemKind.OUTPUT, "%1$s: @Output marks an output of inference, and %1$s runs only in"
            + " training (@TrainingOnly), so nothing produces it at inference; remove one of the two"),

    // training-only
    /** The field that runs at inference, the training-only field it names. */
    TRAINING_ONLY_READ(ProblemKind.TRAINING_ONLY, "%1$s: `%2$s` runs only in training (@TrainingOnly), and %1$s"
            + " runs at inference too, where there is no such tensor; read a field that runs at inference, or mark"
            + " %1$s @TrainingOnly as well"),
    /** The field that runs at inference, the training-only field above it, what inference has in its place. */
    TRAINING_ONLY_ABOVE_READ(ProblemKind.TRAINING_ONLY, "%1$s: reads the field above it, `%2$s`, which runs only in"
            + " training (@TrainingOnly), and %1$s runs at inference too, where there is no such tensor; read the"
            + " tensor inference has there with @From(\"%3$s\"), or mark %1$s @TrainingOnly as well"),
    /** The training-only last field, the network. */
    TRAINING_ONLY_NETWORK_OUTPUT(ProblemKind.TRAINING_ONLY, "%1$s: the output of %2$s is its last field's, and %1$s"
            + " runs only in training (@TrainingOnly), so %2$s would have no output at inference; declare %1$s"
            + " before a field that runs at inference"),
    /** The training-only last field, the block. */
    TRAINING_ONLY_BLOCK_OUTPUT(ProblemKind.TRAINING_ONLY, "%1$s: the output of block %2$s is its last field's, and"
            + " %1$s runs only in training (@TrainingOnly), so %2$s would have no output at inference; declare %1$s"
            + " before a field that runs at inference, or put @TrainingOnly on the fields that use %2$s instead"),
    /** The field that runs at inference, the attribute naming a tensor, the training-only field it names. */
    TRAINING_ONLY_SIDE(ProblemKind.TRAINING_ONLY, "%1$s: %2$s = \"%3$s\" names a field that runs only in training"
            + " (@TrainingOnly), and %1$s runs at inference too, where there is no such tensor to read;"
            + " name a field that runs at inference, or mark %1$s @TrainingOnly as well"),
    /** The field that runs at inference, the training-only field whose weight it shares. */
    TRAINING_ONLY_TIED(ProblemKind.TRAINING_ONLY, "%1$s: @Tied(\"%2$s\") shares the weight of a field that runs"
            + " only in training (@TrainingOnly), and %1$s runs at inference too, where it still needs that weight;"
            + " declare the weight on %1$s and tie %2$s to it, or mark %1$s @TrainingOnly as well"),
    /** The field, the layer's annotation. */
    CHECKPOINT_ON_LAYER(ProblemKind.TRAINING, "%s: @Checkpoint recomputes a block's activations in backward, and %s"
            + " is a layer; checkpoint the block use that holds it"),
    /** The field, the block being read. */
    CHECKPOINT_IN_BLOCK(ProblemKind.TRAINING, "%s: @Checkpoint marks a block use of the network, and this field is"
            + " in block %s; put @Checkpoint on the network's field that uses %s"),
    /** The field, the mark. */
    TRAINING_MARK_WITHOUT_TRAINING(ProblemKind.TRAINING, "%s: %s counts in a training step, and %s has no @Training;"
            + " declare @Training on the network, or remove %s"),
    /** The batch. */
    TRAINING_BATCH_BELOW_ONE(ProblemKind.TRAINING, "@Training(batch = %d): a training step has at least one sample"),
    /** The limit, the network. */
    TRAINING_LIMIT_WITHOUT_TRAINING(ProblemKind.TRAINING, "%s bounds a training step, and %s has no @Training;"
            + " declare @Training(batch = ..., optimizer = ...) on the network"),

    // reserved-name
    INPUT_AS_FIELD_NAME(ProblemKind.RESERVED_NAME, "a field may not be named `input`: @From(\"input\") and merges"
            + " use that name for the input of the network or block; rename the field"),

    // duplicate-name
    /** The field, the network. */
    FIELD_NAME_TWICE(ProblemKind.DUPLICATE_NAME, "%1$s: a field above in %2$s, of a class it extends, is named %1$s"
            + " too, and a layer reads a tensor by its name; rename one of them"),
    /** The field, the block. */
    FIELD_NAMED_AS_TENSOR_PARAMETER(ProblemKind.DUPLICATE_NAME, "%1$s: %2$s's tensor parameter is named %1$s too, and"
            + " a layer reads a tensor by its name; rename the field"),
    /** The block. */
    TENSOR_PARAMETER_NAMED_INPUT(ProblemKind.DUPLICATE_NAME, "input: a block's input is already named `input`; name"
            + " the tensor parameter otherwise"),

    // recursive-block
    /** The field, the block, the cycle ({@code A > B > A}). */
    BLOCK_CONTAINS_ITSELF(ProblemKind.RECURSIVE_BLOCK, "%s: %s would contain itself (%s); a block cannot use itself,"
            + " directly or through other blocks"),

    // block-layers
    /** The block. */
    BLOCK_WITHOUT_LAYERS_CLASS(ProblemKind.BLOCK_LAYERS, "%s: a @Block declares its layers as fields of a nested"
            + " class `Layers`: add `class Layers { @Conv(...) Layer conv; }`"),
    /** The block, twice. */
    BLOCK_LAYERS_EMPTY(ProblemKind.BLOCK_LAYERS, "%1$s: %1$s.Layers declares no layers; add fields such as"
            + " `@Conv(kernel = 3) @With(out = \"width\") Layer conv;`"),

    // block-parameter
    PARAMETER_NAMED_IN(ProblemKind.BLOCK_PARAMETER, "in: a block parameter may not be named `in`: expressions use"
            + " that name for the channels coming into the block; rename the parameter"),
    /** The parameter, its type. */
    PARAMETER_TYPE(ProblemKind.BLOCK_PARAMETER, "%s: a block parameter is an int, a boolean, or a String that names"
            + " a tensor, not %s; an int's or a boolean's values feed layer attributes through @With"),
    /** The parameter, twice. */
    FIRST_ONLY_WITHOUT_DEFAULT(ProblemKind.BLOCK_PARAMETER, "%1$s: @FirstOnly gives the repeats after the first this"
            + " parameter's default, and it has none; add one, such as `int %1$s() default 1;`"),

    // misplaced
    /** The field, the modifier ({@code @With}). */
    /** The field, the block. */
    OUTPUT_IN_BLOCK(ProblemKind.MISPLACED, "%s: @Output marks an output of the network, and %s is a block, whose"
            + " output is its last field's; put @Output on the network's field that uses the block"),
    /** The field, the block. */
    INPUT_IN_BLOCK(ProblemKind.MISPLACED, "%s: @Input declares an input of the network, and %s is a block; give the"
            + " block a String parameter that names the tensor, and read it by that name"),
    /** The field, the modifier. */
    MODIFIER_ON_INPUT(ProblemKind.MISPLACED, "%s: %s does not apply to an @Input, which reads nothing and computes"
            + " nothing; remove it"),
    MODIFIER_WITHOUT_LAYER(ProblemKind.MISPLACED, "%s: %s modifies a layer or block annotation on the same field,"
            + " and this field has none; add one, such as @Conv(...)"),
    /** The field, the layer's annotation. */
    REPEAT_ON_LAYER(ProblemKind.MISPLACED, "%s: @Repeat repeats a block, not a layer such as %s; declare a @Block,"
            + " or give each layer a field of its own"),
    /** The field, the layer's annotation. */
    EXPERTS_ON_LAYER(ProblemKind.MISPLACED, "%s: @MixtureOfExperts makes a block the expert of a mixture, and %s is"
            + " a layer; declare the expert as a @Block and use it here"),
    /** The field, the block. */
    TIED_ON_BLOCK(ProblemKind.MISPLACED, "%s: @Tied shares the weight of one layer, and %s is a block; put @Tied on"
            + " a layer inside the block"),
    /** The class, the annotation ({@code @Budget}), the class, the annotation. */
    NETWORK_ANNOTATION_WITHOUT_NETWORK(ProblemKind.MISPLACED, "%1$s: %2$s applies to a network, and %1$s is none;"
            + " annotate it with @Network(input = {...}), or remove %2$s"),

    // budget: each the figure, the limit and the excess (Summary.grouped), the share of the limit
    // ("" for a limit of 0, else " (2.2 %)"), then what BudgetCheck found contributes most
    /** The fields with the most parameters. */
    OVER_MAX_PARAMS(ProblemKind.BUDGET, "PARAMS = %s is over maxParams = %s by %s%s; the fields that hold the most:"
            + " %s"),
    /** The fields with the most MACs. */
    OVER_MAX_MACS(ProblemKind.BUDGET, "MACS = %s is over maxMacs = %s by %s%s; the fields that compute the most: %s"),
    /** The fields with the most FLOPs. */
    OVER_MAX_FLOPS(ProblemKind.BUDGET, "FLOPS = %s is over maxFlops = %s by %s%s; the fields that compute the most:"
            + " %s"),
    /**
     * The parameter bytes, the activation bytes, where the peak is, the dtype ({@code float32}), the
     * largest tensors alive there.
     */
    OVER_MAX_PEAK_MEMORY_BYTES(ProblemKind.BUDGET, "PEAK_MEMORY_BYTES = %s is over maxPeakMemoryBytes = %s by %s%s;"
            + " parameters %s and activations %s at %s, in %s; the largest tensors alive there: %s"),
    /** The dtype, the fields with the most parameter and buffer bytes. */
    OVER_MAX_PARAM_BYTES(ProblemKind.BUDGET, "PARAM_BYTES = %s is over maxParamBytes = %s by %s%s; parameters and"
            + " buffers in %s, the fields that hold the most: %s"),
    /** The fields whose tokens use the most parameters. */
    OVER_MAX_ACTIVE_PARAMS(ProblemKind.BUDGET, "ACTIVE_PARAMS = %s is over maxActiveParams = %s by %s%s; the fields"
            + " whose parameters one token uses most: %s"),
    /**
     * The model states' parts (weights, gradients, master weights, optimizer state), the activation
     * peak, the phase and layer where it is reached, the optimizer and precision.
     */
    OVER_MAX_TRAINING_MEMORY_BYTES(ProblemKind.BUDGET, "TRAINING_PEAK_BYTES = %s is over maxTrainingMemoryBytes = %s"
            + " by %s%s; model states %s (weights %s, gradients %s, master weights %s, optimizer state %s, for %s in"
            + " %s) and activations %s at %s"),
    /** Forward, backward and recomputation. */
    OVER_MAX_STEP_FLOPS(ProblemKind.BUDGET, "STEP_FLOPS = %s is over maxStepFlops = %s by %s%s; forward %s,"
            + " backward %s, recomputation %s"),

    // budget, the time limits: the device (L4, NVIDIA L4), the time in ns (grouped) and, from a
    // microsecond up, readable ("8,000,000 ns (8.00 ms)"), the limit the same way without its unit
    // ("15,000,000 (15.0 ms)"), the excess likewise with its share ("974 ns (6.5 %)"), then the layers
    // that take longest, each with its time, share and bound
    /** One inference on a device. */
    OVER_MAX_INFERENCE_NANOS(ProblemKind.BUDGET, "one inference on %s takes %s at best, over maxInferenceNanos ="
            + " %s by %s; the layers that take longest: %s"),
    /** One decode step on a device, at the context. */
    OVER_MAX_DECODE_NANOS_PER_TOKEN(ProblemKind.BUDGET, "one decode step on %s, at a context of %d tokens, takes"
            + " %s at best, over maxDecodeNanosPerToken = %s by %s; the layers that take longest in a step: %s"),

    // roofline
    /** The class, the element that names it ({@code @Roofline(custom)}), the class. */
    NOT_A_CUSTOM_DEVICE(ProblemKind.ROOFLINE, "%1$s: %2$s takes classes that declare a device, and %1$s has no"
            + " @CustomDevice; annotate %1$s with @CustomDevice(name = \"...\", memoryBytesPerSecond = ...),"
            + " or name another class"),
    /** The type as written before {@code .class} ({@code int}, {@code String[]}), the element that names it. */
    NOT_A_DEVICE_CLASS(ProblemKind.ROOFLINE, "%1$s: %2$s takes classes that declare a device, and %1$s is no"
            + " class; name a class annotated with @CustomDevice(name = \"...\", memoryBytesPerSecond = ...)"),
    /** The class, the element, its value. */
    CUSTOM_DEVICE_PEAK(ProblemKind.ROOFLINE, "%s: @CustomDevice(%s = %s) is no peak: give a finite number of"
            + " operations per second, or 0 when the device has none for that type"),
    /** The class, the value. */
    CUSTOM_DEVICE_BANDWIDTH(ProblemKind.ROOFLINE, "%s: @CustomDevice(memoryBytesPerSecond = %s): every byte a layer"
            + " moves goes through the memory, so a device's bandwidth is a finite number of bytes per second above"
            + " 0"),
    /** The class. */
    CUSTOM_DEVICE_BLANK_NAME(ProblemKind.ROOFLINE, "%s: @CustomDevice(name) is blank or holds a line break or"
            + " another control character; give what summaries and reports call the device, on one line, such as"
            + " \"Jetson Orin NX 16GB\""),
    /** The class, the value. */
    CUSTOM_DEVICE_ON_CHIP_BYTES(ProblemKind.ROOFLINE, "%s: @CustomDevice(onChipBytes = %d) is below 0; give the"
            + " bytes of on-chip memory, or 0 if unknown"),
    /** The network. */
    ROOFLINE_WITHOUT_DEVICES(ProblemKind.ROOFLINE, "%s: @Roofline names no device; name one of Hardware, such as"
            + " @Roofline(Hardware.L4), or a class of yours with @Roofline(custom = ...)"),
    /** The device's constant, its name, the dtype, the figure it lacks, the network. */
    DEVICE_WITHOUT_PEAK(ProblemKind.ROOFLINE, "%1$s (%2$s) has no peak for %3$s (its %4$s is 0), and %5$s runs in"
            + " %3$s, so it has no roofline time there; name a device with that peak, or declare one with"
            + " @CustomDevice"),
    /** The class, its device's name, the dtype, the figure it lacks, the network, the figure. */
    CUSTOM_DEVICE_WITHOUT_PEAK(ProblemKind.ROOFLINE, "%1$s (%2$s) has no peak for %3$s (its %4$s is 0), and %5$s runs"
            + " in %3$s, so it has no roofline time there; give @CustomDevice(%6$s = ...) on %1$s"),
    /** The network, the annotation and element, the device. */
    DEVICE_NAMED_TWICE(ProblemKind.ROOFLINE, "%s: %s names %s twice; a device has one roofline, so name it once"),
    /** The limit, the network. */
    TIME_LIMIT_WITHOUT_ROOFLINE(ProblemKind.ROOFLINE, "%s bounds a roofline time, and %s has no @Roofline to say on"
            + " which device; declare @Roofline(Hardware.L4), or @Roofline(custom = ...) for a device of yours"),
    /** The network. */
    DECODE_LIMIT_WITHOUT_DECODER(ProblemKind.ROOFLINE, "maxDecodeNanosPerToken bounds the time of one decode step,"
            + " and %s is no @Decoder, which has decode steps; mark it @Decoder, or bound maxInferenceNanos"),
    /** The element ({@code @Budget(device)}), the device, the network. */
    BUDGET_DEVICE_NOT_IN_ROOFLINE(ProblemKind.ROOFLINE, "%1$s names %2$s, and %3$s's @Roofline does not, so %3$s has"
            + " no roofline time on it; add %2$s to @Roofline, or remove it here"),
    /** The element, the network, the element. */
    BUDGET_DEVICE_WITHOUT_TIME_LIMIT(ProblemKind.ROOFLINE, "%1$s names the devices the time limits of %2$s hold on,"
            + " and it has none; write maxInferenceNanos or maxDecodeNanosPerToken, or remove %1$s"),

    // overflow
    /** The largest long, grouped. */
    /** The input, the batch, the largest long, grouped. */
    INPUT_BYTES_OVERFLOW(ProblemKind.OVERFLOW, "%s: the bytes of this input for the batch of %d do not fit a long (at"
            + " most %s); netcost never wraps a number: make the input or the batch smaller"),
    FIGURE_OVERFLOW(ProblemKind.OVERFLOW, "a shape or figure of this layer, or the network's total with it, does not"
            + " fit a long (at most %s); netcost never wraps a number: make the layer or its input smaller"),
    /** The batch, the largest long, grouped. */
    FIGURE_OVERFLOW_WITH_BATCH(ProblemKind.OVERFLOW, "a shape or figure of this layer with batch %d, or the network's"
            + " total with it, does not fit a long (at most %s); netcost never wraps a number: make the layer or its"
            + " input smaller"),
    /** The network. */
    MEMORY_OVERFLOW(ProblemKind.OVERFLOW, "%s: its memory in bytes does not fit a long; netcost never wraps a number"),
    TRAINING_OVERFLOW(ProblemKind.OVERFLOW,
            "%s: a figure of its training step (batch %d) does not fit a long; netcost never wraps a number"),
    /** The network. */
    KV_CACHE_OVERFLOW(ProblemKind.OVERFLOW, "%s: its KV cache in bytes does not fit a long; netcost never wraps a"
            + " number"),
    /** The device as written, its name, the network. */
    ROOFLINE_TIME_OVERFLOW(ProblemKind.OVERFLOW, "%s (%s): a roofline time of %s on it, in nanoseconds, does not fit"
            + " a long, or its ridge point (peak over bandwidth) is beyond any device's, 1e-9 to 1e15 FLOP/B;"
            + " netcost never wraps a number: give the device's peaks in operations per second and its bandwidth"
            + " in bytes per second"),

    // two-layers
    /** The field, the annotations ({@code @Conv and @ReLU}), the second. */
    TWO_LAYER_ANNOTATIONS(ProblemKind.TWO_LAYERS, "%s: a field declares one layer, but it has %s; move %s to a field"
            + " of its own after this one"),

    // local-class
    /** The class, what it is ({@code the local class Net}), the class. */
    LOCAL_NETWORK(ProblemKind.LOCAL_CLASS, "%1$s: @Network on %2$s, which netcost cannot read: javac shows"
            + " annotation processors no class declared inside a method; declare %1$s as a top-level or member class"),
    /** The field, the annotation, what the class is. */
    LAYER_IN_LOCAL_CLASS(ProblemKind.LOCAL_CLASS, "%s: %s declares a layer in %s, which netcost cannot read: javac"
            + " shows annotation processors no class declared inside a method; declare the network as a top-level or"
            + " member class"),

    // unresolved
    /** The network, what javac could not resolve, the companion's simple name. */
    STILL_UNRESOLVED(ProblemKind.UNRESOLVED, "%s: javac could not resolve %s, so netcost analysed nothing and wrote"
            + " no %s; fix javac's error there"),

    // not-in-network
    /** The field, its annotation, the class, the class. */
    LAYER_OUTSIDE_NETWORK(ProblemKind.NOT_IN_NETWORK, "%1$s: %2$s declares a layer, but %3$s is not a network;"
            + " annotate %3$s with @Network(input = {...}), or declare the layers in the nested class Layers of a"
            + " @Block"),
    /** The element annotated, its annotation, what the element is ({@code a parameter of L.m}). */
    LAYER_NOT_ON_FIELD(ProblemKind.NOT_IN_NETWORK, "%1$s: %2$s declares a layer, but %1$s is %3$s, not a field;"
            + " declare the layer as a field `Layer name;` of a class annotated with @Network(input = {...}), or of"
            + " the nested class Layers of a @Block"),

    // field-type
    /** The field, its type, the field. */
    LAYER_FIELD_TYPE(ProblemKind.FIELD_TYPE, "%1$s: a layer field must have the type dev.netcost.Layer, not %2$s;"
            + " declare it as `Layer %1$s;`"),

    // no-layers
    /** The network. */
    NETWORK_WITHOUT_LAYERS(ProblemKind.NO_LAYERS, "%s declares no layers; add fields such as"
            + " `@Conv(out = 16, kernel = 3) Layer conv1;`"),

    // constant-clash: each the field or block instance, the stem of its constants, then the owner of the name
    /** The name taken, what netcost's constant of that name holds ({@code the batch size}). */
    FIELD_CONSTANT_NAME_TAKEN_BY_NETCOST(ProblemKind.CONSTANT_CLASH, "%s: its constants would be named %s_*, and %s"
            + " already holds %s; rename the field"),
    /** The name taken, what it holds, the network's field that uses the block. */
    INSTANCE_CONSTANT_NAME_TAKEN_BY_NETCOST(ProblemKind.CONSTANT_CLASH, "%s: its constants would be named %s_*, and %s"
            + " already holds %s; rename %s"),
    /** The earlier field or block instance. */
    FIELD_CONSTANT_NAMES_TAKEN(ProblemKind.CONSTANT_CLASH, "%s: its constants would be named %s_*, as those"
            + " of %s are; rename one of the two fields"),
    /** The earlier field or block instance. */
    INSTANCE_CONSTANT_NAMES_TAKEN(ProblemKind.CONSTANT_CLASH, "%s: its constants would be named %s_*, as"
            + " those of %s are; rename one"),
    /** The device's class, its stem, the earlier device. */
    DEVICE_CONSTANT_NAMES_TAKEN(ProblemKind.CONSTANT_CLASH, "%s: its constants would be named %s_*, as those of"
            + " the device %s are; rename the class"),

    // name-taken
    /** The companion's qualified name, the network. */
    COMPANION_NAME_DECLARED(ProblemKind.NAME_TAKEN, "netcost generates %s for %s, but a type of that name is already"
            + " declared; rename that type or the network"),
    /** The companion's qualified name, the network, the Filer's refusal. */
    COMPANION_NOT_WRITTEN(ProblemKind.NAME_TAKEN, "netcost could not write %s for %s: %s; another network or"
            + " generated type may already use that name: rename one of them"),

    // op-declaration: each on the declaration of the op, once, whatever its uses
    /** The attribute, its type. */
    OP_ATTRIBUTE_TYPE(ProblemKind.OP_DECLARATION, "%s: an attribute of an op you declare is an int, an int[] or a"
            + " boolean, not %s"),
    /** The attribute, what its expressions use the name for. */
    OP_ATTRIBUTE_RESERVED(ProblemKind.OP_DECLARATION, "%1$s: an op's attribute may not be named `%1$s`: its"
            + " expressions use that name for %2$s; rename the attribute"),
    /** The op, the name given, the op, its attributes. */
    OP_CHECK_ATTRIBUTE_UNKNOWN(ProblemKind.OP_DECLARATION, "%s: attribute = \"%s\" names no attribute of %s; it"
            + " has %s"),
    /** The op, the name given, the op. */
    OP_CHECK_ATTRIBUTE_NONE(ProblemKind.OP_DECLARATION, "%s: attribute = \"%s\" names no attribute: %s has none;"
            + " leave it out to report on the annotation"),
    /** The op. */
    OP_NO_LAYOUTS(ProblemKind.OP_DECLARATION, "%s: layouts = {} takes no input; list the layouts the op takes,"
            + " such as layouts = CustomOp.Layout.FEATURES"),
    /** The op, the dimensions its shape gives. */
    OP_SHAPE_RANK(ProblemKind.OP_DECLARATION, "%s: shape gives %d dimensions, and netcost takes 1 to 4; give one"
            + " expression per dimension, or shape = {} for the input's shape"),
    /** The op, its name as a Java literal would write it, the longest name taken. */
    OP_NAME_NOT_PLAIN(ProblemKind.OP_DECLARATION, "%s: name = \"%s\" is not a plain op name: a name starts with a"
            + " letter and holds only ASCII letters, digits, `_`, `.` and `-`, at most %d of them, so that the"
            + " summary, the companion and the reports print it as written; rename the op"),
    /** The op. */
    OP_ALSO_BLOCK(ProblemKind.OP_DECLARATION, "%s: @CustomOp declares an op and @Block a block, and an annotation is"
            + " one or the other; remove one of them"),
    /** The attribute, the attribute, the attribute. */
    OP_ATTRIBUTE_NAMES_FUNCTION(ProblemKind.OP_DECLARATION, "%1$s: an int[] attribute may not be named `%1$s`: its"
            + " expressions read it by index, as %1$s(0), which calls the function %1$s; rename the attribute"),
    /** The op, the dimensions its shape gives. */
    OP_SHAPE_RANK_CHANNELS_LAST(ProblemKind.OP_DECLARATION, "%s: shape gives %d dimensions, but an op's output keeps"
            + " its input's layout, and a map with its channels last has 3 or 4 dimensions (or 1, a vector); to give"
            + " this shape, take layouts = CustomOp.Layout.FEATURES and put @ChannelsFirst before the op"),
    /** The op, the dimensions its shape gives. */
    OP_SHAPE_RANK_TOKENS(ProblemKind.OP_DECLARATION, "%s: shape gives %d dimensions, but an op's output keeps its"
            + " input's layout, and tokens have 2 dimensions (T, E), or 3 (S, T, E) as @Unfold gives them (or 1, a"
            + " vector); to give this shape, take layouts = CustomOp.Layout.FEATURES and put @ToMap before the op"),

    // op-check
    /** The user's message, the op ({@code @SqueezeExcitation}), the condition as written. */
    OP_CHECK_FAILED(ProblemKind.OP_CHECK, "%s (%s requires %s)"),

    // internal
    /** The class, the exception's stack trace. */
    INTERNAL_ERROR(ProblemKind.INTERNAL, "netcost failed on %s. This is a bug in netcost; please report it with this"
            + " trace:\n%s"),

    // The lints, in Lint's order. A shape lint's text is framed by LintRules with the path and the input.

    // bias-before-norm
    /** The field, the norm after it, the bias's parameters (grouped). */
    BIAS_BEFORE_NORM(Lint.BIAS_BEFORE_NORM, "%s: the bias is wasted: %s right after it subtracts each channel's"
            + " mean, bias included (%s parameters); set bias = false"),
    /** The field, the norm after it: its channels come from an expression, so the parameters are not counted. */
    BIAS_BEFORE_NORM_UNCOUNTED(Lint.BIAS_BEFORE_NORM, "%s: the bias is wasted: %s right after it subtracts each"
            + " channel's mean, bias included; set bias = false"),

    // unread-input: each takes the cells of every dimension that has some, UNREAD_CELLS joined by ", and "
    UNREAD_INPUT_OF_CONVOLUTION(Lint.UNREAD_INPUT, "%s are never read: the output size rounds down; pad the input,"
            + " or change the stride"),
    UNREAD_INPUT_OF_POOLING(Lint.UNREAD_INPUT, "%s are never read: the output size rounds down; pad the input, or"
            + " set ceilMode = true"),
    /** The cells, the input's size, the dimension's name, the kernel, stride and padding along it. */
    UNREAD_CELLS(Lint.UNREAD_INPUT, "the last %d of the %d input cells along the %s (kernel %d, stride %d, padding"
            + " %d)"),

    // padding-only
    /** The positions of every dimension that has some, PADDING_ONLY_POSITIONS joined by ", and "; the op. */
    PADDING_ONLY_WINDOWS(Lint.PADDING_ONLY, "%s read only padding: the %s window never reaches the input from there;"
            + " lower the padding"),
    /** The positions, the output's size, the dimension's name, the kernel, dilation and padding along it. */
    PADDING_ONLY_POSITIONS(Lint.PADDING_ONLY, "%d of the %d output positions along the %s (kernel %d, dilation %d,"
            + " padding %d)"),

    // dead-branch
    /** The field, the next field, the network or block, the field. */
    DEAD_BRANCH(Lint.DEAD_BRANCH, "%1$s: nothing reads this field's output: %2$s reads another tensor, and no merge"
            + " or @From in %3$s names %1$s; remove it, or name it where it is needed"),
    /** The field, the input below it, the network. */
    DEAD_BRANCH_ABOVE_INPUT(Lint.DEAD_BRANCH, "%1$s: nothing reads this field's output: %2$s below it is an @Input,"
            + " which reads nothing, and no merge or @From in %3$s names %1$s; remove it, or name it where it is"
            + " needed"),
    /** The network. */
    DEAD_BRANCH_UNREAD_NETWORK_INPUT(Lint.DEAD_BRANCH, "%s: nothing reads its input = {...}: the first field is an"
            + " @Input, which reads nothing, and no merge or @From names input; remove input, or read it"),
    /** The last field, the network. */
    DEAD_BRANCH_NOT_OUTPUT(Lint.DEAD_BRANCH, "%1$s: nothing reads this field's output, and %2$s names its outputs"
            + " with @Output, which %1$s is not; mark it @Output, or remove it"),
    /** The field, the first field that reads it (training-only), the network or block. */
    DEAD_BRANCH_TRAINING_ONLY_READERS(Lint.DEAD_BRANCH, "%1$s: only fields that run in training alone"
            + " (@TrainingOnly) read this field's output, first %2$s, so at inference nothing in %3$s reads it,"
            + " yet it runs and is counted there; mark %1$s @TrainingOnly as well, or name it where inference"
            + " needs it"),

    // heavy-classifier
    /** The layer's parameters, the network's (both grouped), the share. */
    HEAVY_CLASSIFIER(Lint.HEAVY_CLASSIFIER, "this @Linear holds %s of the network's %s parameters (%s %%); a global"
            + " average pool before the classifier, as ResNet has, would shrink it"),

    // The option warnings, each the option's name first (ProcessorOptions.REPORTS), as -A takes it.

    // option
    /** The name given. */
    UNKNOWN_REPORT(OptionWarning.OPTION, "-A%s: unknown report `%s`; use json, md, dot, svg or none, separated by commas"),
    /** The names given, quoted and joined ({@code `xml` and `pdf`}). */
    UNKNOWN_REPORTS(OptionWarning.OPTION, "-A%s: unknown reports %s; use json, md, dot, svg or none, separated by commas"),
    /** The name given. */
    ONLY_UNKNOWN_REPORT(OptionWarning.OPTION, "-A%s: unknown report `%s` and no other report is named, so netcost"
            + " writes every report (json, md, dot, svg); use json, md, dot, svg or none, separated by commas"),
    /** The names given, quoted and joined. */
    ONLY_UNKNOWN_REPORTS(OptionWarning.OPTION, "-A%s: unknown reports %s and no other report is named, so netcost"
            + " writes every report (json, md, dot, svg); use json, md, dot, svg or none, separated by commas"),
    NO_REPORT_NAMED(OptionWarning.OPTION, "-A%s names no report, so netcost writes every report (json, md, dot,"
            + " svg); use json, md, dot, svg or none, separated by commas"),
    PRINT_WITHOUT_VALUE(OptionWarning.OPTION, "-A%s has no value, so netcost prints no summary; use true or false"),
    /** The value given. */
    PRINT_NOT_BOOLEAN(OptionWarning.OPTION, "-A%s=%s: use true or false");

    private final DiagnosticId id;
    private final String template;
    private final int arity;

    Message(DiagnosticId id, String template) {
        this.id = id;
        this.template = template;
        this.arity = arity(template);
    }

    /** The id the message is printed under: an error's, a lint's or the option warnings'. */
    public DiagnosticId id() {
        return id;
    }

    /**
     * The id of an error's message, for its {@link Fault}.
     *
     * @throws IllegalStateException for a lint's or an option warning's message
     */
    public ProblemKind kind() {
        if (id instanceof ProblemKind kind) {
            return kind;
        }
        throw new IllegalStateException(name() + " is no error's message: its id is " + id.id());
    }

    /**
     * The id of a lint's message, for its finding.
     *
     * @throws IllegalStateException for an error's or an option warning's message
     */
    public Lint lint() {
        if (id instanceof Lint lint) {
            return lint;
        }
        throw new IllegalStateException(name() + " is no lint's message: its id is " + id.id());
    }

    /** The text with its placeholders, as the catalogue holds it. */
    public String template() {
        return template;
    }

    /** How many values {@link #text} takes. */
    public int arity() {
        return arity;
    }

    /**
     * The text for these values, without the id.
     *
     * @throws IllegalArgumentException if there are not as many values as the template has places
     */
    public String text(Object... values) {
        if (values.length != arity) {
            throw new IllegalArgumentException(name() + " takes " + arity + " values, not " + values.length);
        }
        return String.format(Locale.ROOT, template, values);
    }

    /** The message as javac shows it, with its id: {@code [netcost:local-class] ...}. */
    public String format(Object... values) {
        return id.format(text(values));
    }

    /** The fault on {@code attr}, which the IDE underlines; for an error's message only ({@link #kind}). */
    public Fault on(Attr attr, Object... values) {
        return Fault.on(attr, kind(), text(values));
    }

    /** The fault on the annotation as a whole: no attribute is to blame, the input is. */
    public Fault onAnnotation(Object... values) {
        return Fault.onAnnotation(kind(), text(values));
    }

    /** The fault on the value of a block's argument where the block is used: {@code @Bottleneck(groups = 3)}. */
    public Fault onArgument(String argument, Object... values) {
        return Fault.onArgument(argument, kind(), text(values));
    }

    /**
     * The number of values {@code template} takes; every value from the first to the last must
     * have a place, so that none is passed in vain. Scanned by hand: the catalogue's 400 templates
     * are read when the class is first used, and a regular expression there made a cold compile's
     * JIT compile the regex engine (docs/architecture.md).
     *
     * @throws IllegalArgumentException for a placeholder other than {@code %s}, {@code %d},
     *     {@code %2$s}, {@code %2$d} and {@code %%}, or a gap in the numbered ones
     */
    static int arity(String template) {
        TreeSet<Integer> used = new TreeSet<>();
        int next = 1;
        for (int at = template.indexOf('%'); at >= 0; at = template.indexOf('%', at)) {
            at++;
            int digits = at;
            while (digits < template.length() && template.charAt(digits) >= '0' && template.charAt(digits) <= '9') {
                digits++;
            }
            Integer place = null;
            if (digits > at && digits < template.length() && template.charAt(digits) == '$') {
                place = Integer.parseInt(template.substring(at, digits));
                at = digits + 1;
            }
            char conversion = at < template.length() ? template.charAt(at) : 0;
            if (conversion != 's' && conversion != 'd' && (conversion != '%' || place != null)) {
                throw new IllegalArgumentException("only %s, %d, %1$s, %1$d and %% may be used: " + template);
            }
            at++;
            if (conversion != '%') {
                used.add(place == null ? next++ : place);
            }
        }
        int arity = used.size();
        if (arity > 0 && (used.first() != 1 || used.last() != arity)) {
            throw new IllegalArgumentException("the places must be numbered 1 to " + arity + ": " + template);
        }
        return arity;
    }
}
