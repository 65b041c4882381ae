package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Errors of branches, merges and the ops the graphs brought, in a network's own fields: the
 * whole message, and the file, line and column the IDE underlines.
 */
class GraphDiagnosticsTest {
    private static NetworkSource network(String... fields) {
        return NetworkSource.network("{64, 8, 8}", fields);
    }

    @Test
    void addOfTwoShapesNamesBothAndWhereTheyCameFrom() {
        NetworkSource src = network(
                "@Conv(out = 128, kernel = 3, padding = 1) Layer conv;",
                "@Add({\"conv\", \"input\"}) Layer add;");
        assertOnlyError(compile(src), src, "[netcost:merge] add: @Add needs shapes that broadcast (of one rank,"
                + " each pair of dimensions equal or one of them 1), but conv gives (128, 8, 8) and input gives"
                + " (64, 8, 8); on a residual path whose channels or size change, give the shortcut a 1 x 1"
                + " convolution with the same stride", src.at("{\"conv\", \"input\"}"));
    }

    @Test
    void concatOfDifferentSizes() {
        NetworkSource src = network(
                "@Conv(out = 32, kernel = 1) Layer a;",
                "@Conv(out = 64, kernel = 3, stride = 2, padding = 1) @From(\"input\") Layer b;",
                "@Concat({\"a\", \"b\"}) Layer cat;");
        assertOnlyError(compile(src), src, "[netcost:merge] cat: @Concat joins on the channels (the first dimension)"
                + " and needs every other dimension equal, but a gives (32, 8, 8) and b gives (64, 4, 4); give the"
                + " branches the same stride and padding", src.at("{\"a\", \"b\"}"));
    }

    @Test
    void mulOfShapesThatDoNotBroadcast() {
        NetworkSource src = network(
                "@GlobalAvgPool Layer squeeze;",
                "@Conv(out = 16, kernel = 1) Layer gate;",
                "@Mul({\"gate\", \"input\"}) Layer scale;");
        assertOnlyError(compile(src), src, "[netcost:merge] scale: @Mul needs shapes that broadcast (of one rank,"
                + " each pair of dimensions equal or one of them 1), but gate gives (16, 1, 1) and input gives"
                + " (64, 8, 8); squeeze-and-excitation multiplies (C, 1, 1) by (C, H, W)",
                src.at("{\"gate\", \"input\"}"));
    }

    /**
     * Shapes leave the batch out: (6) times (6, 4, 4) is (N, 6) times (N, 6, 4, 4) in PyTorch, which
     * lines the 6 up with the last 4 and N with the other: refused at batch 2, wrong at others. One rank.
     */
    @Test
    void aVectorTimesAMapIsRefusedForItsRank() {
        NetworkSource src = NetworkSource.network("{6, 4, 4}, batch = 2", "@GlobalAvgPool Layer pool;",
                "@Flatten Layer flat;", "@Linear(out = 6) Layer l;", "@Mul({\"input\", \"l\"}) Layer scale;");
        assertOnlyError(compile(src), src, "[netcost:merge] scale: @Mul broadcasts tensors of one rank only, but input"
                + " gives (6, 4, 4) and l gives (6); netcost's shapes leave out the batch, which PyTorch puts in front,"
                + " so a tensor of fewer dimensions would line up with the wrong axes; give it the others' rank, as a"
                + " (C, 1, 1) from @AdaptiveAvgPool(output = 1) or @GlobalAvgPool has beside a (C, H, W)",
                src.at("{\"input\", \"l\"}"));
    }

    /** Tokens (16, 6) plus a vector (6): (N, 16, 6) plus (N, 6) in PyTorch, N beside the 16 tokens. */
    @Test
    void tokensPlusAVectorIsRefusedForItsRank() {
        NetworkSource src = NetworkSource.network("{6, 4, 4}", "@ToTokens Layer t;",
                "@GlobalAvgPool @From(\"input\") Layer pool;", "@Flatten Layer f;", "@Add({\"t\", \"f\"}) Layer add;");
        assertOnlyError(compile(src), src, "[netcost:merge] add: @Add broadcasts tensors of one rank only, but t gives"
                + " (16, 6) and f gives (6);", src.at("{\"t\", \"f\"}"));
    }

    /**
     * MobileViT's (P, N, E) = (4, 16, 6) from @Unfold(patch = 2) on (6, 8, 8), plus tokens (16, 6)
     * from a 2 x 2 strided convolution (6, 4, 4) as tokens: (N, 4, 16, 6) plus (N, 16, 6) in PyTorch,
     * the batch beside the 4 sequences. Refused.
     */
    @Test
    void unfoldedSequencesPlusTokensAreRefusedForTheirRank() {
        NetworkSource src = NetworkSource.network("{6, 8, 8}", "@Unfold(patch = 2) Layer u;",
                "@Conv(out = 6, kernel = 2, stride = 2) @From(\"input\") Layer c;", "@ToTokens Layer t;",
                "@Add({\"u\", \"t\"}) Layer add;");
        assertOnlyError(compile(src), src, "[netcost:merge] add: @Add broadcasts tensors of one rank only, but u gives"
                + " (4, 16, 6) and t gives (16, 6);", src.at("{\"u\", \"t\"}"));
    }

    @Test
    void aNameBelowTheLayerAndAnUnknownName() {
        NetworkSource src = network(
                "@Conv(out = 32, kernel = 1) @From(\"later\") Layer a;",
                "@Conv(out = 32, kernel = 1) @From(\"nothing\") Layer b;",
                "@ReLU Layer later;");
        Compilation compilation = compile(src);
        assertError(compilation, src, "[netcost:unknown-input] a: `later` is declared below a, and a layer reads"
                + " only fields above it; it can read input", src.at("@From(\"later\")", "\"later\""));
        assertError(compilation, src, "[netcost:unknown-input] b: `nothing` is no field of Net; it can read a, input",
                src.at("@From(\"nothing\")", "\"nothing\""));
    }

    @Test
    void aMergeOfOneTensor() {
        NetworkSource src = network("@ReLU Layer relu;", "@Add({\"relu\"}) Layer one;");
        assertOnlyError(compile(src), src, "[netcost:merge-inputs] one: a merge joins at least two tensors, but it"
                + " names 1; list them, as {\"bn3\", \"input\"}", src.at("{\"relu\"}"));
    }

    @Test
    void fromOnAMerge() {
        NetworkSource src = network("@ReLU Layer relu;", "@Add({\"relu\", \"input\"}) @From(\"relu\") Layer add;");
        assertOnlyError(compile(src), src, "[netcost:merge-inputs] add: @Add names its inputs itself; remove @From"
                + " and list the inputs in @Add({...})", src.at("@From(\"relu\")", "\"relu\""));
    }

    @Test
    void aFieldNamedInput() {
        NetworkSource src = network("@ReLU Layer input;");
        assertOnlyError(compile(src), src, "[netcost:reserved-name] a field may not be named `input`: @From(\"input\")"
                + " and merges use that name for the input of the network or block; rename the field", src.at("@ReLU"));
    }

    @Test
    void channelsThatDoNotSplit() {
        NetworkSource src = network("@ChannelSplit(parts = 3) Layer split;");
        assertOnlyError(compile(src), src, "[netcost:channels] split on input (64, 8, 8): the 64 channels do not split"
                + " into 3 equal parts", src.at("parts = 3", "3"));
    }

    @Test
    void aSplitIndexOutOfRange() {
        NetworkSource src = network("@ChannelSplit(index = 2) Layer split;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] split on input (64, 8, 8): index = 2 must be from 0 to 1, one of the 2"
                + " parts", src.at("index = 2", "2"));
    }

    @Test
    void aShuffleOfChannelsThatDoNotDivide() {
        NetworkSource src = network("@ChannelShuffle(groups = 5) Layer shuffle;");
        assertOnlyError(compile(src), src, "[netcost:channels] shuffle on input (64, 8, 8): groups = 5 does not divide"
                + " the 64 channels", src.at("groups = 5", "5"));
    }

    @Test
    void withAloneOnAField() {
        NetworkSource src = network("@ReLU Layer relu;", "@With(out = \"4\") Layer a;");
        assertOnlyError(compile(src), src, "[netcost:misplaced] a: @With modifies a layer or block annotation on the"
                + " same field, and this field has none; add one, such as @Conv(...)", src.at("@With"));
    }

    @Test
    void repeatOnALayer() {
        NetworkSource src = network("@ReLU @Repeat(2) Layer relu;");
        assertOnlyError(compile(src), src, "[netcost:misplaced] relu: @Repeat repeats a block, not a layer such as"
                + " @ReLU; declare a @Block, or give each layer a field of its own", src.at("@Repeat(2)", "2"));
    }

    @Test
    void anAttributeOnTheAnnotationAndInWith() {
        NetworkSource src = network("@Conv(out = 3, kernel = 1) @With(out = \"in\") Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:given-twice] conv: out is given on @Conv and by @With; keep one",
                src.at("@With(out = \"in\")", "\"in\""));
    }

    @Test
    void withNamesAnAttributeTheLayerDoesNotHave() {
        NetworkSource src = network("@GlobalAvgPool Layer pool;", "@Flatten Layer flat;",
                "@Linear @With(out = \"4\", groups = \"2\") Layer fc;");
        assertOnlyError(compile(src), src, "[netcost:unknown-attribute] fc: @Linear has no attribute `groups`; it has"
                + " out, bias", src.at("groups = \"2\"", "\"2\""));
    }

    @Test
    void anExpressionThatDoesNotParse() {
        NetworkSource src = network("@Conv(kernel = 1) @With(out = \"in * \") Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:expression] conv: out = \"in * \": the expression ends too early"
                + " at column 6 of \"in * \"", src.at("\"in * \""));
    }

    /** An {@code @If} that fails for the values it sees is named as written, as its other errors are. */
    @Test
    void aConditionThatDividesByZero() {
        NetworkSource src = network("@ReLU @If(\"1 / (in - 64) > 0\") Layer relu;");
        Compilation compilation = compile(src);
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, src, "[netcost:evaluation] relu on input (64, 8, 8): @If = \"1 / (in - 64) > 0\""
                + " fails with in = 64: ", src.at("\"1 / (in - 64) > 0\""));
    }

    @Test
    void anExpressionWithAnUnknownNameOrTheWrongType() {
        NetworkSource src = network(
                "@Conv(kernel = 1) @With(out = \"width\") Layer unknown;",
                "@Conv(kernel = 1) @With(out = \"in > 2\") Layer type;",
                "@ReLU @If(\"in\") Layer cond;",
                "@Conv(kernel = 1) @With(out = \"max(in)\") Layer arity;");
        Compilation compilation = compile(src);
        assertError(compilation, src, "[netcost:expression] unknown: out = \"width\": unknown name `width`; in scope:"
                + " in", src.at("\"width\""));
        assertError(compilation, src, "[netcost:expression] type: out = \"in > 2\": gives a boolean where an int is"
                + " needed", src.at("\"in > 2\""));
        assertError(compilation, src, "[netcost:expression] cond: @If = \"in\": gives an int where a boolean is needed",
                src.at("@If(\"in\")", "\"in\""));
        assertError(compilation, src, "[netcost:expression] arity: out = \"max(in)\": `max` takes 2 arguments, not 1",
                src.at("\"max(in)\""));
    }

    @Test
    void aListForAnAttributeOfOneValue() {
        NetworkSource src = network("@Conv(kernel = 1) @With(out = \"8, 8\") Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:expression] conv: out = \"8, 8\": a list of 2 values is for a"
                + " per-dimension attribute (kernel, stride, padding, dilation, outputPadding, output, size, patch); give"
                + " one value here", src.at("\"8, 8\""));
    }

    @Test
    void anExpressionThatDividesByZero() {
        NetworkSource src = network("@Conv(kernel = 1) @With(out = \"in / (in - 64)\") Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:evaluation] conv on input (64, 8, 8): out = \"in / (in - 64)\""
                + " fails with in = 64: division by zero", src.at("\"in / (in - 64)\""));
    }

    @Test
    void aMissingKernelIsReportedOnTheAnnotation() {
        NetworkSource src = network("@MaxPool(stride = 2) Layer pool;");
        assertOnlyError(compile(src), src, "[netcost:missing] pool: @MaxPool needs kernel; write it, as"
                + " @MaxPool(kernel = ...), or give it in a block by @With(kernel = \"...\")", src.at("@MaxPool"));
    }
}
