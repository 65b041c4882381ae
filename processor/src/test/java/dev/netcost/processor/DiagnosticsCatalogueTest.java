package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;
import static dev.netcost.processor.NetworkSource.customOp;

import com.google.testing.compile.Compilation;
import dev.netcost.processor.model.Lint;
import dev.netcost.processor.model.OptionWarning;
import dev.netcost.processor.model.ProblemKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of what a user can get wrong, one invalid declaration per case: every attribute
 * of every annotation out of range, the incompatible pairings, merge and block misuse, missing
 * and misplaced annotations, unknown names. Each case compiles alone and must give exactly one
 * error, with its whole message, in its file, on its line, at the column of the value at fault.
 * The README's error table ("Errors you can meet") is held to this catalogue and to
 * {@link ProblemKind}.
 */
class DiagnosticsCatalogueTest {
    /**
     * One invalid declaration.
     *
     * @param sources the files to compile; the error is in the last one
     * @param context a piece of that file that occurs once; {@code target} is inside it, where the
     *     IDE underlines
     */
    record Case(String name, List<NetworkSource> sources, String message, String context, String target) {
        Case(String name, NetworkSource source, String message, String context, String target) {
            this(name, List.of(source), message, context, target);
        }

        String id() {
            return message.substring("[netcost:".length(), message.indexOf(']'));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static NetworkSource net(String networkAnnotations, String... fields) {
        return NetworkSource.example("Net", networkAnnotations + "\nclass Net {\n"
                + String.join("\n", fields).indent(4) + "}\n");
    }

    /** A block in its own file, and a network using it. */
    private static List<NetworkSource> withBlock(String block, String... fields) {
        return List.of(NetworkSource.example("B", block),
                net("@Network(input = {8, 8, 8})", fields));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
            new Case("network input is empty", net("@Network(input = {})", "@ReLU Layer relu;"),
                    "[netcost:no-input] Net: input = {} gives no input shape, and no field is an @Input; give one "
                        + "sample's shape, channels first, such as input = {3, 224, 224}, or declare @Input fields",
                    "{}", "{}"),
            new Case("network input of rank five", net("@Network(input = {1, 2, 3, 4, 5})", "@ReLU Layer relu;"),
                    "[netcost:input-rank] Net: input has 5 dimensions; netcost takes {F}, {C, L}, {C, H, W} "
                        + "or {C, D, H, W} for one sample, without the batch (set that with batch = N)",
                    "{1, 2, 3, 4, 5}", "{1, 2, 3, 4, 5}"),
            new Case("network input dimension zero", net("@Network(input = {3, 0, 16})", "@ReLU Layer relu;"),
                    "[netcost:out-of-range] Net: input dimension 0 must be at least 1",
                    "{3, 0, 16}", "{3, 0, 16}"),
            new Case("batch zero", net("@Network(input = {3, 16, 16}, batch = 0)", "@ReLU Layer relu;"),
                    "[netcost:out-of-range] Net: batch = 0 must be at least 1",
                    "batch = 0", "0"),
            new Case("conv out zero", net("@Network(input = {3, 16, 16})", "@Conv(out = 0, kernel = 3) Layer conv;"),
                    "[netcost:out-of-range] conv on input (3, 16, 16): out = 0: the number of output "
                        + "channels must be at least 1",
                    "out = 0", "0"),
            new Case("conv kernel zero", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 0) Layer conv;"),
                    "[netcost:out-of-range] conv on input (3, 16, 16): kernel = 0: every kernel size must be "
                        + "at least 1; 0 is not",
                    "kernel = 0", "0"),
            new Case("conv kernel with no values", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = {}) Layer conv;"),
                    "[netcost:value-count] conv on input (3, 16, 16): kernel = {} gives no kernel size; give "
                        + "one value, or one per spatial dimension",
                    "kernel = {}", "{}"),
            new Case("conv kernel of three values on a 2-d input", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = {3, 3, 3}) Layer conv;"),
                    "[netcost:value-count] conv on input (3, 16, 16): kernel = {3, 3, 3} has 3 values but "
                        + "the input has 2 spatial dimensions; give one value, or 2",
                    "kernel = {3, 3, 3}", "{3, 3, 3}"),
            new Case("conv stride zero", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, stride = 0) Layer conv;"),
                    "[netcost:out-of-range] conv on input (3, 16, 16): stride = 0: every stride must be at "
                        + "least 1; 0 is not",
                    "stride = 0", "0"),
            new Case("conv padding negative", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, padding = -1) Layer conv;"),
                    "[netcost:out-of-range] conv on input (3, 16, 16): padding = -1: every padding must be "
                        + "at least 0; -1 is not",
                    "padding = -1", "-1"),
            new Case("conv dilation zero", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, dilation = 0) Layer conv;"),
                    "[netcost:out-of-range] conv on input (3, 16, 16): dilation = 0: every dilation must be "
                        + "at least 1; 0 is not",
                    "dilation = 0", "0"),
            new Case("conv groups zero", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, groups = 0) Layer conv;"),
                    "[netcost:out-of-range] conv on input (3, 16, 16): groups = 0: the number of groups must "
                        + "be at least 1",
                    "groups = 0", "0"),
            new Case("conv groups not dividing the input channels", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, groups = 2) Layer conv;"),
                    "[netcost:channels] conv on input (3, 16, 16): groups = 2 does not divide the 3 input "
                        + "channels; use a groups value that divides both 3 and out = 8 (their greatest common "
                        + "divisor is 1)",
                    "groups = 2", "2"),
            new Case("conv kernel larger than the padded input", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 17) Layer conv;"),
                    "[netcost:window] conv on input (3, 16, 16): kernel 17 is larger than the height 16 of "
                        + "the input, so the output height would be 0; use a smaller kernel, more padding, or a "
                        + "larger input",
                    "kernel = 17", "17"),
            new Case("conv on a vector", net("@Network(input = {64})", "@Conv(out = 8, kernel = 3) Layer conv;"),
                    "[netcost:input-shape] conv on input (64): @Conv needs an input (C, L), (C, H, W) or (C, "
                        + "D, H, W); this input has no spatial dimensions left; move the layer before the @Flatten "
                        + "or the @Linear",
                    "@Conv", "@Conv"),
            new Case("transposed output padding not below the stride", net("@Network(input = {3, 16, 16})", "@ConvTranspose(out = 8, kernel = 3, stride = 2, outputPadding = 2) Layer up;"),
                    "[netcost:output-padding] up on input (3, 16, 16): outputPadding 2 must be smaller than "
                        + "the stride 2 or the dilation 1, as PyTorch requires; lower outputPadding",
                    "outputPadding = 2", "2"),
            new Case("transposed out zero", net("@Network(input = {3, 16, 16})", "@ConvTranspose(out = 0, kernel = 3) Layer up;"),
                    "[netcost:out-of-range] up on input (3, 16, 16): out = 0: the number of output channels "
                        + "must be at least 1",
                    "out = 0", "0"),
            new Case("linear out zero", net("@Network(input = {64})", "@Linear(out = 0) Layer fc;"),
                    "[netcost:out-of-range] fc on input (64): out = 0: the number of output features must be "
                        + "at least 1",
                    "out = 0", "0"),
            new Case("linear on a feature map", net("@Network(input = {3, 16, 16})", "@Linear(out = 10) Layer fc;"),
                    "[netcost:needs-flatten] fc on input (3, 16, 16): @Linear needs a vector or tokens (T, E), but "
                        + "its input still has spatial dimensions; add a @Flatten layer before it (it would give "
                        + "(768)), @ToTokens for one token per position, or @ChannelsLast for a linear layer on each "
                        + "position's channels",
                    "@Linear", "@Linear"),
            new Case("max pool kernel zero", net("@Network(input = {3, 16, 16})", "@MaxPool(kernel = 0) Layer pool;"),
                    "[netcost:out-of-range] pool on input (3, 16, 16): kernel = 0: every kernel size must be "
                        + "at least 1; 0 is not",
                    "kernel = 0", "0"),
            new Case("max pool stride zero", net("@Network(input = {3, 16, 16})", "@MaxPool(kernel = 2, stride = 0) Layer pool;"),
                    "[netcost:out-of-range] pool on input (3, 16, 16): stride = 0: every stride must be at "
                        + "least 1; 0 is not",
                    "stride = 0", "0"),
            new Case("max pool padding above half the window", net("@Network(input = {3, 16, 16})", "@MaxPool(kernel = 2, padding = 2) Layer pool;"),
                    "[netcost:padding] pool on input (3, 16, 16): padding 2 is more than half the kernel 2, "
                        + "which PyTorch refuses; use padding of at most 1",
                    "padding = 2", "2"),
            new Case("max pool dilation zero", net("@Network(input = {3, 16, 16})", "@MaxPool(kernel = 2, dilation = 0) Layer pool;"),
                    "[netcost:out-of-range] pool on input (3, 16, 16): dilation = 0: every dilation must be "
                        + "at least 1; 0 is not",
                    "dilation = 0", "0"),
            new Case("avg pool kernel zero", net("@Network(input = {3, 16, 16})", "@AvgPool(kernel = 0) Layer pool;"),
                    "[netcost:out-of-range] pool on input (3, 16, 16): kernel = 0: every kernel size must be "
                        + "at least 1; 0 is not",
                    "kernel = 0", "0"),
            new Case("avg pool padding above half the window", net("@Network(input = {3, 16, 16})", "@AvgPool(kernel = 3, padding = 2) Layer pool;"),
                    "[netcost:padding] pool on input (3, 16, 16): padding 2 is more than half the kernel 3, "
                        + "which PyTorch refuses; use padding of at most 1",
                    "padding = 2", "2"),
            new Case("adaptive pool output zero", net("@Network(input = {3, 16, 16})", "@AdaptiveAvgPool(output = 0) Layer pool;"),
                    "[netcost:out-of-range] pool on input (3, 16, 16): output = 0: every output size must be "
                        + "at least 1; 0 is not",
                    "output = 0", "0"),
            new Case("adaptive pool without output", net("@Network(input = {3, 16, 16})", "@AdaptiveAvgPool Layer pool;"),
                    "[netcost:missing] pool: @AdaptiveAvgPool needs output; write it, as "
                        + "@AdaptiveAvgPool(output = ...), or give it in a block by @With(output = \"...\")",
                    "@AdaptiveAvgPool", "@AdaptiveAvgPool"),
            new Case("dropout probability above one", net("@Network(input = {3, 16, 16})", "@Dropout(p = 1.5) Layer drop;"),
                    "[netcost:out-of-range] drop on input (3, 16, 16): p = 1.5 is not a probability; use a "
                        + "value from 0 to 1",
                    "p = 1.5", "1.5"),
            new Case("channel split into zero parts", net("@Network(input = {3, 16, 16})", "@ChannelSplit(parts = 0) Layer half;"),
                    "[netcost:out-of-range] half on input (3, 16, 16): parts = 0 must be at least 1",
                    "parts = 0", "0"),
            new Case("channel split index past the parts", net("@Network(input = {4, 8, 8})", "@ChannelSplit(index = 2) Layer half;"),
                    "[netcost:out-of-range] half on input (4, 8, 8): index = 2 must be from 0 to 1, one of "
                        + "the 2 parts",
                    "index = 2", "2"),
            new Case("channel split of channels that do not divide", net("@Network(input = {3, 16, 16})", "@ChannelSplit(parts = 2) Layer half;"),
                    "[netcost:channels] half on input (3, 16, 16): the 3 channels do not split into 2 equal "
                        + "parts",
                    "parts = 2", "2"),
            new Case("channel shuffle groups zero", net("@Network(input = {3, 16, 16})", "@ChannelShuffle(groups = 0) Layer shuffle;"),
                    "[netcost:out-of-range] shuffle on input (3, 16, 16): groups = 0 must be at least 1",
                    "groups = 0", "0"),
            new Case("channel shuffle groups not dividing", net("@Network(input = {3, 16, 16})", "@ChannelShuffle(groups = 2) Layer shuffle;"),
                    "[netcost:channels] shuffle on input (3, 16, 16): groups = 2 does not divide the 3 "
                        + "channels",
                    "groups = 2", "2"),
            new Case("add of different shapes", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 1) Layer conv;", "@Add({\"conv\", \"input\"}) Layer add;"),
                    "[netcost:merge] add: @Add needs shapes that broadcast (of one rank, each pair of "
                        + "dimensions equal or one of them 1), but conv gives (8, 16, 16) and input gives (3, 16, "
                        + "16); on a residual path whose channels or size change, give the shortcut a 1 x 1 "
                        + "convolution with the same stride",
                    "{\"conv\", \"input\"}", "{\"conv\", \"input\"}"),
            new Case("group norm groups not dividing the channels", net("@Network(input = {6, 8, 8})", "@GroupNorm(groups = 4) Layer gn;"),
                    "[netcost:channels] gn on input (6, 8, 8): groups = 4 does not divide the 6 channels, which "
                        + "GroupNorm splits into groups of equal size; use one of 1, 2, 3 or 6",
                    "groups = 4", "4"),
            new Case("prelu slopes neither one nor the channels", net("@Network(input = {8, 5, 5})", "@PReLU(parameters = 5) Layer prelu;"),
                    "[netcost:channels] prelu on input (8, 5, 5): parameters = 5 is neither 1 (one slope shared) "
                        + "nor the 8 channels of the input (one slope each), as PyTorch's PReLU requires; use "
                        + "parameters = 1 or 8",
                    "parameters = 5", "5"),
            new Case("prelu slopes on tokens", net("@Network(input = {10})", "@Embedding(vocab = 100, dim = 16) Layer wte;", "@PReLU(parameters = 16) Layer prelu;"),
                    "[netcost:input-shape] prelu on input (10, 16): parameters = 16 learns one slope per channel, "
                        + "on axis 1 of PyTorch's (N, C, ...), but the input is tokens (T, E), whose axis 1 is T: "
                        + "PyTorch's PReLU cannot learn a slope per feature E; use parameters = 1",
                    "parameters = 16", "16"),
            new Case("instance norm on a vector", net("@Network(input = {64})", "@InstanceNorm Layer inorm;"),
                    "[netcost:input-shape] inorm on input (64): @InstanceNorm normalizes each channel over its "
                        + "positions, so it takes (C, L), (C, H, W) or (C, D, H, W), but its input (64) has no "
                        + "positions; move it before the @Flatten, or normalize the vector with @LayerNorm",
                    "@InstanceNorm", "@InstanceNorm"),
            new Case("same padding with a stride", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, stride = 2, autoPad = Padding.SAME) Layer conv;"),
                    "[netcost:padding] conv on input (3, 16, 16): autoPad = Padding.SAME keeps the input's size, "
                        + "which PyTorch allows only with stride 1 (\"padding='same' is not supported for strided "
                        + "convolutions\"), and stride = 2; use stride = 1, or padding as sizes without autoPad, such "
                        + "as padding = 1",
                    "stride = 2", "2"),
            new Case("same padding with sizes", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, padding = 1, autoPad = Padding.SAME) Layer conv;"),
                    "[netcost:padding] conv on input (3, 16, 16): autoPad = Padding.SAME sets the padding itself, "
                        + "but padding = 1 is written too; remove one of them",
                    "padding = 1", "1"),
            new Case("concat of different sizes", net("@Network(input = {3, 16, 16})", "@MaxPool(kernel = 2) Layer pool;", "@Concat({\"pool\", \"input\"}) Layer cat;"),
                    "[netcost:merge] cat: @Concat joins on the channels (the first dimension) and needs "
                        + "every other dimension equal, but pool gives (3, 8, 8) and input gives (3, 16, 16); give "
                        + "the branches the same stride and padding",
                    "{\"pool\", \"input\"}", "{\"pool\", \"input\"}"),
            new Case("multiply of shapes that do not broadcast", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 1) Layer gate;", "@Mul({\"gate\", \"input\"}) Layer scale;"),
                    "[netcost:merge] scale: @Mul needs shapes that broadcast (of one rank, each pair of "
                        + "dimensions equal or one of them 1), but gate gives (8, 16, 16) and input gives (3, 16, "
                        + "16); squeeze-and-excitation multiplies (C, 1, 1) by (C, H, W)",
                    "{\"gate\", \"input\"}", "{\"gate\", \"input\"}"),
            new Case("add of one tensor", net("@Network(input = {3, 16, 16})", "@ReLU Layer relu;", "@Add({\"relu\"}) Layer add;"),
                    "[netcost:merge-inputs] add: a merge joins at least two tensors, but it names 1; list "
                        + "them, as {\"bn3\", \"input\"}",
                    "{\"relu\"}", "{\"relu\"}"),
            new Case("from on a merge", net("@Network(input = {3, 16, 16})", "@ReLU Layer relu;", "@Add({\"relu\", \"input\"}) @From(\"relu\") Layer add;"),
                    "[netcost:merge-inputs] add: @Add names its inputs itself; remove @From and list the "
                        + "inputs in @Add({...})",
                    "@From(\"relu\")", "\"relu\""),
            new Case("from an unknown name", net("@Network(input = {3, 16, 16})", "@ReLU @From(\"nothing\") Layer relu;"),
                    "[netcost:unknown-input] relu: `nothing` is no field of Net; it can read input",
                    "\"nothing\"", "\"nothing\""),
            new Case("from a field below", net("@Network(input = {3, 16, 16})", "@ReLU @From(\"later\") Layer relu;", "@ReLU Layer later;"),
                    "[netcost:unknown-input] relu: `later` is declared below relu, and a layer reads only "
                        + "fields above it; it can read input",
                    "\"later\"", "\"later\""),
            new Case("with an attribute the layer lacks", net("@Network(input = {3, 16, 16})", "@ReLU @With(out = \"8\") Layer relu;"),
                    "[netcost:unknown-attribute] relu: @ReLU has no attributes, so @With has nothing to "
                        + "give; remove it",
                    "\"8\"", "\"8\""),
            new Case("an attribute on the layer and in with", net("@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 1) @With(out = \"in\") Layer conv;"),
                    "[netcost:given-twice] conv: out is given on @Conv and by @With; keep one",
                    "@With(out = \"in\")", "\"in\""),
            new Case("an expression that does not parse", net("@Network(input = {3, 16, 16})", "@Conv(kernel = 1) @With(out = \"in +\") Layer conv;"),
                    "[netcost:expression] conv: out = \"in +\": the expression ends too early at column 5 of "
                        + "\"in +\"",
                    "\"in +\"", "\"in +\""),
            new Case("an expression of the wrong type", net("@Network(input = {3, 16, 16})", "@Conv(kernel = 1) @With(out = \"in > 1\") Layer conv;"),
                    "[netcost:expression] conv: out = \"in > 1\": gives a boolean where an int is needed",
                    "\"in > 1\"", "\"in > 1\""),
            new Case("a condition that is no boolean", net("@Network(input = {3, 16, 16})", "@ReLU @If(\"in\") Layer relu;"),
                    "[netcost:expression] relu: @If = \"in\": gives an int where a boolean is needed",
                    "@If(\"in\")", "\"in\""),
            new Case("an expression that divides by zero", net("@Network(input = {3, 16, 16})", "@Conv(kernel = 1) @With(out = \"in / (in - 3)\") Layer conv;"),
                    "[netcost:evaluation] conv on input (3, 16, 16): out = \"in / (in - 3)\" fails with in = "
                        + "3: division by zero",
                    "\"in / (in - 3)\"", "\"in / (in - 3)\""),
            new Case("a convolution without out", net("@Network(input = {3, 16, 16})", "@Conv(kernel = 3) Layer conv;"),
                    "[netcost:missing] conv: @Conv needs out; write it, as @Conv(out = ...), or give it in a "
                        + "block by @With(out = \"...\")",
                    "@Conv", "@Conv"),
            new Case("a field named input", net("@Network(input = {3, 16, 16})", "@ReLU Layer input;"),
                    "[netcost:reserved-name] a field may not be named `input`: @From(\"input\") and merges use "
                        + "that name for the input of the network or block; rename the field",
                    "@ReLU", "@ReLU"),
            new Case("two layer annotations on one field", net("@Network(input = {3, 16, 16})", "@ReLU @Sigmoid Layer act;"),
                    "[netcost:two-layers] act: a field declares one layer, but it has @ReLU and @Sigmoid; "
                        + "move @Sigmoid to a field of its own after this one",
                    "@Sigmoid", "@Sigmoid"),
            new Case("a layer annotation on an int", net("@Network(input = {3, 16, 16})", "@ReLU int relu;"),
                    "[netcost:field-type] relu: a layer field must have the type dev.netcost.Layer, not int; "
                        + "declare it as `Layer relu;`",
                    "@ReLU", "@ReLU"),
            new Case("with alone on a field", net("@Network(input = {3, 16, 16})", "@ReLU Layer relu;", "@With(out = \"8\") Layer nothing;"),
                    "[netcost:misplaced] nothing: @With modifies a layer or block annotation on the same "
                        + "field, and this field has none; add one, such as @Conv(...)",
                    "@With(out = \"8\") Layer nothing", "@With"),
            new Case("repeat on a layer", net("@Network(input = {3, 16, 16})", "@ReLU @Repeat(2) Layer relu;"),
                    "[netcost:misplaced] relu: @Repeat repeats a block, not a layer such as @ReLU; declare a "
                        + "@Block, or give each layer a field of its own",
                    "@Repeat(2)", "2"),
            new Case("a network without layers", net("@Network(input = {3, 16, 16})"),
                    "[netcost:no-layers] Net declares no layers; add fields such as `@Conv(out = 16, kernel "
                        + "= 3) Layer conv1;`",
                    "@Network", "@Network"),
            new Case("two fields with one constant stem", net("@Network(input = {3, 16, 16})", "@ReLU Layer convA;", "@ReLU Layer conv_a;"),
                    "[netcost:constant-clash] conv_a: its constants would be named CONV_A_*, as those of "
                        + "convA are; rename one of the two fields",
                    "@ReLU Layer conv_a", "@ReLU"),
            new Case("a figure beyond long", net("@Network(input = {1048576, 1048576, 1048576})", "@ReLU Layer relu;"),
                    "[netcost:overflow] relu on input (1048576, 1048576, 1048576): a shape or figure of this "
                        + "layer, or the network's total with it, does not fit a long (at most "
                        + "9,223,372,036,854,775,807); netcost never wraps a number: make the layer or its input "
                        + "smaller",
                    "@ReLU", "@ReLU"),
            new Case("a negative budget", net("@Budget(maxParams = -5)\n@Network(input = {3, 16, 16})", "@ReLU Layer relu;"),
                    "[netcost:out-of-range] maxParams = -5 must be at least 0",
                    "-5", "-5"),
            new Case("over a budget", net("@Budget(maxParams = 100)\n@Network(input = {3, 16, 16})", "@Conv(out = 8, kernel = 3, bias = false) Layer conv;"),
                    "[netcost:budget] PARAMS = 216 is over maxParams = 100 by 116 (116.0 %); the fields that "
                        + "hold the most: conv 216 (100.0 %)",
                    "100", "100")));
        // Sequences: token ids, embeddings, attention, tied weights and decoders.
        cases.add(new Case("attention width not divisible by heads", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@MultiHeadAttention(heads = 5) Layer attn;"),
                "[netcost:heads] attn on input (16, 64): the token width E = 64 does not split into heads = 5 heads"
                        + " of equal width; use one of 1, 2, 4 or 8", "heads = 5", "5"));
        cases.add(new Case("query heads not divisible by key/value heads", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;",
                "@MultiHeadAttention(heads = 8, kvHeads = 3) Layer attn;"),
                "[netcost:heads] attn on input (16, 64): heads = 8 do not share kvHeads = 3 key/value heads evenly:"
                        + " each key/value head serves heads / kvHeads query heads; use one of 1, 2, 4 or 8",
                "kvHeads = 3", "3"));
        cases.add(new Case("a sequence longer than its position table", net("@Network(input = {32})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@PositionEmbedding(length = 16) Layer wpe;"),
                "[netcost:sequence-length] wpe on input (32, 64): a sequence of 32 tokens is longer than the"
                        + " position table (length = 16); make length at least 32, or the sequence shorter",
                "length = 16", "16"));
        // T5's relative position bias: as many buckets and as far a distance as Hugging Face's bucketing
        // divides by (with 32 buckets, bidirectional: 8 exact distances, so a maxDistance beyond 8).
        for (String[] wrong : new String[][] {{"buckets = 3", "number of buckets (a quarter of them for exact"
                + " distances)", "4"}, {"heads = 0", "number of heads", "1"}, {"maxDistance = 8", "distance from"
                + " which all distances share the last bucket, beyond the exact ones,", "9"}}) {
            String attributes = wrong[0].startsWith("heads") ? wrong[0] : "heads = 8, " + wrong[0];
            cases.add(new Case("a relative position bias with " + wrong[0], net("@Network(input = {16})",
                    "@Embedding(vocab = 100, dim = 64) Layer wte;",
                    "@RelativePositionBias(" + attributes + ") Layer bias;"),
                    "[netcost:out-of-range] bias on input (16, 64): " + wrong[0] + ": the " + wrong[1]
                            + " must be at least " + wrong[2], wrong[0], wrong[0].substring(wrong[0].indexOf("= ") + 2)));
        }
        cases.add(new Case("attention on a feature map", net("@Network(input = {3, 32, 32})",
                "@Conv(out = 64, kernel = 16, stride = 16) Layer patch;", "@MultiHeadAttention(heads = 4) Layer attn;"),
                "[netcost:input-shape] attn on input (64, 2, 2): @MultiHeadAttention works on tokens (T, E), but its"
                        + " input is the feature map (64, 2, 2); put @ToTokens before it, which makes (4, 64) tokens"
                        + " of it", "@MultiHeadAttention", "@MultiHeadAttention"));
        cases.add(new Case("attention on a 1-d feature map of rank two", net("@Network(input = {3, 100})",
                "@Conv(out = 32, kernel = 5) Layer conv;", "@MultiHeadAttention(heads = 4) Layer attn;"),
                "[netcost:input-shape] attn on input (32, 96): @MultiHeadAttention works on tokens (T, E), but its"
                        + " input is the feature map (32, 96); put @ToTokens before it, which makes (96, 32) tokens"
                        + " of it", "@MultiHeadAttention", "@MultiHeadAttention"));
        cases.add(new Case("an embedding of a feature map", net("@Network(input = {3, 32, 32})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;"),
                "[netcost:input-shape] wte on input (3, 32, 32): @Embedding looks up token ids (T), but its input is"
                        + " (3, 32, 32); declare the network's input as the ids, @Network(input = {T}), and put the"
                        + " embedding first", "@Embedding", "@Embedding"));
        cases.add(new Case("a selected token beyond the sequence", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@SelectToken(index = 16) Layer cls;"),
                "[netcost:out-of-range] cls on input (16, 64): index = 16 is not one of the 16 tokens: it must be"
                        + " from -16 to 15", "index = 16", "16"));
        cases.add(new Case("a tied weight of another shape", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@Linear(out = 99, bias = false) @Tied(\"wte\") Layer head;"),
                "[netcost:tied] head on input (16, 64): its weight would be (99, 64), but wte's is (100, 64); a"
                        + " shared weight has one shape (an embedding's (vocab, dim) is a linear layer's (out, in))",
                "@Tied(\"wte\")", "\"wte\""));
        cases.add(new Case("a tied weight of no earlier layer", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@Linear(out = 100, bias = false) @Tied(\"wpe\") Layer head;"),
                "[netcost:tied] head: @Tied(\"wpe\") names the layer whose weight this one shares, but `wpe` is no"
                        + " field of Net; the layers above are wte", "@Tied(\"wpe\")", "\"wpe\""));
        cases.add(new Case("a tied weight on a layer without one", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@LayerNorm @Tied(\"wte\") Layer norm;"),
                "[netcost:tied] norm on input (16, 64): this layer has no weight to share; @Tied ties the weights of"
                        + " @Linear and @Embedding layers", "@Tied(\"wte\")", "\"wte\""));
        cases.add(new Case("a decoder without attention", net("@Network(input = {16})\n@Decoder",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@Linear(out = 100) Layer head;"),
                "[netcost:decoder] Net: @Decoder marks a language model that decodes with a KV cache, but it has no"
                        + " @MultiHeadAttention layer and no recurrent layer (@LSTM, @GRU, @RNN); add attention, or"
                        + " remove @Decoder", "@Decoder", "@Decoder"));
        cases.add(new Case("a decoder with attention that is not causal", net("@Network(input = {16})\n@Decoder",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@MultiHeadAttention(heads = 4, causal = false) Layer attn;"),
                "[netcost:decoder] attn: a @Decoder network generates each token from the cache of those before it,"
                        + " so its attention must be causal; write causal = true", "causal = false", "false"));
        // The tokens (16, 64) made a 1-d map (64, 16) first: a convolution on tokens themselves is refused.
        cases.add(new Case("a decoder with a convolution", net("@Network(input = {16})\n@Decoder",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@MultiHeadAttention(heads = 4, causal = true) Layer attn;",
                "@ToMap(size = 16) Layer map;", "@Conv(out = 8, kernel = 3) Layer conv;"),
                "[netcost:decoder] conv: a @Decoder network runs one token at a time, and Conv1d on (64, 16) has no"
                        + " per-token form; a decoder is made of embeddings, per-token layers and attention",
                "@Conv", "@Conv"));
        // Recurrent layers: on the tokens (16, 64) of an embedding, as the cases above.
        String embedding = "@Embedding(vocab = 100, dim = 64) Layer wte;";
        cases.add(new Case("an LSTM of no hidden cells", net("@Network(input = {16})", embedding,
                "@LSTM(hidden = 0) Layer lstm;"),
                "[netcost:out-of-range] lstm on input (16, 64): hidden = 0: the number of hidden cells must be at"
                        + " least 1", "hidden = 0", "0"));
        cases.add(new Case("a GRU of no layers", net("@Network(input = {16})", embedding,
                "@GRU(hidden = 8, layers = 0) Layer gru;"),
                "[netcost:out-of-range] gru on input (16, 64): layers = 0: the number of layers must be at least 1",
                "layers = 0", "0"));
        cases.add(new Case("an RNN dropout that is no probability", net("@Network(input = {16})", embedding,
                "@RNN(hidden = 8, dropout = 1.5) Layer rnn;"),
                "[netcost:out-of-range] rnn on input (16, 64): dropout = 1.5 is not a probability; use a value from"
                        + " 0 to 1", "dropout = 1.5", "1.5"));
        cases.add(new Case("an LSTM projection not below its hidden size", net("@Network(input = {16})", embedding,
                "@LSTM(hidden = 8, projSize = 8) Layer lstm;"),
                "[netcost:proj-size] lstm on input (16, 64): projSize = 8 must be below hidden = 8, as PyTorch requires"
                        + " (\"proj_size has to be smaller than hidden_size\"); lower it, or write 0 for no projection",
                "projSize = 8", "8"));
        cases.add(new Case("a GRU on a feature map", net("@Network(input = {3, 32, 32})",
                "@GRU(hidden = 8) Layer gru;"),
                "[netcost:input-shape] gru on input (3, 32, 32): @GRU works on tokens (T, E), but its input is the"
                        + " feature map (3, 32, 32); put @ToTokens before it, which makes (1024, 3) tokens of it",
                "@GRU", "@GRU"));
        cases.add(new Case("a final state of no recurrent layer", net("@Network(input = {16})", embedding,
                "@Linear(out = 100) Layer head;", "@FinalState(\"head\") Layer state;"),
                "[netcost:final-state] state on input (16, 100): @FinalState reads the final state of an @LSTM, @GRU"
                        + " or @RNN, but head computes Linear; name a recurrent layer above it",
                "@FinalState(\"head\")", "\"head\""));
        cases.add(new Case("a final state of the network's input", net("@Network(input = {16, 8}, inputKind ="
                + " InputKind.TOKENS)", "@FinalState(\"input\") Layer state;"),
                "[netcost:final-state] state on input (16, 8): @FinalState reads the final state of an @LSTM, @GRU or"
                        + " @RNN, but input is an input of the network; name a recurrent layer above it",
                "@FinalState(\"input\")", "\"input\""));
        cases.add(new Case("a final cell state of a GRU", net("@Network(input = {16})", embedding,
                "@GRU(hidden = 8) Layer gru;", "@FinalState(value = \"gru\", cell = true) Layer state;"),
                "[netcost:final-state] state on input (16, 8): cell = true reads an LSTM's cell state c_n, but gru is"
                        + " a GRU, which keeps no cell state; remove cell, or name an @LSTM", "cell = true", "true"));
        cases.add(new Case("a final state with from", net("@Network(input = {16})", embedding,
                "@LSTM(hidden = 8) Layer lstm;", "@FinalState(\"lstm\") @From(\"lstm\") Layer state;"),
                "[netcost:final-state] state: @FinalState reads the recurrent layer it names, not the field above;"
                        + " remove @From, and name the layer as @FinalState(\"lstm\")", "@From(\"lstm\")",
                "\"lstm\""));
        cases.add(new Case("a final state of a layer its @If leaves out", net("@Network(input = {16})", embedding,
                "@LSTM(hidden = 8) @If(\"in < 0\") Layer lstm;", "@FinalState(\"lstm\") Layer state;"),
                "[netcost:final-state] state: @FinalState(\"lstm\") names a layer that its @If leaves out here, so"
                        + " there is no final state to read; name a recurrent layer that is there, or give both the"
                        + " same @If", "@FinalState(\"lstm\")", "\"lstm\""));
        cases.add(new Case("a decoder that reads a final state", net("@Network(input = {16})\n@Decoder", embedding,
                "@LSTM(hidden = 8) Layer lstm;", "@FinalState(\"lstm\") Layer state;", "@Linear(out = 4) Layer head;"),
                "[netcost:decoder] head: a @Decoder network runs one token at a time, but head reads state, a"
                        + " recurrent layer's final state, which is made anew at every token, so head has no per-token"
                        + " form; read the recurrent layer's output, or keep the final state as an output only",
                "@Linear(out = 4)", "@Linear"));
        cases.add(new Case("a decoder with a bidirectional LSTM", net("@Network(input = {16})\n@Decoder", embedding,
                "@LSTM(hidden = 8, bidirectional = true) Layer lstm;"),
                "[netcost:decoder] lstm: a @Decoder network runs one token at a time, and LSTM (bidirectional) on"
                        + " (16, 64) has no per-token form; a decoder is made of embeddings, per-token layers and"
                        + " attention", "@LSTM", "@LSTM"));
        cases.add(new Case("a decoder that is no network", NetworkSource.of("com.example.Loose",
                "package com.example;\n\nimport dev.netcost.*;\n\n@Decoder\nclass Loose {}\n"),
                "[netcost:misplaced] Loose: @Decoder applies to a network, and Loose is none; annotate it with"
                        + " @Network(input = {...}), or remove @Decoder", "@Decoder", "@Decoder"));
        cases.add(new Case("a budget on a class that is no network", NetworkSource.of("com.example.Loose",
                "package com.example;\n\nimport dev.netcost.*;\n\n@Budget(maxParams = 10)\nclass Loose {}\n"),
                "[netcost:misplaced] Loose: @Budget applies to a network, and Loose is none; annotate it with"
                        + " @Network(input = {...}), or remove @Budget", "@Budget", "@Budget"));
        // Dense prediction: up-sampling, and the tensor a layer names by like.
        cases.add(new Case("an upsampling without a size", net("@Network(input = {3, 16, 16})",
                "@Upsample Layer up;"),
                "[netcost:one-of] up on input (3, 16, 16): @Upsample needs the size of its output: give one of scale,"
                        + " size or like", "@Upsample", "@Upsample"));
        cases.add(new Case("an upsampling by scale and to a size", net("@Network(input = {3, 16, 16})",
                "@Upsample(scale = 2, size = 32) Layer up;"),
                "[netcost:one-of] up on input (3, 16, 16): @Upsample takes one of scale, size and like, but scale and"
                        + " size are given; keep one", "size = 32", "32"));
        cases.add(new Case("a bilinear upsampling of a 1-d map", NetworkSource.of("com.example.Net",
                "package com.example;\n\nimport static dev.netcost.Interpolation.BILINEAR;\n\nimport dev.netcost.*;\n\n"
                        + "@Network(input = {8, 100})\nclass Net {\n    @Upsample(scale = 2, mode = BILINEAR) Layer up;\n}\n"),
                "[netcost:interpolation] up on input (8, 100): mode = BILINEAR interpolates 2 spatial dimensions, as"
                        + " PyTorch's kernels do, but the input has 1; use LINEAR or NEAREST", "mode = BILINEAR",
                "BILINEAR"));
        cases.add(new Case("aligned corners with nearest", net("@Network(input = {3, 16, 16})",
                "@Upsample(scale = 2, alignCorners = true) Layer up;"),
                "[netcost:interpolation] up on input (3, 16, 16): alignCorners = true aligns the corner cells of an"
                        + " interpolation, and PyTorch refuses it with mode = NEAREST; remove it, or choose LINEAR,"
                        + " BILINEAR, BICUBIC or TRILINEAR", "alignCorners = true", "true"));
        cases.add(new Case("like naming no field", net("@Network(input = {3, 16, 16})",
                "@Upsample(like = \"skip\") Layer up;"),
                "[netcost:unknown-input] up: `skip` is no field of Net; it can read input", "\"skip\"", "\"skip\""));
        cases.add(new Case("like naming a map of another rank", net("@Network(input = {3, 16, 16})",
                "@Flatten Layer flat;", "@Upsample(like = \"flat\") @From(\"input\") Layer up;"),
                "[netcost:like] up on input (3, 16, 16): like names flat, which gives (768) with 0 spatial dimensions,"
                        + " but the input has 2; name a map with 2 spatial dimensions", "like = \"flat\"", "\"flat\""));
        cases.add(new Case("like naming tokens", net("@Network(input = {16, 64})", "@ToTokens Layer tokens;",
                "@Upsample(like = \"tokens\") @From(\"input\") Layer up;"),
                "[netcost:like] up on input (16, 64): like names tokens, which gives (64, 16), tokens (T, E); this"
                        + " layer takes the spatial size of a channels-first map (C, ...): name one",
                "like = \"tokens\"", "\"tokens\""));
        cases.add(new Case("an inference layer that reads a training-only one", net("@Network(input = {3, 8, 8})",
                "@ReLU Layer relu;", "@Conv(out = 4, kernel = 1) @TrainingOnly Layer aux;",
                "@Conv(out = 4, kernel = 1) @From(\"aux\") Layer conv;"),
                "[netcost:training-only] conv: `aux` runs only in training (@TrainingOnly), and conv runs at inference"
                        + " too, where there is no such tensor; read a field that runs at inference, or mark conv"
                        + " @TrainingOnly as well", "@From(\"aux\")", "\"aux\""));
        cases.add(new Case("an inference layer right after a training-only one", net("@Network(input = {3, 8, 8})",
                "@ReLU Layer relu;", "@Conv(out = 4, kernel = 1) @TrainingOnly Layer aux;",
                "@Conv(out = 4, kernel = 1) Layer conv;"),
                "[netcost:training-only] conv: reads the field above it, `aux`, which runs only in training"
                        + " (@TrainingOnly), and conv runs at inference too, where there is no such tensor; read the"
                        + " tensor inference has there with @From(\"relu\"), or mark conv @TrainingOnly as well",
                "@Conv(out = 4, kernel = 1) Layer conv", "@Conv"));
        cases.add(new Case("a training-only last field of a network", net("@Network(input = {3, 8, 8})",
                "@ReLU Layer relu;", "@Conv(out = 4, kernel = 1) @TrainingOnly Layer aux;"),
                "[netcost:training-only] aux: the output of Net is its last field's, and aux runs only in training"
                        + " (@TrainingOnly), so Net would have no output at inference; declare aux before a field that"
                        + " runs at inference", "@TrainingOnly Layer aux", "@TrainingOnly"));
        cases.add(new Case("an inference layer that takes its size like a training-only one",
                net("@Network(input = {3, 8, 8})", "@MaxPool(kernel = 2) @TrainingOnly Layer aux;",
                        "@Upsample(like = \"aux\") @From(\"input\") Layer x;"),
                "[netcost:training-only] x: like = \"aux\" names a field that runs only in training (@TrainingOnly),"
                        + " and x runs at inference too, where there is no such tensor to read; name a"
                        + " field that runs at inference, or mark x @TrainingOnly as well",
                "like = \"aux\"", "\"aux\""));
        cases.add(new Case("an inference layer tied to a training-only one", net("@Network(input = {8})",
                "@Linear(out = 8) @TrainingOnly Layer aux;", "@Linear(out = 8) @Tied(\"aux\") @From(\"input\") Layer r;"),
                "[netcost:training-only] r: @Tied(\"aux\") shares the weight of a field that runs only in training"
                        + " (@TrainingOnly), and r runs at inference too, where it still needs that weight; declare the"
                        + " weight on r and tie aux to it, or mark r @TrainingOnly as well",
                "@Tied(\"aux\")", "\"aux\""));
        cases.add(new Case("an add of a vector and a map", net("@Network(input = {6, 4, 4}, batch = 2)",
                "@GlobalAvgPool Layer pool;", "@Flatten Layer flat;", "@Linear(out = 6) Layer l;",
                "@Mul({\"input\", \"l\"}) Layer scale;"),
                "[netcost:merge] scale: @Mul broadcasts tensors of one rank only, but input gives (6, 4, 4) and l"
                        + " gives (6); netcost's shapes leave out the batch, which PyTorch puts in front, so a tensor"
                        + " of fewer dimensions would line up with the wrong axes; give it the others' rank, as a"
                        + " (C, 1, 1) from @AdaptiveAvgPool(output = 1) or @GlobalAvgPool has beside a (C, H, W)",
                "{\"input\", \"l\"}", "{\"input\", \"l\"}"));
        // CLIP's logit: two vectors of one width.
        cases.add(new Case("a cosine similarity of three vectors", net("@Network(input = {64})",
                "@Linear(out = 64) Layer a;", "@Linear(out = 64) @From(\"input\") Layer b;",
                "@CosineSimilarity({\"input\", \"a\", \"b\"}) Layer sim;"),
                "[netcost:merge-inputs] sim: @CosineSimilarity compares exactly two vectors, but it names 3: input"
                        + " gives (64), a gives (64) and b gives (64); list two, as {\"image\", \"text\"}",
                "{\"input\", \"a\", \"b\"}", "{\"input\", \"a\", \"b\"}"));
        cases.add(new Case("a cosine similarity of maps", net("@Network(input = {8, 4, 4})",
                "@Conv(out = 8, kernel = 1) Layer conv;", "@CosineSimilarity({\"conv\", \"input\"}) Layer sim;"),
                "[netcost:merge] sim: @CosineSimilarity compares two vectors (E), but conv gives (8, 4, 4) and input"
                        + " gives (8, 4, 4); take one vector of each: @SelectToken of tokens (CLIP's class or"
                        + " end-of-text token), or @GlobalAvgPool and @Flatten of a map, then a @Linear to the shared"
                        + " width", "{\"conv\", \"input\"}", "{\"conv\", \"input\"}"));
        cases.add(new Case("a cosine similarity of two widths", net("@Network(input = {64})",
                "@Linear(out = 32) Layer text;", "@CosineSimilarity({\"input\", \"text\"}) Layer sim;"),
                "[netcost:merge] sim: @CosineSimilarity compares two vectors of one width, but input gives 64"
                        + " features and text gives 32; project both to one width with a @Linear, as CLIP's visual and"
                        + " text projections make both embed_dim wide", "{\"input\", \"text\"}",
                "{\"input\", \"text\"}"));
        // Layouts: an op on a layout it does not take, each refusal naming the layer to put before it.
        String ids = "@Embedding(vocab = 100, dim = 64) Layer wte;"; // token ids (16) to tokens (16, 64)
        cases.add(new Case("attention on a channels-last map", net("@Network(input = {8, 4, 4})",
                "@ChannelsLast Layer perm;", "@MultiHeadAttention(heads = 2) Layer attn;"),
                "[netcost:input-shape] attn on input (4, 4, 8): @MultiHeadAttention works on tokens (T, E), but its"
                        + " input (4, 4, 8) is a map with its channels last; put @ToTokens before it, which makes (16,"
                        + " 8) tokens of it", "@MultiHeadAttention", "@MultiHeadAttention"));
        // A patch embedding (24, 4, 4) as 16 tokens of 24.
        cases.add(new Case("a pool on tokens", net("@Network(input = {3, 8, 8})",
                "@Conv(out = 24, kernel = 2, stride = 2) Layer patch;", "@ToTokens Layer tokens;",
                "@MaxPool(kernel = 2) Layer pool;"),
                "[netcost:input-shape] pool on input (16, 24): @MaxPool works on a map with its channels first, such"
                        + " as (C, H, W), but its input (16, 24) is 16 tokens of width 24; put @ToMap(size = {H, W})"
                        + " before it, with H * W = 16, to make them a map (24, H, W)", "@MaxPool", "@MaxPool"));
        // (8, 4, 4) in patches of 2 x 2: 4 sequences of 4 patches, 8 wide.
        cases.add(new Case("a pool on unfolded sequences", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@AvgPool(kernel = 2) Layer pool;"),
                "[netcost:input-shape] pool on input (4, 4, 8): @AvgPool works on a map with its channels first, such"
                        + " as (C, H, W), but its input (4, 4, 8) is 4 sequences of 4 tokens, as @Unfold makes them;"
                        + " put @Fold before it to fold them back into a map", "@AvgPool", "@AvgPool"));
        cases.add(new Case("a batch norm on a channels-last map", net("@Network(input = {8, 4, 6})",
                "@ChannelsLast Layer perm;", "@BatchNorm Layer bn;"),
                "[netcost:input-shape] bn on input (4, 6, 8): @BatchNorm works on a map with its channels first, but"
                        + " its input (4, 6, 8) has its channels last; put @ChannelsFirst before it, which gives (8,"
                        + " 4, 6)", "@BatchNorm", "@BatchNorm"));
        cases.add(new Case("a convolution on tokens", net("@Network(input = {16})", ids,
                "@Conv(out = 32, kernel = 1) Layer conv;"),
                "[netcost:input-shape] conv on input (16, 64): @Conv works on a map with its channels first, such as"
                        + " (C, H, W), but its input (16, 64) is 16 tokens of width 64; a 1 x 1 convolution on each"
                        + " token is @Linear(out = 32), or put @ToMap(size = {H, W}) before it, with H * W = 16, to make"
                        + " them a map (64, H, W)", "@Conv", "@Conv"));
        cases.add(new Case("a batch norm on tokens", net("@Network(input = {16})", ids, "@BatchNorm Layer bn;"),
                "[netcost:input-shape] bn on input (16, 64): @BatchNorm normalises each channel of a map with its"
                        + " channels first, but its input (16, 64) is 16 tokens of width 64; a norm over each token's"
                        + " features is @LayerNorm, or put @ToMap(size = {H, W}) before it, with H * W = 16, to make them"
                        + " a map (64, H, W)", "@BatchNorm", "@BatchNorm"));
        cases.add(new Case("a channel split of tokens", net("@Network(input = {16})", ids,
                "@ChannelSplit(parts = 2, index = 1) Layer half;"),
                "[netcost:input-shape] half on input (16, 64): @ChannelSplit splits the channels of a map with its"
                        + " channels first, but its input (16, 64) is tokens, whose features are the last axis; to split"
                        + " them use @Chunk(parts = 2, index = 1)", "@ChannelSplit", "@ChannelSplit"));
        cases.add(new Case("a channel split of a channels-last map", net("@Network(input = {8, 4, 4})",
                "@ChannelsLast Layer perm;", "@ChannelSplit(parts = 4, index = 3) Layer quarter;"),
                "[netcost:input-shape] quarter on input (4, 4, 8): @ChannelSplit splits the first axis, the channels of"
                        + " a map with its channels first, but its input (4, 4, 8) has its channels last; use"
                        + " @Chunk(parts = 4, index = 3), which splits the last axis", "@ChannelSplit", "@ChannelSplit"));
        cases.add(new Case("a layer norm on a channels-first map", net("@Network(input = {96, 56, 56})",
                "@LayerNorm Layer norm;"),
                "[netcost:input-shape] norm on input (96, 56, 56): @LayerNorm normalises the last axis, and its input"
                        + " (96, 56, 56) is a map with its channels first, whose last axis is its width 56; a norm over"
                        + " each position's 96 channels, as ConvNeXt's LayerNorm2d, is @LayerNorm2d, or put"
                        + " @ChannelsLast before it", "@LayerNorm", "@LayerNorm"));
        cases.add(new Case("an RMS norm on a channels-first map", net("@Network(input = {8, 4, 6})",
                "@RMSNorm Layer norm;"),
                "[netcost:input-shape] norm on input (8, 4, 6): @RMSNorm normalises the last axis, and its input (8, 4,"
                        + " 6) is a map with its channels first, whose last axis is its width 6; for a norm over each"
                        + " position's 8 channels, put @ChannelsLast before it", "@RMSNorm", "@RMSNorm"));
        cases.add(new Case("a layer norm on a 1-d map", net("@Network(input = {8, 10})", "@LayerNorm Layer norm;"),
                "[netcost:input-shape] norm on input (8, 10): @LayerNorm normalises the last axis, and its input (8,"
                        + " 10) is a 1-d map with its channels first, whose last axis is its length 10; for a norm over"
                        + " each position's 8 channels, put @ToTokens before it, which makes (10, 8) tokens of it",
                "@LayerNorm", "@LayerNorm"));
        cases.add(new Case("a chunk of a channels-first map", net("@Network(input = {8, 4, 6})",
                "@Chunk(parts = 2) Layer half;"),
                "[netcost:input-shape] half on input (8, 4, 6): @Chunk splits the last axis, and its input (8, 4, 6) is"
                        + " a map with its channels first, whose last axis, 6, is spatial; to split its 8 channels use"
                        + " @ChannelSplit(parts = 2, index = 0)", "@Chunk", "@Chunk"));
        cases.add(new Case("channels moved last on tokens", net("@Network(input = {16})", ids,
                "@ChannelsLast Layer perm;"),
                "[netcost:input-shape] perm on input (16, 64): @ChannelsLast moves the channels of a map (C, H, W)"
                        + " last, but its input (16, 64) is tokens, whose features are last already; remove it",
                "@ChannelsLast", "@ChannelsLast"));
        cases.add(new Case("channels moved last twice", net("@Network(input = {8, 4, 4})",
                "@ChannelsLast Layer perm;", "@ChannelsLast Layer again;"),
                "[netcost:input-shape] again on input (4, 4, 8): @ChannelsLast moves the channels of a map (C, H, W)"
                        + " last, but its input (4, 4, 8) has its channels last already; remove it",
                "@ChannelsLast Layer again", "@ChannelsLast"));
        cases.add(new Case("channels moved first on a channels-first map", net("@Network(input = {8, 4, 4})",
                "@ChannelsFirst Layer back;"),
                "[netcost:input-shape] back on input (8, 4, 4): @ChannelsFirst moves the channels of a map (H, W, C)"
                        + " first, but its input (8, 4, 4) has its channels first already; remove it",
                "@ChannelsFirst", "@ChannelsFirst"));
        cases.add(new Case("channels moved first on tokens", net("@Network(input = {16})", ids,
                "@ChannelsFirst Layer back;"),
                "[netcost:input-shape] back on input (16, 64): @ChannelsFirst moves the channels of a map (H, W, C)"
                        + " first, but its input (16, 64) is tokens; to make a map of them use @ToMap (one sequence) or"
                        + " @Fold (the sequences @Unfold makes) instead", "@ChannelsFirst", "@ChannelsFirst"));
        cases.add(new Case("a selected token of unfolded sequences", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@SelectToken Layer cls;"),
                "[netcost:input-shape] cls on input (4, 4, 8): @SelectToken takes one token of a sequence (T, E), but"
                        + " its input (4, 4, 8) is 4 sequences of 4 tokens, as @Unfold makes them; put @Fold before it"
                        + " to fold them back into a map", "@SelectToken", "@SelectToken"));
        cases.add(new Case("a map made of a map", net("@Network(input = {8, 4, 4})",
                "@ToMap(size = {4, 4}) Layer map;"),
                "[netcost:input-shape] map on input (8, 4, 4): @ToMap makes a map of tokens (T, E), but its input (8,"
                        + " 4, 4) is not tokens; remove it", "@ToMap", "@ToMap"));
        cases.add(new Case("a map made of unfolded sequences", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@ToMap(size = {4, 4}) Layer map;"),
                "[netcost:input-shape] map on input (4, 4, 8): @ToMap makes a map of one sequence (T, E), but its"
                        + " input (4, 4, 8) is 4 sequences of 4 tokens, as @Unfold makes them; fold them back with"
                        + " @Fold instead", "@ToMap", "@ToMap"));
        cases.add(new Case("a fold of a map", net("@Network(input = {8, 4, 4})",
                "@Fold(patch = 2, size = {4, 4}) Layer fold;"),
                "[netcost:input-shape] fold on input (8, 4, 4): @Fold folds the sequences (P, N, E) that @Unfold makes"
                        + " back into a map, but its input (8, 4, 4) is not tokens; remove it", "@Fold", "@Fold"));
        cases.add(new Case("a fold of one sequence", net("@Network(input = {16})", ids,
                "@Fold(patch = 2, size = {4, 4}) Layer fold;"),
                "[netcost:input-shape] fold on input (16, 64): @Fold folds the sequences (P, N, E) that @Unfold makes"
                        + " back into a map, but its input (16, 64) is one sequence; @ToMap(size = {H, W}) makes a map"
                        + " of it", "@Fold", "@Fold"));
        cases.add(new Case("a fold whose patch has more values than its size", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@Fold(patch = {2, 2}, size = 8) Layer fold;"),
                "[netcost:value-count] fold on input (4, 4, 8): patch = {2, 2} has 2 values but size = 8 has 1; give one"
                        + " value, or 1",
                "patch = {2, 2}, size = 8", "{2, 2}"));
        cases.add(new Case("a merge of channels first and last", net("@Network(input = {8, 8, 8})",
                "@ChannelsLast Layer perm;", "@Add({\"perm\", \"input\"}) Layer add;"),
                "[netcost:merge] add: the tensors of a merge must be in one layout, but perm gives (8, 8, 8) channels"
                        + " last and input gives (8, 8, 8) channels first; put @ChannelsFirst after the branch whose"
                        + " channels are last, or @ChannelsLast after the other", "{\"perm\", \"input\"}",
                "{\"perm\", \"input\"}"));
        cases.add(new Case("a merge of a map and tokens", net("@Network(input = {4, 4})",
                "@ToTokens Layer tokens;", "@Mul({\"tokens\", \"input\"}) Layer mul;"),
                "[netcost:merge] mul: the tensors of a merge must be in one layout, but tokens gives (4, 4) tokens and"
                        + " input gives (4, 4) channels first; put @ToTokens after the branch that gives a map, or @ToMap"
                        + " after the one that gives tokens", "{\"tokens\", \"input\"}", "{\"tokens\", \"input\"}"));
        cases.add(new Case("tokens of two widths joined", net("@Network(input = {16})", ids,
                "@Linear(out = 32) Layer fc;", "@Concat({\"wte\", \"fc\"}) Layer cat;"),
                "[netcost:merge] cat: @Concat joins tokens on the tokens (the axis of T) and needs every other"
                        + " dimension equal, but wte gives (16, 64) and fc gives (16, 32); give the sequences one width",
                "{\"wte\", \"fc\"}", "{\"wte\", \"fc\"}"));
        // The input (4, 4, 8) channels last, and a strided 1 x 1 convolution's (8, 2, 2) as (2, 2, 8).
        cases.add(new Case("channels-last maps of two sizes joined", net("@Network(input = {8, 4, 4})",
                "@ChannelsLast Layer perm1;", "@Conv(out = 8, kernel = 1, stride = 2) @From(\"input\") Layer conv;",
                "@ChannelsLast Layer perm2;", "@Concat({\"perm1\", \"perm2\"}) Layer cat;"),
                "[netcost:merge] cat: @Concat joins maps with their channels last on the channels (the last"
                        + " dimension) and needs every other dimension equal, but perm1 gives (4, 4, 8) and perm2 gives"
                        + " (2, 2, 8); give the branches the same stride and padding", "{\"perm1\", \"perm2\"}",
                "{\"perm1\", \"perm2\"}"));
        cases.add(new Case("a chunk that does not divide the last axis", net("@Network(input = {16})", ids,
                "@Chunk(parts = 3) Layer third;"),
                "[netcost:channels] third on input (16, 64): the last axis, 64, does not split into 3 equal parts",
                "parts = 3", "3"));
        // 16 tokens cannot be a 3 x 5 map.
        cases.add(new Case("a map size that does not hold the tokens", net("@Network(input = {16})", ids,
                "@ToMap(size = {3, 5}) Layer map;"),
                "[netcost:map-size] map on input (16, 64): size = {3, 5} makes 15 positions, but the input has 16"
                        + " tokens, one per position; give sizes whose product is 16", "{3, 5}", "{3, 5}"));
        cases.add(new Case("an unfold whose patch does not divide the map", net("@Network(input = {8, 6, 6})",
                "@Unfold(patch = {4, 3}) Layer unfold;"),
                "[netcost:map-size] unfold on input (8, 6, 6): the height 6 does not divide into patches of 4;"
                        + " MobileViT would resize the map to a multiple of the patch by interpolation, which netcost"
                        + " does not model: make the map a multiple of the patch", "{4, 3}", "{4, 3}"));
        // Unfolded in patches of 2 x 2: 4 sequences, one per position of a patch; a patch of 1 x 2 has 2.
        cases.add(new Case("a fold whose patch is not the unfold's", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@Fold(patch = {1, 2}, size = {4, 4}) Layer fold;"),
                "[netcost:map-size] fold on input (4, 4, 8): patch = {1, 2} holds 2 positions, but the input has 4"
                        + " sequences, one per position of a patch; give the patch of the @Unfold before it", "{1, 2}",
                "{1, 2}"));
        cases.add(new Case("a fold whose size does not divide into patches", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@Fold(patch = 2, size = {4, 5}) Layer fold;"),
                "[netcost:map-size] fold on input (4, 4, 8): the width 5 of size = {4, 5} does not divide into"
                        + " patches of 2", "{4, 5}", "{4, 5}"));
        // A 4 x 8 map holds 2 x 4 = 8 patches of 2 x 2; each sequence has 4 tokens, one per patch of a 4 x 4 map.
        cases.add(new Case("a fold whose size is not the unfold's", net("@Network(input = {8, 4, 4})",
                "@Unfold(patch = 2) Layer unfold;", "@Fold(patch = 2, size = {4, 8}) Layer fold;"),
                "[netcost:map-size] fold on input (4, 4, 8): size = {4, 8} holds 8 patches of 2, but each sequence has"
                        + " 4 tokens, one per patch; give the size of the map that the @Unfold before it took", "{4, 8}",
                "{4, 8}"));
        cases.add(new Case("a crop to a larger map", net("@Network(input = {3, 16, 16})",
                "@MaxPool(kernel = 2) Layer pool;", "@CenterCrop(like = \"input\") Layer crop;"),
                "[netcost:like] crop on input (3, 8, 8): like names input, which gives (3, 16, 16): its height 16 is"
                        + " larger than the input's 8, and a crop cannot grow; crop the larger tensor to the smaller, or"
                        + " pad the smaller with @ZeroPad", "like = \"input\"", "\"input\""));
        cases.add(new Case("a crop without like", net("@Network(input = {3, 16, 16})", "@CenterCrop Layer crop;"),
                "[netcost:missing] crop: @CenterCrop needs like, a constant; write it, as @CenterCrop(like = ...)",
                "@CenterCrop", "@CenterCrop"));
        cases.add(new Case("a crop naming no tensor", net("@Network(input = {3, 16, 16})",
                "@CenterCrop(like = \"\") Layer crop;"),
                "[netcost:like] crop on input (3, 16, 16): like = \"\" names no tensor; name the field above whose"
                        + " spatial size to crop to, or \"input\"", "like = \"\"", "\"\""));
        // Cross-attention: the queries are the field above, tokens (16, 64); the memory, the tensor memory names.
        String wte = "@Embedding(vocab = 100, dim = 64) Layer wte;";
        cases.add(new Case("cross-attention memory not tokens", net("@Network(input = {8, 32})",
                "@ToTokens Layer tokens;", "@CrossAttention(heads = 2, memory = \"input\") Layer cross;"),
                "[netcost:memory] cross on input (32, 8): memory names input, which gives (8, 32), a feature map"
                        + " (C, ...); cross-attention attends to tokens (S, E): put @ToTokens after it, which makes"
                        + " (32, 8) tokens of it, and name that", "memory = \"input\"", "\"input\""));
        cases.add(new Case("cross-attention key width not fitting the memory", net("@Network(input = {16})", wte,
                "@Linear(out = 32) Layer encoded;",
                "@CrossAttention(heads = 4, memory = \"encoded\", keyWidth = 48) @From(\"wte\") Layer cross;"),
                "[netcost:memory] cross on input (16, 64): keyWidth = 48, but memory names encoded, which gives tokens"
                        + " (16, 32) of width 32; the key and value projections take the memory's tokens: write"
                        + " keyWidth = 32", "keyWidth = 48", "48"));
        cases.add(new Case("cross-attention memory of another width than the queries", net("@Network(input = {16})",
                wte, "@Linear(out = 32) Layer encoded;",
                "@CrossAttention(heads = 4, memory = \"encoded\") @From(\"wte\") Layer cross;"),
                "[netcost:memory] cross on input (16, 64): memory names encoded, which gives tokens (16, 32) of width"
                        + " 32, but keyWidth = 0 takes the queries' width E = 64; the key and value projections take the"
                        + " memory's tokens: write keyWidth = 32", "memory = \"encoded\"", "\"encoded\""));
        cases.add(new Case("cross-attention memory naming no field", net("@Network(input = {16})", wte,
                "@CrossAttention(heads = 4, memory = \"encoder\") Layer cross;"),
                "[netcost:unknown-input] cross: `encoder` is no field of Net; it can read wte, input",
                "memory = \"encoder\"", "\"encoder\""));
        cases.add(new Case("cross-attention memory naming no tensor", net("@Network(input = {16})", wte,
                "@CrossAttention(heads = 4, memory = \"\") Layer cross;"),
                "[netcost:memory] cross on input (16, 64): memory = \"\" names no tensor; name the field above whose"
                        + " tokens the queries attend to, or \"input\"", "memory = \"\"", "\"\""));
        cases.add(new Case("cross-attention without memory", net("@Network(input = {16})", wte,
                "@CrossAttention(heads = 4) Layer cross;"),
                "[netcost:missing] cross: @CrossAttention needs memory, a constant; write it, as"
                        + " @CrossAttention(memory = ...)", "@CrossAttention", "@CrossAttention"));
        cases.add(new Case("cross-attention on the sequences of an unfold", net("@Network(input = {8, 4, 4})",
                "@ToTokens Layer tokens;", "@Unfold(patch = 2) @From(\"input\") Layer unfold;",
                "@CrossAttention(heads = 2, memory = \"tokens\") Layer cross;"),
                "[netcost:input-shape] cross on input (4, 4, 8): @CrossAttention attends one sequence of queries (T,"
                        + " E) to its memory, but its input (4, 4, 8) is 4 sequences of 4 tokens, as @Unfold makes them;"
                        + " put @Fold and then @ToTokens before it to make one sequence of them", "@CrossAttention",
                "@CrossAttention"));
        cases.add(new Case("a zero pad of three sides", net("@Network(input = {3, 16, 16})",
                "@ZeroPad(padding = {1, 1, 1}) Layer pad;"),
                "[netcost:value-count] pad on input (3, 16, 16): padding = {1, 1, 1} has 3 values but the input has 2"
                        + " spatial dimensions; give one value for every side, or 4, two per dimension in PyTorch's order"
                        + " (left, right, top, bottom)", "{1, 1, 1}", "{1, 1, 1}"));
        // Blocks: the error is in the block's file, or at the use.
        List<NetworkSource> recursive = withBlock("@Block\n@interface B {\n    class Layers {\n        @B Layer again;\n"
                + "    }\n}\n", "@B Layer b;");
        cases.add(new Case("a block that contains itself", List.of(recursive.get(1), recursive.get(0)),
                "[netcost:recursive-block] again: B would contain itself (B > B); a block cannot use itself,"
                        + " directly or through other blocks", "@B Layer again", "@B"));
        List<NetworkSource> noLayers = withBlock("@Block\n@interface B {\n    int out();\n}\n", "@B(out = 3) Layer b;");
        cases.add(new Case("a block without a Layers class", List.of(noLayers.get(1), noLayers.get(0)),
                "[netcost:block-layers] B: a @Block declares its layers as fields of a nested class `Layers`: add"
                        + " `class Layers { @Conv(...) Layer conv; }`", "@Block", "@Block"));
        List<NetworkSource> firstOnly = withBlock("@Block\n@interface B {\n    @FirstOnly int stride();\n"
                + "    class Layers {\n        @ReLU Layer relu;\n    }\n}\n", "@B(stride = 2) Layer b;");
        cases.add(new Case("a first-only parameter without a default", List.of(firstOnly.get(1), firstOnly.get(0)),
                "[netcost:block-parameter] stride: @FirstOnly gives the repeats after the first this parameter's"
                        + " default, and it has none; add one, such as `int stride() default 1;`", "@FirstOnly",
                "@FirstOnly"));
        String conv = "@Block\n@interface B {\n    int groups() default 1;\n    class Layers {\n"
                + "        @Conv(kernel = 1, bias = false) @With(out = \"in\", groups = \"groups\") Layer conv;\n"
                + "    }\n}\n";
        cases.add(new Case("a block argument that fails inside the block", withBlock(conv, "@B(groups = 3) Layer b;"),
                "[netcost:channels] b.conv on input (8, 8, 8): groups = 3 does not divide out = 8; groups must divide"
                        + " both the input and the output channels", "groups = 3", "3"));
        cases.add(new Case("a block parameter that does not exist", withBlock(conv,
                "@B @With(args = \"group = 2\") Layer b;"), "[netcost:unknown-attribute] b: B has no parameter"
                        + " `group`; it has groups", "\"group = 2\"", "\"group = 2\""));
        cases.add(new Case("a repeat of zero", withBlock(conv, "@B @Repeat(0) Layer b;"),
                "[netcost:out-of-range] b: @Repeat(0) must be at least 1", "@Repeat(0)", "0"));
        cases.add(new Case("a repeat above the bound", withBlock(conv, "@B @Repeat(2147483647) Layer b;"),
                "[netcost:out-of-range] b: @Repeat(2147483647) is above netcost's bound of 1000000: netcost expands"
                        + " every instance of a repeated block to infer it, and 100,000 instances already take about"
                        + " 2 s and 100 MB, so a count beyond the bound would exhaust the compiler's memory; repeat"
                        + " fewer times", "@Repeat(2147483647)", "2147483647"));
        List<NetworkSource> trainingOnlyLast = withBlock("@Block\n@interface B {\n    class Layers {\n"
                + "        @ReLU Layer relu;\n        @ReLU @TrainingOnly Layer aux;\n    }\n}\n", "@B Layer b;");
        cases.add(new Case("a training-only last field of a block", List.of(trainingOnlyLast.get(1),
                trainingOnlyLast.get(0)), "[netcost:training-only] aux: the output of block B is its last field's, and"
                        + " aux runs only in training (@TrainingOnly), so B would have no output at inference; declare"
                        + " aux before a field that runs at inference, or put @TrainingOnly on the fields that use B"
                        + " instead", "@TrainingOnly Layer aux", "@TrainingOnly"));
        cases.add(new Case("a layer annotation outside a network", NetworkSource.of("com.example.Loose",
                "package com.example;\n\nimport dev.netcost.*;\n\nclass Loose {\n    @ReLU Layer relu;\n}\n"),
                "[netcost:not-in-network] relu: @ReLU declares a layer, but Loose is not a network; annotate Loose"
                        + " with @Network(input = {...}), or declare the layers in the nested class Layers of a @Block",
                "@ReLU", "@ReLU"));
        cases.add(new Case("a type named as the companion", List.of(NetworkSource.of("com.example.NetCost",
                "package com.example;\n\nclass NetCost {}\n"), net("@Network(input = {3, 8, 8})",
                "@ReLU Layer relu;")), "[netcost:name-taken] netcost generates com.example.NetCost for Net, but a"
                        + " type of that name is already declared; rename that type or the network", "@Network",
                "@Network"));
        cases.add(new Case("a local network", NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {3, 8, 8})
                class Net {
                    @ReLU Layer relu;

                    static void build() {
                        @Network(input = {3, 8, 8})
                        class Local {
                            @Conv(out = 8, kernel = 3, groups = 5) Layer conv;
                        }
                    }
                }
                """), "[netcost:local-class] Local: @Network on the local class Local, which netcost cannot read:"
                        + " javac shows annotation processors no class declared inside a method; declare Local as a"
                        + " top-level or member class", "@Network(input = {3, 8, 8})\n        class Local",
                "@Network"));
        cases.addAll(windowAttentionCases());
        cases.addAll(expertsCases());
        cases.addAll(trainingCases());
        cases.addAll(rooflineCases());
        cases.add(new Case("a layer norm of a map's channels on tokens", net("@Network(input = {16})",
                "@Embedding(vocab = 100, dim = 64) Layer wte;", "@LayerNorm2d Layer norm;"),
                "[netcost:input-shape] norm on input (16, 64): @LayerNorm2d normalises the channels of a map (C, H,"
                        + " W) at each position, but its input (16, 64) is tokens; use @LayerNorm, which normalises"
                        + " each token's features", "@LayerNorm2d", "@LayerNorm2d"));
        cases.add(new Case("a layer norm of a map's channels on a channels-last map", net("@Network(input = {8, 4, 4})",
                "@ChannelsLast Layer permute;", "@LayerNorm2d Layer norm;"),
                "[netcost:input-shape] norm on input (4, 4, 8): @LayerNorm2d normalises the channels of a map (C, H,"
                        + " W) at each position, but its input (4, 4, 8) has its channels last; use @LayerNorm, which"
                        + " normalises the last axis, or put @ChannelsFirst before it", "@LayerNorm2d", "@LayerNorm2d"));
        cases.add(new Case("a layer norm of a map's channels on a vector", net("@Network(input = {64})",
                "@LayerNorm2d Layer norm;"),
                "[netcost:input-shape] norm on input (64): @LayerNorm2d normalises the channels of a map (C, H, W) at"
                        + " each position, but its input is the vector (64); use @LayerNorm", "@LayerNorm2d",
                "@LayerNorm2d"));
        cases.addAll(userOpCases());
        // Several inputs and outputs.
        cases.add(new Case("an output on an input", net("@Network(input = {3, 16, 16})",
                "@Input(shape = {4}) @Output Layer extra;", "@ReLU @From(\"input\") Layer relu;"),
                "[netcost:output] extra: @Output marks a tensor a layer produces, and extra is an @Input, which nothing"
                        + " produces; mark the field that computes the output", "@Output", "@Output"));
        cases.add(new Case("an output that runs only in training", net("@Network(input = {3, 16, 16})",
                "@ReLU Layer relu;", "@ReLU @From(\"input\") @TrainingOnly @Output Layer aux;",
                "@ReLU @From(\"relu\") Layer last;"),
                "[netcost:output] aux: @Output marks an output of inference, and aux runs only in training"
                        + " (@TrainingOnly), so nothing produces it at inference; remove one of the two", "@Output",
                "@Output"));
        cases.add(new Case("a modifier on an input", net("@Network", "@Input(shape = {4}) @From(\"x\") Layer a;",
                "@Linear(out = 2) Layer fc;"),
                "[netcost:misplaced] a: @From does not apply to an @Input, which reads nothing and computes nothing;"
                        + " remove it", "@From(\"x\")", "@From"));
        cases.add(new Case("an input without a shape", net("@Network", "@Input Layer a;", "@Linear(out = 2) Layer fc;"),
                "[netcost:no-input] a: @Input gives no shape; give one sample's, such as shape = {3, 224, 224}",
                "@Input Layer a", "@Input"));
        cases.add(new Case("a first field with nothing above", net("@Network", "@ReLU Layer relu;",
                "@Input(shape = {4}) Layer a;", "@Linear(out = 2) Layer fc;"),
                "[netcost:no-input] relu reads the field above it, but it is the network's first field and the"
                        + " network has no input = {...}; declare an @Input above it",
                "@ReLU Layer relu", "@ReLU"));
        cases.add(new Case("an input of rank five", net("@Network", "@Input(shape = {1, 2, 3, 4, 5}) Layer a;",
                "@ReLU Layer relu;"),
                "[netcost:input-rank] a: shape has 5 dimensions; netcost takes {F}, {C, L}, {C, H, W} or"
                        + " {C, D, H, W} for one sample, without the batch (set that with @Network(batch = N))",
                "{1, 2, 3, 4, 5}", "{1, 2, 3, 4, 5}"));
        cases.add(new Case("token ids of two dimensions", net("@Network",
                "@Input(shape = {4, 8}, kind = InputKind.IDS) Layer a;", "@Embedding(vocab = 10, dim = 4) Layer e;"),
                "[netcost:input-rank] a: kind = IDS takes one dimension, {T}, not {4, 8}",
                "{4, 8}", "{4, 8}"));
        cases.add(new Case("input read where the network has none", net("@Network", "@Input(shape = {4}) Layer a;",
                "@ReLU @From(\"input\") Layer relu;"),
                "[netcost:unknown-input] relu: `input` names @Network(input), and Net declares its inputs as @Input"
                        + " fields instead; it can read a", "@From(\"input\")", "\"input\""));
        String decoder = "@Embedding(vocab = 10, dim = 8) Layer e;\n"
                + "@MultiHeadAttention(heads = 2, causal = true) Layer a;\n"
                + "@Input(shape = {8}, kind = InputKind.IDS) Layer b;\n"
                + "@Embedding(vocab = 10, dim = 8) Layer f;\n"
                + "@Add({\"a\", \"f\"}) Layer sum;";
        cases.add(new Case("a decoder of two inputs that names neither", net("@Network(input = {8})\n@Decoder",
                decoder), "[netcost:decoder] Net has the inputs input and b; name the one whose tokens the @Decoder"
                        + " generates, as @Decoder(\"tokens\")", "@Decoder", "@Decoder"));
        cases.add(new Case("a decoder that names no input", net("@Network(input = {8})\n@Decoder(\"c\")", decoder),
                "[netcost:decoder] Net: @Decoder(\"c\") names no input; its inputs are input, b", "@Decoder(\"c\")",
                "\"c\""));
        cases.add(new Case("a decoder with nothing to decode", net("@Network(input = {8})\n@Decoder(\"b\")", decoder),
                "[netcost:decoder] Net: no attention layer depends on b, the input the @Decoder generates tokens into,"
                        + " so there is nothing to decode; read it with a layer, or name another input", "@Decoder(\"b\")",
                "\"b\""));
        List<NetworkSource> outputInBlock = withBlock("@Block\n@interface B {\n    class Layers {\n"
                + "        @ReLU @Output Layer relu;\n    }\n}\n", "@B Layer b;");
        cases.add(new Case("an output in a block", List.of(outputInBlock.get(1), outputInBlock.get(0)),
                "[netcost:misplaced] relu: @Output marks an output of the network, and B is a block, whose output is"
                        + " its last field's; put @Output on the network's field that uses the block", "@Output",
                "@Output"));
        List<NetworkSource> inputInBlock = withBlock("@Block\n@interface B {\n    class Layers {\n"
                + "        @Input(shape = {4}) Layer extra;\n        @ReLU Layer relu;\n    }\n}\n", "@B Layer b;");
        cases.add(new Case("an input in a block", List.of(inputInBlock.get(1), inputInBlock.get(0)),
                "[netcost:misplaced] extra: @Input declares an input of the network, and B is a block; give the block"
                        + " a String parameter that names the tensor, and read it by that name", "@Input", "@Input"));
        String reads = "@Block\n@interface B {\n    String memory();\n    class Layers {\n"
                + "        @Add({\"input\", \"memory\"}) Layer sum;\n    }\n}\n";
        // Without a default, javac reports the missing value itself; with "", netcost says what the block reads.
        cases.add(new Case("a block's tensor not named", withBlock(reads.replace("String memory();",
                "String memory() default \"\";"), "@ReLU Layer relu;", "@B Layer b;"),
                "[netcost:missing] b: @B reads the tensor memory, which this use does not name; write memory ="
                        + " \"name\", the field it reads", "@B Layer b", "@B"));
        cases.add(new Case("a block's tensor of an unknown name", withBlock(reads, "@ReLU Layer relu;",
                "@B(memory = \"nothing\") Layer b;"),
                "[netcost:unknown-input] b: `nothing` is no field of Net; it can read relu, input", "\"nothing\"",
                "\"nothing\""));
        cases.add(new Case("a block's tensor given by @With", withBlock(reads.replace("String memory();",
                "String memory() default \"input\";"), "@ReLU Layer relu;", "@B @With(args = \"memory = relu\") Layer b;"),
                "[netcost:expression] b: memory takes a constant, not an expression; write it on @B",
                "\"memory = relu\"", "\"memory = relu\""));
        // Found by review: names that would read the wrong tensor, and reads that bypass the rules.
        List<NetworkSource> shadowed = withBlock("@Block\n@interface B {\n    String memory();\n    class Layers {\n"
                + "        @ReLU Layer memory;\n        @Add({\"input\", \"memory\"}) Layer sum;\n    }\n}\n",
                "@ReLU Layer relu;", "@B(memory = \"relu\") Layer b;");
        cases.add(new Case("a block field named as its tensor parameter", List.of(shadowed.get(1), shadowed.get(0)),
                "[netcost:duplicate-name] memory: B's tensor parameter is named memory too, and a layer reads a tensor"
                        + " by its name; rename the field", "@ReLU Layer memory", "@ReLU"));
        List<NetworkSource> namedInput = withBlock("@Block\n@interface B {\n    String input();\n    class Layers {\n"
                + "        @ReLU Layer relu;\n    }\n}\n", "@ReLU Layer relu;", "@B(input = \"relu\") Layer b;");
        cases.add(new Case("a tensor parameter named input", List.of(namedInput.get(1), namedInput.get(0)),
                "[netcost:duplicate-name] input: a block's input is already named `input`; name the tensor parameter"
                        + " otherwise", "String input()", "input"));
        cases.add(new Case("a block's tensor that runs only in training", withBlock(reads, "@ReLU Layer relu;",
                "@ReLU @TrainingOnly Layer aux;", "@B(memory = \"aux\") @From(\"relu\") Layer b;"),
                "[netcost:training-only] b: memory = \"aux\" names a field that runs only in training (@TrainingOnly),"
                        + " and b runs at inference too, where there is no such tensor to read; name a field that runs"
                        + " at inference, or mark b @TrainingOnly as well", "memory = \"aux\"", "\"aux\""));
        cases.add(new Case("a weight tied to an input", net("@Network", "@Input(shape = {8}, kind = InputKind.IDS)"
                + " Layer tokens;", "@Embedding(vocab = 10, dim = 4) @Tied(\"tokens\") Layer e;"),
                "[netcost:tied] e: @Tied(\"tokens\") names the layer whose weight this one shares, but `tokens` is an"
                        + " input, which has no weight; name a layer above", "@Tied(\"tokens\")", "\"tokens\""));
        cases.add(new Case("a decoder's cross-attention on what it decodes", net("@Network(input = {8})\n@Decoder",
                "@Embedding(vocab = 100, dim = 16) Layer emb;", "@MultiHeadAttention(heads = 2, causal = true) Layer self;",
                "@Linear(out = 16) Layer mem;", "@CrossAttention(heads = 2, memory = \"mem\") @From(\"self\") Layer cross;"),
                "[netcost:decoder] cross: its memory, mem, depends on the tokens the @Decoder generates, so its keys"
                        + " and values would grow with every token rather than be an encoder's, computed once; attend to"
                        + " an encoder's output, or use @MultiHeadAttention", "@CrossAttention", "@CrossAttention"));
        NetworkSource base = NetworkSource.example("Base", "@Network\npublic class Base {\n"
                + "    @Input(shape = {3, 8, 8}) Layer x;\n    @Conv(out = 4, kernel = 1) Layer conv;\n}\n");
        NetworkSource derived = NetworkSource.example("Derived", "@Network\nclass Derived extends Base {\n"
                + "    @Input(shape = {5}) Layer x;\n    @Linear(out = 4) Layer head;\n}\n");
        cases.add(new Case("an input named as an inherited one", List.of(base, derived),
                "[netcost:duplicate-name] x: a field above in Derived, of a class it extends, is named x too, and a"
                        + " layer reads a tensor by its name; rename one of them", "@Input(shape = {5})", "@Input"));
        cases.add(new Case("a network input of tokens of one dimension", net("@Network(input = {8}, inputKind ="
                + " InputKind.TOKENS)", "@LayerNorm Layer norm;"),
                "[netcost:input-rank] Net: inputKind = TOKENS takes {T, E}, or {S, T, E} for S sequences, not {8}",
                "{8}", "{8}"));
        cases.add(new Case("a linear layer on token ids", net("@Network(input = {8}, inputKind = InputKind.IDS)",
                "@Linear(out = 4) Layer fc;"),
                "[netcost:input-shape] fc on input (8): input holds token ids (kind = IDS), and only an @Embedding"
                        + " reads token ids; put an @Embedding(vocab = ..., dim = ...) before this layer", "@Linear",
                "@Linear"));
        // 2^21 x 2^21 x 2^20 = 2^62 elements, 2^64 bytes in float32: beyond a long.
        cases.add(new Case("an input whose bytes do not fit a long", net("@Network",
                "@Input(shape = {2097152, 2097152, 1048576}) Layer huge;", "@ReLU Layer relu;"),
                "[netcost:overflow] huge: the bytes of this input for the batch of 1 do not fit a long (at most"
                        + " 9,223,372,036,854,775,807); netcost never wraps a number: make the input or the batch"
                        + " smaller", "{2097152, 2097152, 1048576}", "{2097152, 2097152, 1048576}"));
        return cases;
    }

    /** An op a user declares, {@code com.example.Op}, with these {@code @CustomOp} arguments and this body. */
    /** The mistakes of ops users declare: in the declaration (the op's file), and at a use (the network's). */
    private static List<Case> userOpCases() {
        String features = "layouts = CustomOp.Layout.FEATURES, ";
        String figures = "params = \"0\", buffers = \"0\", macs = \"0\", flops = \"0\"";
        NetworkSource scale = customOp(features + "shape = {\"C\", \"H\", \"W\"}, " + figures + ", checks ="
                + " @CustomOp.Check(require = \"C % factor == 0\", attribute = \"factor\", message = \"factor must"
                + " divide the channels\")", "int factor() default 1;");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("an attribute of a user op of another type", customOp(features + "shape = {}, " + figures,
                "String mode();"), "[netcost:op-declaration] mode: an attribute of an op you declare is an int, an int[]"
                        + " or a boolean, not java.lang.String", "String mode()", "mode"));
        cases.add(new Case("an attribute of a user op named as a dimension", customOp(features + "shape = {}, "
                + figures, "int H();"), "[netcost:op-declaration] H: an op's attribute may not be named `H`: its"
                        + " expressions use that name for a dimension of the input; rename the attribute", "int H()",
                "H"));
        cases.add(new Case("a user op's check on an attribute it lacks", customOp(features + "shape = {}, " + figures
                + ", checks = @CustomOp.Check(require = \"k > 0\", message = \"k > 0\", attribute = \"kk\")",
                "int k();"), "[netcost:op-declaration] Op: attribute = \"kk\" names no attribute of @Op; it has k",
                "\"kk\"", "\"kk\""));
        cases.add(new Case("a user op's check on an attribute when it has none", customOp(features + "shape = {}, "
                + figures + ", checks = @CustomOp.Check(require = \"C > 0\", message = \"C > 0\", attribute ="
                + " \"k\")", ""), "[netcost:op-declaration] Op: attribute = \"k\" names no attribute: @Op has none;"
                        + " leave it out to report on the annotation", "\"k\")", "\"k\""));
        cases.add(new Case("a user op that takes no layout", customOp("layouts = {}, shape = {}, " + figures, ""),
                "[netcost:op-declaration] Op: layouts = {} takes no input; list the layouts the op takes, such as"
                        + " layouts = CustomOp.Layout.FEATURES", "layouts = {}", "{}"));
        cases.add(new Case("a user op's shape of five dimensions", customOp(features + "shape = {\"1\", \"1\","
                + " \"1\", \"1\", \"1\"}, " + figures, ""), "[netcost:op-declaration] Op: shape gives 5 dimensions,"
                        + " and netcost takes 1 to 4; give one expression per dimension, or shape = {} for the input's"
                        + " shape", "shape = {", "{"));
        cases.add(new Case("a user op reading the output in its shape", customOp(features + "shape ="
                + " {\"outDim(0)\"}, " + figures, ""), "[netcost:expression] Op: shape[0] = \"outDim(0)\": unknown"
                        + " function `outDim` at column 1 of \"outDim(0)\"; there are max, min and divisible, and the"
                        + " lists dim, read by index as dim(0)", "\"outDim(0)\"", "\"outDim(0)\""));
        cases.add(new Case("a user op reading dim without one index", customOp(features + "shape = {\"dim(0, 1)\"}, "
                + figures, ""), "[netcost:expression] Op: shape[0] = \"dim(0, 1)\": `dim` takes one index, as dim(0),"
                        + " not 2", "\"dim(0, 1)\"", "\"dim(0, 1)\""));
        cases.add(new Case("a user op's check failing at a use", List.of(scale, net("@Network(input = {6, 4, 4})",
                "@Op(factor = 4) Layer scale;")), "[netcost:op-check] scale on input (6, 4, 4): factor must divide the"
                        + " channels (@Op requires C % factor == 0)", "factor = 4", "4"));
        cases.add(new Case("a user op on a layout it does not take", List.of(scale, net("@Network(input = {6, 4, 4})",
                "@ToTokens Layer tokens;", "@Op Layer scale;")), "[netcost:input-shape] scale on input (16, 6): @Op"
                        + " takes a feature map, channels first, but its input (16, 6) is tokens (T, E)", "@Op Layer",
                "@Op"));
        cases.add(new Case("a user op reading a dimension its input lacks", List.of(scale,
                net("@Network(input = {6, 16})", "@Op Layer scale;")), "[netcost:input-shape] scale on input (6, 16):"
                        + " @Op reads `H`, but its input (6, 16) has no such dimension; its dimensions are C, L",
                "@Op Layer", "@Op"));
        cases.add(new Case("a user op's index outside its input", List.of(customOp(features + "shape = {\"dim(3)\"}, "
                + figures, ""), net("@Network(input = {8, 4, 4})", "@Op Layer op;")), "[netcost:evaluation] op on"
                        + " input (8, 4, 4): shape[0] = \"dim(3)\" fails with : dim(3) is outside its 3 values",
                "@Op Layer", "@Op"));
        cases.add(new Case("a user op's dimension below one", List.of(customOp(features + "shape = {\"C - 8\"}, "
                + figures, ""), net("@Network(input = {8, 4, 4})", "@Op Layer op;")), "[netcost:out-of-range] op on"
                        + " input (8, 4, 4): @Op: shape[0] = \"C - 8\" gives 0; every dimension of the output must be"
                        + " at least 1", "@Op Layer", "@Op"));
        cases.add(new Case("a user op's negative figure", List.of(customOp(features + "shape = {}, params ="
                + " \"C - 9\", buffers = \"0\", macs = \"0\", flops = \"0\"", ""), net("@Network(input = {8, 4, 4})",
                "@Op Layer op;")), "[netcost:out-of-range] op on input (8, 4, 4): @Op: params = \"C - 9\" gives -1; a"
                        + " figure is never negative", "@Op Layer", "@Op"));
        cases.add(new Case("a user op's name that is not plain", customOp("name = \"A|B\", " + features + "shape = {}, "
                + figures, ""), "[netcost:op-declaration] Op: name = \"A|B\" is not a plain op name: a name starts"
                        + " with a letter and holds only ASCII letters, digits, `_`, `.` and `-`, at most 40 of them, so"
                        + " that the summary, the companion and the reports print it as written; rename the op",
                "\"A|B\"", "\"A|B\""));
        cases.add(new Case("a user op that is also a block", NetworkSource.example("Op", "@Block\n@CustomOp("
                + features + "shape = {}, " + figures + ")\npublic @interface Op {\n    class Layers {\n"
                + "        @ReLU Layer relu;\n    }\n}\n"), "[netcost:op-declaration] Op: @CustomOp declares an op and"
                        + " @Block a block, and an annotation is one or the other; remove one of them", "@CustomOp",
                "@CustomOp"));
        cases.add(new Case("a user op's list named as a function", customOp(features + "shape = {}, " + figures,
                "int[] min();"), "[netcost:op-declaration] min: an int[] attribute may not be named `min`: its"
                        + " expressions read it by index, as min(0), which calls the function min; rename the"
                        + " attribute", "int[] min()", "min"));
        cases.add(new Case("a user op's channels-last output of rank two", customOp("layouts ="
                + " CustomOp.Layout.CHANNELS_LAST, shape = {\"H * W\", \"C\"}, " + figures, ""),
                "[netcost:op-declaration] Op: shape gives 2 dimensions, but an op's output keeps its input's layout,"
                        + " and a map with its channels last has 3 or 4 dimensions (or 1, a vector); to give this shape,"
                        + " take layouts = CustomOp.Layout.FEATURES and put @ChannelsFirst before the op", "shape = {",
                "{"));
        cases.add(new Case("a user op's tokens output of rank four", customOp("layouts = CustomOp.Layout.TOKENS,"
                + " shape = {\"1\", \"T\", \"E\", \"1\"}, " + figures, ""), "[netcost:op-declaration] Op: shape"
                        + " gives 4 dimensions, but an op's output keeps its input's layout, and tokens have 2"
                        + " dimensions (T, E), or 3 (S, T, E) as @Unfold gives them (or 1, a vector); to give this"
                        + " shape, take layouts = CustomOp.Layout.FEATURES and put @ToMap before the op", "shape = {",
                "{"));
        cases.add(new Case("a user op on a parameter", List.of(scale, NetworkSource.example("Loose",
                "class Loose {\n    void m(@Op int p) {}\n}\n")), "[netcost:not-in-network] p: @Op declares a layer,"
                        + " but p is a parameter of Loose.m, not a field; declare the layer as a field `Layer name;` of"
                        + " a class annotated with @Network(input = {...}), or of the nested class Layers of a @Block",
                "@Op", "@Op"));
        return cases;
    }

    /** Swin's windowed attention and patch merging, on a map of 12 channels, 8 x 8, made channels-last. */
    /** A network of tokens (10, 8) whose field {@code moe} is a mixture of experts of block B. */
    private static List<NetworkSource> moe(String block, String... fields) {
        return List.of(NetworkSource.example("B", block),
                net("@Network(input = {10, 8}, inputKind = InputKind.TOKENS)", fields));
    }

    /** An expert: up to {@code hidden} and back, per token. */
    private static final String EXPERT = "@Block\n@interface B {\n    int hidden() default 16;\n    class Layers {\n"
            + "        @Linear(bias = false) @With(out = \"hidden\") Layer up;\n        @ReLU Layer act;\n"
            + "        @Linear(bias = false) @With(out = \"in\") Layer down;\n    }\n}\n";

    private static List<Case> trainingCases() {
        NetworkSource inner = NetworkSource.example("C", "@Block\n@interface C {\n    class Layers {\n"
                + "        @ReLU Layer act;\n    }\n}\n");
        NetworkSource outer = NetworkSource.example("B", "@Block\n@interface B {\n    class Layers {\n"
                + "        @C @Checkpoint Layer inner;\n    }\n}\n");
        return List.of(
            new Case("a training step of no sample", net("@Training(batch = 0)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:training] @Training(batch = 0): a training step has at"
                        + " least one sample", "batch = 0", "0"),
            new Case("a frozen field without training", net("@Network(input = {8})",
                    "@Linear(out = 4) @Frozen Layer fc;"), "[netcost:training] fc: @Frozen counts in a training step,"
                        + " and Net has no @Training; declare @Training on the network, or remove @Frozen",
                    "@Frozen", "@Frozen"),
            new Case("a checkpointed layer", net("@Training\n@Network(input = {8})",
                    "@Linear(out = 4) @Checkpoint Layer fc;"), "[netcost:training] fc: @Checkpoint recomputes a"
                        + " block's activations in backward, and @Linear is a layer; checkpoint the block use that"
                        + " holds it", "@Checkpoint", "@Checkpoint"),
            new Case("a checkpoint inside a block", List.of(inner, net("@Training\n@Network(input = {8})",
                    "@B Layer b;"), outer), "[netcost:training] inner: @Checkpoint marks a block use of the network,"
                        + " and this field is in block B; put @Checkpoint on the network's field that uses B",
                    "@Checkpoint", "@Checkpoint"),
            new Case("a training limit without training", net("@Budget(maxStepFlops = 1000L)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:training] maxStepFlops bounds a training step, and Net"
                        + " has no @Training; declare @Training(batch = ..., optimizer = ...) on the network",
                    "maxStepFlops = 1000L", "1000L"));
    }

    /** A device of round figures, declared in the network's file: its mistakes are placed there. */
    private static String device(String figures) {
        return "@CustomDevice(" + figures + ")\nclass Bench {}\n\n";
    }

    private static List<Case> rooflineCases() {
        String good = "name = \"Bench board\", float32FlopsPerSecond = 1e10, memoryBytesPerSecond = 1e10";
        return List.of(
            new Case("a roofline device that declares none", net("class Plain {}\n\n@Roofline(custom = Plain.class)"
                    + "\n@Network(input = {8})", "@Linear(out = 4) Layer fc;"), "[netcost:roofline] Plain:"
                        + " @Roofline(custom) takes classes that declare a device, and Plain has no @CustomDevice;"
                        + " annotate Plain with @CustomDevice(name = \"...\", memoryBytesPerSecond = ...), or name"
                        + " another class", "Plain.class)", ".class"),
            new Case("a roofline device that is no class", net("@Roofline(custom = int.class)\n@Network(input ="
                    + " {8})", "@Linear(out = 4) Layer fc;"), "[netcost:roofline] int: @Roofline(custom) takes classes"
                        + " that declare a device, and int is no class; name a class annotated with @CustomDevice(name"
                        + " = \"...\", memoryBytesPerSecond = ...)", "int.class", ".class"),
            new Case("a device of a negative peak", net(device("name = \"Bench board\", float32FlopsPerSecond = -1,"
                    + " memoryBytesPerSecond = 1e10") + "@Roofline(custom = Bench.class)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:roofline] Bench: @CustomDevice(float32FlopsPerSecond ="
                        + " -1.0) is no peak: give a finite number of operations per second, or 0 when the device has"
                        + " none for that type", "float32FlopsPerSecond = -1", "-1"),
            new Case("a device of no memory bandwidth", net(device("name = \"Bench board\", float32FlopsPerSecond ="
                    + " 1e10, memoryBytesPerSecond = 0") + "@Roofline(custom = Bench.class)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:roofline] Bench: @CustomDevice(memoryBytesPerSecond ="
                        + " 0.0): every byte a layer moves goes through the memory, so a device's bandwidth is a finite"
                        + " number of bytes per second above 0", "memoryBytesPerSecond = 0", "0"),
            new Case("a device of a blank name", net(device("name = \" \", float32FlopsPerSecond = 1e10,"
                    + " memoryBytesPerSecond = 1e10") + "@Roofline(custom = Bench.class)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:roofline] Bench: @CustomDevice(name) is blank or holds a"
                        + " line break or another control character; give what summaries and reports call the device,"
                        + " on one line, such as \"Jetson Orin NX 16GB\"",
                    "name = \" \"", "\" \""),
            new Case("a device of negative on-chip memory", net(device(good + ", onChipBytes = -1")
                    + "@Roofline(custom = Bench.class)\n@Network(input = {8})", "@Linear(out = 4) Layer fc;"),
                    "[netcost:roofline] Bench: @CustomDevice(onChipBytes = -1) is below 0; give the bytes of on-chip"
                        + " memory, or 0 if unknown", "onChipBytes = -1", "-1"),
            new Case("a roofline of no device", net("@Roofline\n@Network(input = {8})", "@Linear(out = 4) Layer fc;"),
                    "[netcost:roofline] Net: @Roofline names no device; name one of Hardware, such as"
                        + " @Roofline(Hardware.L4), or a class of yours with @Roofline(custom = ...)",
                    "@Roofline", "@Roofline"),
            // Apple publishes no int8 rate for the M2's GPU: Hardware.APPLE_M2 has none.
            new Case("a device without the network's peak", net("@Roofline(Hardware.APPLE_M2)\n@Network(input = {8},"
                    + " dtype = DType.INT8)", "@Linear(out = 4) Layer fc;"), "[netcost:roofline] APPLE_M2 (Apple M2"
                        + " GPU) has no peak for int8 (its int8OpsPerSecond is 0), and Net runs in int8, so it has no"
                        + " roofline time there; name a device with that peak, or declare one with @CustomDevice",
                    "Hardware.APPLE_M2", ".APPLE_M2"),
            new Case("a device of yours without the network's peak", net(device(good) + "@Roofline(custom ="
                    + " Bench.class)\n@Network(input = {8}, dtype = DType.BFLOAT16)", "@Linear(out = 4) Layer fc;"),
                    "[netcost:roofline] Bench (Bench board) has no peak for bfloat16 (its float16FlopsPerSecond is 0),"
                        + " and Net runs in bfloat16, so it has no roofline time there; give"
                        + " @CustomDevice(float16FlopsPerSecond = ...) on Bench", "Bench.class)", ".class"),
            new Case("a device named twice", net("@Roofline({Hardware.L4, Hardware.H100_SXM, Hardware.L4})\n"
                    + "@Network(input = {8})", "@Linear(out = 4) Layer fc;"), "[netcost:roofline] Net: @Roofline names"
                        + " L4 twice; a device has one roofline, so name it once", "H100_SXM, Hardware.L4})",
                    ".L4"),
            new Case("a time limit without a roofline", net("@Budget(maxInferenceNanos = 1000L)\n@Network(input ="
                    + " {8})", "@Linear(out = 4) Layer fc;"), "[netcost:roofline] maxInferenceNanos bounds a roofline"
                        + " time, and Net has no @Roofline to say on which device; declare @Roofline(Hardware.L4), or"
                        + " @Roofline(custom = ...) for a device of yours", "1000L", "1000L"),
            new Case("a decode limit without a decoder", net("@Roofline(Hardware.L4)\n@Budget(maxDecodeNanosPerToken"
                    + " = 1000L)\n@Network(input = {8})", "@Linear(out = 4) Layer fc;"), "[netcost:roofline]"
                        + " maxDecodeNanosPerToken bounds the time of one decode step, and Net is no @Decoder, which"
                        + " has decode steps; mark it @Decoder, or bound maxInferenceNanos", "1000L", "1000L"),
            new Case("a budgeted device the roofline does not list", net("@Roofline(Hardware.L4)\n"
                    + "@Budget(maxInferenceNanos = 1000L, device = Hardware.H100_SXM)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:roofline] @Budget(device) names H100_SXM, and Net's"
                        + " @Roofline does not, so Net has no roofline time on it; add H100_SXM to @Roofline, or remove"
                        + " it here", "Hardware.H100_SXM", ".H100_SXM"),
            new Case("budgeted devices without a time limit", net("@Roofline(Hardware.L4)\n@Budget(maxParams = 1000,"
                    + " device = Hardware.L4)\n@Network(input = {8})", "@Linear(out = 4) Layer fc;"),
                    "[netcost:roofline] @Budget(device) names the devices the time limits of Net hold on, and it has"
                        + " none; write maxInferenceNanos or maxDecodeNanosPerToken, or remove @Budget(device)",
                    "device = Hardware.L4", ".L4"),
            // TimeBudgetTest's network and device, by hand: 15,974.4 ns, over 15,000 by 974.
            new Case("over a time budget", net(device(good) + "@Roofline(custom = Bench.class)\n"
                    + "@Budget(maxInferenceNanos = 15_000)\n@Network(input = {64}, batch = 16)",
                    "@Linear(out = 64) Layer fc1;", "@ReLU Layer relu;", "@Linear(out = 10) Layer fc2;"),
                    "[netcost:budget] one inference on Bench (Bench board) takes 15,974 ns (16.0 \u00b5s) at best, over"
                        + " maxInferenceNanos = 15,000 (15.0 \u00b5s) by 974 ns (6.5 %); the layers that take"
                        + " longest: fc1 13.1 \u00b5s (82.1 %, compute bound), fc2 2.05 \u00b5s (12.8 %, compute bound),"
                        + " relu 819 ns (5.1 %, memory bound)", "15_000", "15_000"),
            // TimeBudgetTest's decoder, by hand: a step of 172.8 ns, over 150 by 23.
            new Case("over a decode time budget", net(device(good) + "@Roofline(custom = Bench.class)\n"
                    + "@Budget(maxDecodeNanosPerToken = 150)\n@Decoder\n@Network(input = {4, 8}, inputKind ="
                    + " InputKind.TOKENS)", "@MultiHeadAttention(heads = 2, causal = true, bias = false) Layer attn;",
                    "@Linear(out = 8, bias = false) Layer proj;"), "[netcost:budget] one decode step on Bench (Bench"
                        + " board), at a context of 4 tokens, takes 173 ns at best, over"
                        + " maxDecodeNanosPerToken = 150 by 23 ns (15.3 %); the layers that take"
                        + " longest in a step: attn 141 ns (81.5 %, memory bound), proj 32.0 ns (18.5 %, memory"
                        + " bound)", "= 150", "150"),
            // The table's Orin Nano and a class of the user's of the same name: both constants JETSON_ORIN_NANO_*.
            new Case("two devices of one constant stem", net("@CustomDevice(name = \"Orin\", float32FlopsPerSecond"
                    + " = 1e12, memoryBytesPerSecond = 1e11)\nclass JetsonOrinNano {}\n\n@Roofline(value ="
                    + " Hardware.JETSON_ORIN_NANO, custom = JetsonOrinNano.class)\n@Network(input = {8})",
                    "@Linear(out = 4) Layer fc;"), "[netcost:constant-clash] com.example.JetsonOrinNano: its constants would be"
                        + " named JETSON_ORIN_NANO_*, as those of the device JETSON_ORIN_NANO are; rename the class",
                    "JetsonOrinNano.class)", ".class"),
            // 1e-300 FLOP/s: a linear layer's 64 FLOPs would take 6.4e310 ns, beyond any long, and any double.
            new Case("a device too slow for a long of nanoseconds", net("@CustomDevice(name = \"Slow board\","
                    + " float32FlopsPerSecond = 1e-300, memoryBytesPerSecond = 1e10)\nclass Slow {}\n\n"
                    + "@Roofline(custom = Slow.class)\n@Network(input = {8})", "@Linear(out = 4) Layer fc;"),
                    "[netcost:overflow] Slow (Slow board): a roofline time of Net on it, in nanoseconds, does not fit"
                        + " a long, or its ridge point (peak over bandwidth) is beyond any device's, 1e-9 to 1e15"
                        + " FLOP/B; netcost never wraps a number: give the device's peaks in operations per second and"
                        + " its bandwidth in bytes per second",
                    "Slow.class)", ".class"));
    }

    private static List<Case> expertsCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("a mixture whose top k is above its experts", moe(EXPERT,
                "@B @MixtureOfExperts(experts = 4, topK = 5) Layer moe;"), "[netcost:out-of-range] moe:"
                        + " @MixtureOfExperts(topK = 5) is above experts = 4: each token goes through topK of the routed"
                        + " experts; use at most 4, or add experts", "topK = 5", "5"));
        cases.add(new Case("a mixture of no experts", moe(EXPERT,
                "@B @MixtureOfExperts(experts = 0, topK = 1) Layer moe;"), "[netcost:out-of-range] moe:"
                        + " @MixtureOfExperts(experts = 0): the number of routed experts must be at least 1",
                "experts = 0", "0"));
        cases.add(new Case("a mixture of negative shared experts", moe(EXPERT,
                "@B @MixtureOfExperts(experts = 4, topK = 2, shared = -1) Layer moe;"), "[netcost:out-of-range] moe:"
                        + " @MixtureOfExperts(shared = -1): the number of shared experts must be at least 0",
                "shared = -1", "-1"));
        cases.add(new Case("a mixture of experts on a layer", net("@Network(input = {10, 8}, inputKind ="
                + " InputKind.TOKENS)", "@Linear(out = 8) @MixtureOfExperts(experts = 4, topK = 2) Layer fc;"),
                "[netcost:misplaced] fc: @MixtureOfExperts makes a block the expert of a mixture, and @Linear is a"
                        + " layer; declare the expert as a @Block and use it here",
                "@MixtureOfExperts(experts = 4, topK = 2) Layer fc", "@MixtureOfExperts"));
        String attention = "@Block\n@interface B {\n    class Layers {\n"
                + "        @MultiHeadAttention(heads = 2) Layer attn;\n    }\n}\n";
        cases.add(new Case("an expert that mixes tokens", moe(attention,
                "@B @MixtureOfExperts(experts = 4, topK = 2) Layer moe;"), "[netcost:experts] moe.attn on input"
                        + " (10, 8): an expert of @MixtureOfExperts works on each token alone, as the router sends"
                        + " tokens one by one, and MultiheadAttention does not; declare it outside the expert's block"
                        + " (linear layers, activations, norms, dropout, chunks and element-wise adds and products"
                        + " work per token)", "@B @MixtureOfExperts", "@B"));
        // One expert, top 1, has one copy of each layer, and is still an expert.
        cases.add(new Case("a mixture of one expert that mixes tokens", moe(attention,
                "@B @MixtureOfExperts(experts = 1, topK = 1) Layer moe;"), "[netcost:experts] moe.attn on input"
                        + " (10, 8): an expert of @MixtureOfExperts works on each token alone, as the router sends"
                        + " tokens one by one, and MultiheadAttention does not; declare it outside the expert's block"
                        + " (linear layers, activations, norms, dropout, chunks and element-wise adds and products"
                        + " work per token)", "@B @MixtureOfExperts", "@B"));
        // Three mixtures of 2,000,000,000 experts, one inside the other: 8e27 copies of the innermost.
        List<NetworkSource> nested = List.of(NetworkSource.example("L1", "@Block\n@interface L1 {\n    class Layers {\n"
                + "        @ReLU Layer act;\n    }\n}\n"), NetworkSource.example("L2", "@Block\n@interface L2 {\n"
                + "    class Layers {\n        @L1 @MixtureOfExperts(experts = 2000000000, topK = 1) Layer inner;\n"
                + "    }\n}\n"), NetworkSource.example("L3", "@Block\n@interface L3 {\n    class Layers {\n"
                + "        @L2 @MixtureOfExperts(experts = 2000000000, topK = 1) Layer mid;\n    }\n}\n"),
                net("@Network(input = {10, 8}, inputKind = InputKind.TOKENS)",
                        "@L3 @MixtureOfExperts(experts = 2000000000, topK = 1) Layer outer;"));
        cases.add(new Case("nested mixtures of too many experts", nested, "[netcost:overflow] outer.mid.inner: a shape or"
                + " figure of this layer, or the network's total with it, does not fit a long (at most"
                + " 9,223,372,036,854,775,807); netcost never wraps a number: make the layer or its input smaller",
                "@L3 @MixtureOfExperts(experts = 2000000000, topK = 1) Layer outer", "@L3"));
        cases.add(new Case("a mixture that routes a feature map", withBlock(EXPERT.replace("@Linear(bias = false)"
                + " @With(out = \"hidden\") Layer up;", "").replace("@Linear(bias = false) @With(out = \"in\") Layer"
                + " down;", ""), "@B @MixtureOfExperts(experts = 4, topK = 2) Layer moe;"),
                "[netcost:experts] moe.(router) on input (8, 8, 8): @MixtureOfExperts routes tokens (T, E) one by one,"
                        + " and input gives (8, 8, 8); put @ToTokens before it, or an @Embedding for token ids",
                "@MixtureOfExperts(experts = 4, topK = 2) Layer moe", "@MixtureOfExperts"));
        String reads = "@Block\n@interface B {\n    String other();\n    class Layers {\n"
                + "        @ReLU @From(\"other\") Layer act;\n    }\n}\n";
        cases.add(new Case("an expert whose output is no tokens", moe(reads, "@Input(shape = {8, 4, 4}) Layer image;",
                "@ReLU @From(\"input\") Layer relu;", "@B(other = \"image\") @MixtureOfExperts(experts = 4, topK = 2)"
                        + " Layer moe;"), "[netcost:experts] moe.(router) on input (8, 4, 4): the expert of"
                        + " @MixtureOfExperts gives (8, 4, 4), which is no tokens: the router weights one output per"
                        + " token (T, E'); end the expert's block with tokens",
                "@MixtureOfExperts(experts = 4, topK = 2) Layer moe", "@MixtureOfExperts"));
        cases.add(new Case("an expert that changes the tokens", moe(reads, "@Input(shape = {5, 8}, kind ="
                + " InputKind.TOKENS) Layer other;", "@ReLU @From(\"input\") Layer relu;", "@B(other = \"other\")"
                        + " @MixtureOfExperts(experts = 4, topK = 2) Layer moe;"), "[netcost:experts] moe.(router) on"
                        + " input (5, 8): the expert of @MixtureOfExperts turns the tokens (10, 8) into (5, 8): the"
                        + " router weights one output per token, so an expert keeps the tokens (T, E) as (T, E')",
                "@MixtureOfExperts(experts = 4, topK = 2) Layer moe", "@MixtureOfExperts"));
        // The expert: 256 parameters, of which a token uses 2 x 256 and the router's 8 x 4.
        cases.add(new Case("over a budget of active parameters", List.of(NetworkSource.example("B", EXPERT),
                net("@Budget(maxActiveParams = 500)\n@Network(input = {10, 8}, inputKind = InputKind.TOKENS)",
                        "@B @MixtureOfExperts(experts = 4, topK = 2) Layer moe;")), "[netcost:budget] ACTIVE_PARAMS ="
                        + " 544 is over maxActiveParams = 500 by 44 (8.8 %); the fields whose parameters one token"
                        + " uses most: moe 544 (100.0 %)", "500", "500"));
        return cases;
    }

    private static List<Case> windowAttentionCases() {
        String permute = "@ChannelsLast Layer permute;";
        return List.of(
            new Case("window attention heads not dividing the channels", net("@Network(input = {12, 8, 8})",
                    permute, "@WindowAttention(heads = 5, window = 4) Layer attn;"),
                    "[netcost:heads] attn on input (8, 8, 12): the 12 channels do not split into heads = 5 heads of"
                        + " equal width; use one of 2, 3, 4 or 6", "heads = 5", "5"),
            new Case("window attention shift not below its window", net("@Network(input = {12, 8, 8})",
                    permute, "@WindowAttention(heads = 3, window = 4, shift = 4) Layer attn;"),
                    "[netcost:out-of-range] attn on input (8, 8, 12): shift = 4 must be below window = 4 on each"
                        + " axis, but 4 is not below 4; Swin shifts every other block by half the window",
                    "shift = 4", "4"),
            new Case("window attention window of three axes", net("@Network(input = {12, 8, 8})",
                    permute, "@WindowAttention(heads = 3, window = {4, 4, 4}) Layer attn;"),
                    "[netcost:value-count] attn on input (8, 8, 12): window = {4, 4, 4} has 3 values but"
                        + " @WindowAttention works on the two spatial axes of a map (H, W, C); give one value, or 2",
                    "{4, 4, 4}", "{4, 4, 4}"),
            new Case("window attention on a feature map with its channels first", net("@Network(input = {12, 8, 6})",
                    "@WindowAttention(heads = 3, window = 4) Layer attn;"),
                    "[netcost:input-shape] attn on input (12, 8, 6): @WindowAttention works on a channels-last map"
                        + " (H, W, C), but its input is the feature map (12, 8, 6), channels first; put @ChannelsLast"
                        + " before it, which makes (8, 6, 12) of it", "@WindowAttention", "@WindowAttention"),
            new Case("window attention on tokens", net("@Network(input = {12, 8, 6})", "@ToTokens Layer tokens;",
                    "@WindowAttention(heads = 3, window = 4) Layer attn;"),
                    "[netcost:input-shape] attn on input (48, 12): @WindowAttention works on a channels-last map"
                        + " (H, W, C), but its input (48, 12) is tokens (T, E), without a height and width; put it"
                        + " before the @ToTokens", "@WindowAttention", "@WindowAttention"),
            new Case("patch merging on a vector", net("@Network(input = {12})", "@PatchMerging Layer merge;"),
                    "[netcost:input-shape] merge on input (12): @PatchMerging works on a channels-last map (H, W, C)"
                        + " of two spatial axes, but its input is (12); give it a 2-d map (C, H, W) made"
                        + " channels-last by @ChannelsLast", "@PatchMerging", "@PatchMerging"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMistakeIsOneErrorOnTheValueAtFault(Case c) {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=none"),
                c.sources().toArray(NetworkSource[]::new));
        NetworkSource file = c.sources().get(c.sources().size() - 1);
        NetworkSource.Position at = file.at(c.context(), c.target());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(c.message()).inFile(file.file()).onLine(at.line())
                .atColumn(at.column());
    }

    @Test
    void theCatalogueIsLargeAndDistinct() {
        List<Case> cases = cases();
        assertThat(cases.size()).isAtLeast(40);
        assertThat(cases.stream().map(Case::name).distinct().count()).isEqualTo((long) cases.size());
    }

    /**
     * Every error netcost can report has a case, except a bug in netcost (RobustnessTest injects
     * one) and what javac could not resolve, which always stands beside javac's own error
     * (ProcessingRoundsTest).
     */
    @Test
    void everyKindOfErrorHasACase() {
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.id()));
        Set<String> kinds = new TreeSet<>();
        Arrays.stream(ProblemKind.values()).filter(k -> k != ProblemKind.INTERNAL && k != ProblemKind.UNRESOLVED)
                .forEach(k -> kinds.add(k.id()));
        assertThat(covered).containsExactlyElementsIn(kinds);
    }

    /** The README's error table lists exactly the ids of the errors and of the option warnings, not the lints. */
    @Test
    void theReadmeListsEveryError() throws IOException {
        Set<String> kinds = new TreeSet<>();
        Stream.of(ProblemKind.values()).forEach(k -> kinds.add(k.id()));
        Stream.of(OptionWarning.values()).forEach(w -> kinds.add(w.id())); // warnings about -A options
        assertThat(readmeTableIds("## Errors you can meet")).containsExactlyElementsIn(kinds);
    }

    /** The README's table of lints lists exactly the lints netcost has. */
    @Test
    void theReadmeListsEveryLint() throws IOException {
        Set<String> lints = new TreeSet<>();
        Stream.of(Lint.values()).forEach(l -> lints.add(l.id()));
        assertThat(readmeTableIds("## Lints")).containsExactlyElementsIn(lints);
    }

    /** The ids in the first column of the table under {@code heading} in the README. */
    private static Set<String> readmeTableIds(String heading) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf(heading));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([a-z-]+)`", Pattern.MULTILINE).matcher(section);
        while (row.find()) {
            listed.add(row.group(1));
        }
        return listed;
    }
}
