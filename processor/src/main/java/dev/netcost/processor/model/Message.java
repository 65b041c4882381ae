package dev.netcost.processor.model;

import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p><b>A constant</b> is one message: its id (for an error, the {@link ProblemKind}) and its
 * template, a {@link java.util.Formatter} string with only {@code %s}, {@code %d}, their
 * numbered forms {@code %1$s} and {@code %%}, formatted in {@link Locale#ROOT}. Numbers are
 * {@code %d}, so that a {@code String} where a number belongs fails at once; a number printed
 * {@code Summary.grouped} ({@code 4,089,184,256}) or a {@code double} as Java prints it is
 * {@code %s}. The call site passes the values in the template's order and gets the text
 * ({@link #text}) or the {@link Fault} ({@link #on}, {@link #onAnnotation}); the number of
 * values is checked, since varargs are not. The name says the mistake, not the op that finds
 * it, so that an op that finds it too reuses it: {@link #BELOW_MINIMUM}.
 *
 * <p><b>What is not a constant.</b> Framing that every message of a stage gets, said once where
 * it is added: the walker's {@code conv2 on input (96, 27, 27): } prefix, the id prefix
 * {@code [netcost:channels] } ({@link ProblemKind#format}). And fragments that are values, not
 * sentences, computed by the code that knows them and passed as an argument: a merge's inputs
 * ({@code Merge.describe}), the divisors a fix suggests ({@code Attention.divisors}), a budget's
 * largest contributors. A message that ends in a varying clause (a fix that depends on the
 * input) is two constants, one per clause, not a template with a clause argument:
 * {@link #TOKENS_NEEDED_NOT_IDS} and {@link #TOKENS_NEEDED_NOT_FEATURE_MAP}.
 *
 * <p><b>The rest of the messages (phase 2 of issue 12)</b> come here the same way:
 * <ul>
 *   <li><b>Errors</b> found by the pure core ({@code Window}, {@code PoolWindow}, {@code Pooling},
 *       {@code infer}, {@code budget}): {@code Fault.on(attr, ProblemKind.X, "a" + b)} becomes
 *       {@code Message.Y.on(attr, b)}; a fault made with an empty text to be placed and worded
 *       later ({@code Fault.onArgument(name, kind, "")} then {@code withMessage}) gets an
 *       {@code onArgument(String argument, Object... args)} here beside {@link #on}.
 *       Expression errors ({@code model/expr}) throw an {@code ExprException} that holds its
 *       constant and values, and its {@code getMessage()} is {@code message.text(values)}.
 *   <li><b>Budget overruns</b> ({@code BudgetCheck}): one constant per limit, as
 *       {@code OVER_MAX_PARAMS(ProblemKind.BUDGET, "PARAMS = %s is over maxParams = %s by %s%s; the
 *       fields that hold the most: %s")}, taking the grouped figure, limit and excess, the share
 *       ({@code " (2.2 %)"}, empty for a limit of 0) and the contributors, both fragments made by
 *       {@code BudgetCheck}; the negative limit is {@link #BELOW_MINIMUM}.
 *   <li><b>Errors found by the reader</b> ({@code read/}, and the name clash in
 *       {@code NetworkProcessor}): {@code read} may not be imported here (it has javac types), so
 *       {@code LocatedProblem} gets the factory
 *       {@code static LocatedProblem of(Message message, SourceLocation where, Object... args)},
 *       {@code new LocatedProblem(message.kind(), where, message.text(args))}, and
 *       {@code FieldReader.problem(kind, where, text)} becomes
 *       {@code problem(message, where, args...)}. Their texts name the field themselves
 *       ({@code "%s: a layer field must have the type ..."}): nothing frames them.
 *   <li><b>Lints</b>: {@code Lint} holds ids only, like {@link ProblemKind}; it moves to this
 *       package (model may not import {@code lint}), keeping {@code suppression()}. Both enums then
 *       implement a sealed interface {@code DiagnosticId} here, with {@code id()} and the
 *       {@code format(text)} they now each define; this enum's field becomes a
 *       {@code DiagnosticId}, with a second constructor {@code Message(Lint, String)}, and
 *       {@link #kind()} (for faults) and a new {@code lint()} (for findings) return the id as
 *       their type or throw {@link IllegalStateException} for a constant of the other family.
 *       {@code LintRules} then writes
 *       {@code Finding.of(Message.DEAD_BRANCH, block, node, attr, args...)}, a factory on
 *       {@code Finding} that takes the lint from {@code message.lint()}, so a finding's lint and
 *       its text cannot disagree.
 *   <li><b>Option warnings</b> ({@code [netcost:option]}, {@code ProcessorOptions}): not about
 *       any declaration, not suppressible, so neither an error nor a lint. Their id is the one
 *       constant of {@code enum OptionWarning implements DiagnosticId { OPTION("option") }} in
 *       this package; the two texts become constants
 *       ({@code UNKNOWN_REPORT(OptionWarning.OPTION, "-A%s: unknown report `%s`; use json, md,
 *       dot or none, separated by commas")}), and {@code ProcessorOptions} calls
 *       {@code warn.accept(Message.UNKNOWN_REPORT.format(REPORTS, name))}, where
 *       {@code format(args)} is {@code id.format(text(args))}. The README test then takes
 *       {@code OptionWarning.values()} instead of its hard-coded {@code "option"}.
 *   <li>What is left (the internal error in {@code check/DiagnosticReporter}, the Filer's refusal
 *       in {@code NetworkProcessor}) the same way. Then no {@code ProblemKind.} or {@code Lint.}
 *       constant is named in the main code outside this file and the id enums, and
 *       {@code MessageTest} asserts that, so that no text can escape the catalogue again.
 * </ul>
 * Constants stay grouped by id, the error ids in {@link ProblemKind}'s order, then the lints in
 * {@code Lint}'s order, then the option warnings.
 */
public enum Message {
    // out-of-range
    /** {@code groups = 0 must be at least 1}: the attribute's name, its value, its minimum. */
    BELOW_MINIMUM(ProblemKind.OUT_OF_RANGE, "%s = %d must be at least %d"),
    NOT_A_PROBABILITY(ProblemKind.OUT_OF_RANGE, "p = %s is not a probability; use a value from 0 to 1"),
    /** The index, the last part's index, the number of parts. */
    SPLIT_INDEX_OUT_OF_RANGE(ProblemKind.OUT_OF_RANGE, "index = %d must be from 0 to %d, one of the %d parts"),
    /** The index, the number of tokens, the lowest and the highest index. */
    TOKEN_INDEX_OUT_OF_RANGE(ProblemKind.OUT_OF_RANGE,
            "index = %d is not one of the %d tokens: it must be from %d to %d"),
    /** The field, the count. */
    REPEAT_BELOW_ONE(ProblemKind.OUT_OF_RANGE, "%s: @Repeat(%d) must be at least 1"),

    // channels
    SPLIT_PARTS_NOT_DIVIDING_CHANNELS(ProblemKind.CHANNELS, "the %d channels do not split into %d equal parts"),
    /** The groups, the channels. */
    SHUFFLE_GROUPS_NOT_DIVIDING_CHANNELS(ProblemKind.CHANNELS, "groups = %d does not divide the %d channels"),

    // window
    /** The padding, the dimension's name ({@code height}), the size it would give. */
    PADDING_TRIMS_OUTPUT(ProblemKind.WINDOW,
            "padding %d trims the output %s to %d; use less padding or a larger kernel or stride"),

    // output-padding
    OUTPUT_PADDING_TOO_LARGE(ProblemKind.OUTPUT_PADDING, "outputPadding %d must be smaller than the stride %d or the"
            + " dilation %d, as PyTorch requires; lower outputPadding"),

    // input-shape
    BATCH_NORM_INPUT_RANK(ProblemKind.INPUT_SHAPE, "@BatchNorm takes (C), (C, L), (C, H, W) or (C, D, H, W)"),
    EMBEDDING_NOT_TOKEN_IDS(ProblemKind.INPUT_SHAPE, "@Embedding looks up token ids (T), but its input is %s;"
            + " declare the network's input as the ids, @Network(input = {T}), and put the embedding first"),
    TO_TOKENS_ON_TOKENS(ProblemKind.INPUT_SHAPE,
            "@ToTokens makes tokens of a feature map, but its input %s is tokens already; remove it"),
    TO_TOKENS_ON_VECTOR(ProblemKind.INPUT_SHAPE,
            "@ToTokens makes tokens of a feature map (C, H, W) or (C, L), but its input is the vector %s"),
    /** The annotation ({@code @MultiHeadAttention}), its input. */
    TOKENS_NEEDED_NOT_IDS(ProblemKind.INPUT_SHAPE, "%s works on tokens (T, E), but its input %s has one"
            + " dimension: if it is token ids, put an @Embedding before it"),
    /** The annotation, its input, and the tokens {@code @ToTokens} would make of it: positions, channels. */
    TOKENS_NEEDED_NOT_FEATURE_MAP(ProblemKind.INPUT_SHAPE, "%s works on tokens (T, E), but its input is the"
            + " feature map %s; put @ToTokens before it, which makes (%d, %d) tokens of it"),

    // needs-flatten
    /** The elements the input has, which a {@code @Flatten} would give. */
    LINEAR_NEEDS_FLATTEN(ProblemKind.NEEDS_FLATTEN, "@Linear needs a vector or tokens (T, E), but its input still"
            + " has spatial dimensions; add a @Flatten layer before it (it would give (%d)), or @ToTokens for one"
            + " token per position"),

    // merge: each takes the inputs as Merge.describe gives them
    ADD_SHAPES_DIFFER(ProblemKind.MERGE, "@Add needs tensors of one shape, but %s; on a residual path whose"
            + " channels or size change, give the shortcut a 1 x 1 convolution with the same stride"),
    CONCAT_SIZES_DIFFER(ProblemKind.MERGE, "@Concat joins on the channels (the first dimension) and needs every"
            + " other dimension equal, but %s; give the branches the same stride and padding"),
    MUL_SHAPES_DO_NOT_BROADCAST(ProblemKind.MERGE, "@Mul needs shapes that broadcast (aligned on the last"
            + " dimension, each pair equal or one of them 1), but %s; squeeze-and-excitation multiplies (C, 1, 1)"
            + " by (C, H, W)"),

    // heads
    /** The heads, the key/value heads, the divisors to suggest. */
    KV_HEADS_NOT_DIVIDING_HEADS(ProblemKind.HEADS, "heads = %d do not share kvHeads = %d key/value heads evenly:"
            + " each key/value head serves heads / kvHeads query heads; use one of %s"),
    /** The token width, the heads, the divisors to suggest. */
    HEADS_NOT_DIVIDING_WIDTH(ProblemKind.HEADS, "the token width E = %d does not split into heads = %d heads of"
            + " equal width; use one of %s"),

    // sequence-length
    /** The tokens, the table's length. */
    SEQUENCE_LONGER_THAN_TABLE(ProblemKind.SEQUENCE_LENGTH, "a sequence of %1$d tokens is longer than the position"
            + " table (length = %2$d); make length at least %1$d, or the sequence shorter"),

    // missing
    /** The field, the annotation ({@code @Conv}), the attribute. */
    ATTRIBUTE_MISSING(ProblemKind.MISSING, "%1$s: %2$s needs %3$s; write it, as %2$s(%3$s = ...), or give it in a"
            + " block by @With(%3$s = \"...\")"),

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
    /** What is written ({@code conv: out}), the text, why it does not parse (the expression language's own words). */
    EXPRESSION_INVALID(ProblemKind.EXPRESSION, "%s = \"%s\": %s"),

    // merge-inputs
    /** The field, the merge annotation, twice. */
    MERGE_WITH_FROM(ProblemKind.MERGE_INPUTS, "%1$s: %2$s names its inputs itself; remove @From and list the inputs"
            + " in %2$s({...})"),

    // reserved-name
    INPUT_AS_FIELD_NAME(ProblemKind.RESERVED_NAME, "a field may not be named `input`: @From(\"input\") and merges"
            + " use that name for the input of the network or block; rename the field"),

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
    PARAMETER_TYPE(ProblemKind.BLOCK_PARAMETER, "%s: a block parameter is an int or a boolean, not %s; its values"
            + " feed layer attributes through @With"),
    /** The parameter, twice. */
    FIRST_ONLY_WITHOUT_DEFAULT(ProblemKind.BLOCK_PARAMETER, "%1$s: @FirstOnly gives the repeats after the first this"
            + " parameter's default, and it has none; add one, such as `int %1$s() default 1;`"),

    // misplaced
    /** The field, the modifier ({@code @With}). */
    MODIFIER_WITHOUT_LAYER(ProblemKind.MISPLACED, "%s: %s modifies a layer or block annotation on the same field,"
            + " and this field has none; add one, such as @Conv(...)"),
    /** The field, the layer's annotation. */
    REPEAT_ON_LAYER(ProblemKind.MISPLACED, "%s: @Repeat repeats a block, not a layer such as %s; declare a @Block,"
            + " or give each layer a field of its own"),
    /** The field, the block. */
    TIED_ON_BLOCK(ProblemKind.MISPLACED, "%s: @Tied shares the weight of one layer, and %s is a block; put @Tied on"
            + " a layer inside the block"),
    /** The class, the annotation ({@code @Budget}), the class, the annotation. */
    NETWORK_ANNOTATION_WITHOUT_NETWORK(ProblemKind.MISPLACED, "%1$s: %2$s applies to a network, and %1$s is none;"
            + " annotate it with @Network(input = {...}), or remove %2$s"),

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

    // field-type
    /** The field, its type, the field. */
    LAYER_FIELD_TYPE(ProblemKind.FIELD_TYPE, "%1$s: a layer field must have the type dev.netcost.Layer, not %2$s;"
            + " declare it as `Layer %1$s;`"),

    // no-layers
    /** The network. */
    NETWORK_WITHOUT_LAYERS(ProblemKind.NO_LAYERS, "%s declares no layers; add fields such as"
            + " `@Conv(out = 16, kernel = 3) Layer conv1;`"),

    // name-taken
    /** The companion's qualified name, the network. */
    COMPANION_NAME_DECLARED(ProblemKind.NAME_TAKEN, "netcost generates %s for %s, but a type of that name is already"
            + " declared; rename that type or the network"),
    /** The companion's qualified name, the network, the Filer's refusal. */
    COMPANION_NOT_WRITTEN(ProblemKind.NAME_TAKEN, "netcost could not write %s for %s: %s; another network or"
            + " generated type may already use that name: rename one of them");

    private final ProblemKind kind;
    private final String template;
    private final int arity;

    Message(ProblemKind kind, String template) {
        this.kind = kind;
        this.template = template;
        this.arity = arity(template);
    }

    /** The id the message is printed under. */
    public ProblemKind kind() {
        return kind;
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
        return kind.format(text(values));
    }

    /** The fault on {@code attr}, which the IDE underlines. */
    public Fault on(Attr attr, Object... values) {
        return Fault.on(attr, kind, text(values));
    }

    /** The fault on the annotation as a whole: no attribute is to blame, the input is. */
    public Fault onAnnotation(Object... values) {
        return Fault.onAnnotation(kind, text(values));
    }

    /**
     * The number of values {@code template} takes; every value from the first to the last must
     * have a place, so that none is passed in vain.
     *
     * @throws IllegalArgumentException for a placeholder other than those of {@link Places#PLACEHOLDER},
     *     or a gap in the numbered ones
     */
    static int arity(String template) {
        TreeSet<Integer> used = new TreeSet<>();
        int next = 1;
        int from = 0;
        Matcher placeholder = Places.PLACEHOLDER.matcher(template);
        for (int at = template.indexOf('%'); at >= 0; at = template.indexOf('%', from)) {
            if (!placeholder.region(at, template.length()).lookingAt()) {
                throw new IllegalArgumentException("only %s, %d, %1$s, %1$d and %% may be used: " + template);
            }
            if (!placeholder.group(2).equals("%")) {
                used.add(placeholder.group(1) == null ? next++ : Integer.parseInt(placeholder.group(1)));
            }
            from = placeholder.end();
        }
        int arity = used.size();
        if (arity > 0 && (used.first() != 1 || used.last() != arity)) {
            throw new IllegalArgumentException("the places must be numbered 1 to " + arity + ": " + template);
        }
        return arity;
    }

    /** Apart, because an enum's constants are built before its static fields are set. */
    private static final class Places {
        /** A placeholder the catalogue allows: {@code %s}, {@code %d}, {@code %2$d}, {@code %%}. */
        static final Pattern PLACEHOLDER = Pattern.compile("%(?:(\\d+)\\$)?([sd%])");
    }
}
