package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;
import static dev.netcost.processor.NetworkSource.customOp;
import static dev.netcost.processor.NetworkSource.network;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mistakes an op users declare can show, each located as netcost's own are: a mistake in the
 * declaration on the declaration's value at fault, once; a check that fails at a use on the value
 * of the attribute the declaration names, at the use, with the declaration's own message after the
 * layer and its input.
 */
class UserOpDiagnosticsTest {
    private static final String FIGURES = "params = \"0\", buffers = \"0\", macs = \"0\", flops = \"numel\"";

    /** A well-declared op of one attribute, with a check on it and one on the input. */
    private static final NetworkSource SCALE = customOp("layouts = CustomOp.Layout.FEATURES, shape ="
            + " {\"C / factor\", \"H\", \"W\"}, " + FIGURES + ",\n        checks = {@CustomOp.Check(require = \"factor >= 1\", attribute ="
            + " \"factor\", message = \"factor must be at least 1\"),\n                @CustomOp.Check(require = \"C %"
            + " factor == 0\", attribute = \"factor\", message = \"factor must divide the channels\")}",
            "int factor() default 1;");

    private static Compilation compile(NetworkSource... sources) {
        return compileWith(List.of("-Anetcost.reports=none"), sources);
    }

    /** Exactly one error, this message, in {@code file}, where {@code target} stands inside {@code context}. */
    private static void onlyError(Compilation compilation, NetworkSource file, String message, String context,
            String target) {
        Compilations.assertOnlyError(compilation, file, message, file.at(context, target));
    }

    // The declaration's mistakes, found where it is declared, whether a network uses it or not.

    @Test
    void aFigureLeftUnstatedIsJavacsErrorOnTheDeclaration() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"0\", buffers = \"0\","
                + " macs = \"0\"", "");
        Compilation compilation = compile(op);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("flops").inFile(op.file()).onLine(op.at("@CustomOp").line());
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFigureThatDoesNotParseIsOnItsValue() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"0\", buffers = \"0\","
                + " macs = \"0\", flops = \"2 *\"", "");
        onlyError(compile(op), op, "[netcost:expression] Op: flops = \"2 *\": the expression ends too early at column 4"
                + " of \"2 *\"", "flops = \"2 *\"", "\"2 *\"");
    }

    @Test
    void aFigureOfTheWrongTypeIsOnItsValue() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"0\", buffers = \"0\","
                + " macs = \"C > 1\", flops = \"0\"", "");
        onlyError(compile(op), op, "[netcost:expression] Op: macs = \"C > 1\": gives a boolean where an int is needed",
                "\"C > 1\"", "\"C > 1\"");
    }

    @Test
    void aNameNotInScopeIsOnTheOneDimensionThatReadsIt() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.TOKENS, shape = {\"T\", \"E * k\", \"H\"}, " + FIGURES,
                "int k();");
        onlyError(compile(op), op, "[netcost:expression] Op: shape[2] = \"H\": unknown name `H`; in scope: k, T, E, rank,"
                + " numel, in", "\"H\"}", "\"H\"");
    }

    @Test
    void theOutputIsNotInScopeOfTheShape() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {\"outDim(0)\"}, " + FIGURES, "");
        onlyError(compile(op), op, "[netcost:expression] Op: shape[0] = \"outDim(0)\": unknown function `outDim` at"
                + " column 1 of \"outDim(0)\"; there are max, min and divisible, and the lists dim, read by index as"
                + " dim(0)", "\"outDim(0)\"", "\"outDim(0)\"");
    }

    @Test
    void anAttributeOfAnotherTypeIsOnTheElement() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, " + FIGURES, "String mode();");
        onlyError(compile(op), op, "[netcost:op-declaration] mode: an attribute of an op you declare is an int, an"
                + " int[] or a boolean, not java.lang.String", "String mode()", "mode");
    }

    @Test
    void anAttributeNamedAsADimensionIsOnTheElement() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, " + FIGURES, "int C();");
        onlyError(compile(op), op, "[netcost:op-declaration] C: an op's attribute may not be named `C`: its"
                + " expressions use that name for a dimension of the input; rename the attribute", "int C()", "C");
    }

    @Test
    void aCheckOnAnAttributeTheOpLacksIsOnItsName() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, " + FIGURES + ", checks ="
                + " @CustomOp.Check(require = \"k > 0\", message = \"k > 0\", attribute = \"kk\")", "int k();");
        onlyError(compile(op), op, "[netcost:op-declaration] Op: attribute = \"kk\" names no attribute of @Op; it has k",
                "\"kk\"", "\"kk\"");
    }

    @Test
    void aCheckThatIsNoConditionIsOnItsRequire() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, " + FIGURES + ", checks ="
                + " @CustomOp.Check(require = \"k + 1\", message = \"k\")", "int k();");
        onlyError(compile(op), op, "[netcost:expression] Op: require = \"k + 1\": gives an int where a boolean is"
                + " needed", "\"k + 1\"", "\"k + 1\"");
    }

    @Test
    void noLayoutIsAnError() {
        NetworkSource op = customOp("layouts = {}, shape = {}, " + FIGURES, "");
        onlyError(compile(op), op, "[netcost:op-declaration] Op: layouts = {} takes no input; list the layouts the op"
                + " takes, such as layouts = CustomOp.Layout.FEATURES", "layouts = {}", "{}");
    }

    @Test
    void aShapeOfFiveDimensionsIsAnError() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {\"1\", \"1\", \"1\", \"1\", \"1\"}, "
                + FIGURES, "");
        onlyError(compile(op), op, "[netcost:op-declaration] Op: shape gives 5 dimensions, and netcost takes 1 to 4;"
                + " give one expression per dimension, or shape = {} for the input's shape",
                "{\"1\", \"1\", \"1\", \"1\", \"1\"}", "{");
    }

    /**
     * A name that is not plain would break what prints it: a tab splits a row of the companion's
     * layer table (which then fails as it loads), a star and slash close its Javadoc, a bar splits a
     * cell of the Markdown report; a digit first or a name of 41 characters is refused by the same
     * rule. The message writes the name as the source does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"My\\tOp", "My\\nOp", "*/ \\\" x", "A|B", "2Op", " Op",
        "Op12345678Op12345678Op12345678Op12345678A"})
    void aNameThatIsNotPlainIsOnItsValue(String written) {
        NetworkSource op = customOp("name = \"" + written + "\", layouts = CustomOp.Layout.FEATURES, shape = {}, "
                + FIGURES, "");
        onlyError(compile(op, network("{8, 4, 4}", "@Op Layer op;")), op, "[netcost:op-declaration] Op: name = \""
                + written + "\" is not a plain op name: a name starts with a letter and holds only ASCII letters,"
                + " digits, `_`, `.` and `-`, at most 40 of them, so that the summary, the companion and the reports"
                + " print it as written; rename the op", "name = \"", "\"");
    }

    /** Letters, digits, {@code _ . -}, 40 of them: the companion prints the name as given. */
    @Test
    void aPlainNameIsTheOpsNameInTheCompanion() {
        String name = "Se-v2.1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assertThat(name).hasLength(40);
        NetworkSource op = customOp("name = \"" + name + "\", layouts = CustomOp.Layout.FEATURES, shape = {}, "
                + FIGURES, "");
        Compilation compilation = compile(op, network("{8, 4, 4}", "@Op Layer op;"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.companion(compilation)).contains(name);
    }

    /** Read as either, it would silently be the op and not the block. */
    @Test
    void anOpThatIsAlsoABlockIsAnError() {
        NetworkSource op = NetworkSource.of("com.example.Op", "package com.example;\n\nimport dev.netcost.*;\n\n"
                + "@Block\n@CustomOp(layouts = CustomOp.Layout.FEATURES, shape = {}, " + FIGURES + ")\n"
                + "public @interface Op {\n    class Layers {\n        @ReLU Layer relu;\n    }\n}\n");
        onlyError(compile(op, network("{8, 4, 4}", "@Op Layer op;")), op, "[netcost:op-declaration] Op: @CustomOp"
                + " declares an op and @Block a block, and an annotation is one or the other; remove one of them",
                "@CustomOp", "@CustomOp");
    }

    /** {@code max(0)} calls the function: a list named so could never be read. */
    @ParameterizedTest
    @ValueSource(strings = {"max", "min", "divisible"})
    void aListNamedAsAFunctionIsOnTheElement(String name) {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"0\", buffers = \"0\","
                + " macs = \"0\", flops = \"" + name + "(0)\"", "int[] " + name + "();");
        onlyError(compile(op), op, "[netcost:op-declaration] " + name + ": an int[] attribute may not be named `"
                + name + "`: its expressions read it by index, as " + name + "(0), which calls the function " + name
                + "; rename the attribute", "int[] " + name + "()", name);
    }

    /** An int attribute named so is read by its name, not called: it is taken. */
    @Test
    void anIntNamedAsAFunctionIsTaken() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"max\", buffers = \"0\","
                + " macs = \"0\", flops = \"0\"", "int max() default 3;");
        Compilation compilation = compile(op, network("{8, 4, 4}", "@Op Layer op;"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.companion(compilation)).contains("public static final long PARAMS = 3L;");
    }

    // An op's output keeps its input's layout: an output of a rank that layout cannot have is refused.

    /**
     * (16, 6) from a channels-last (4, 4, 6) would read as a 1-d map of 16 channels, channels
     * first, and a 1 x 1 convolution after it would mix 16 "channels" that are positions.
     */
    @Test
    void aChannelsLastOpGivingRankTwoIsRefusedOnItsShape() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.CHANNELS_LAST, shape = {\"H * W\", \"C\"}, " + FIGURES,
                "");
        NetworkSource net = network("{6, 4, 4}", "@ChannelsLast Layer perm;", "@Op Layer op;",
                "@Conv(out = 2, kernel = 1) Layer conv;");
        onlyError(compile(op, net), op, "[netcost:op-declaration] Op: shape gives 2 dimensions, but an op's output"
                + " keeps its input's layout, and a map with its channels last has 3 or 4 dimensions (or 1, a vector);"
                + " to give this shape, take layouts = CustomOp.Layout.FEATURES and put @ChannelsFirst before the op",
                "shape = {", "{");
    }

    /** An op that takes two layouts must give an output each can have. */
    @Test
    void anOpOfTwoLayoutsIsRefusedForTheOneItsOutputCannotKeep() {
        NetworkSource op = customOp("layouts = {CustomOp.Layout.FEATURES, CustomOp.Layout.TOKENS}, shape = {\"1\","
                + " \"dim(0)\", \"dim(1)\", \"1\"}, " + FIGURES, "");
        onlyError(compile(op), op, "[netcost:op-declaration] Op: shape gives 4 dimensions, but an op's output keeps"
                + " its input's layout, and tokens have 2 dimensions (T, E), or 3 (S, T, E) as @Unfold gives them (or"
                + " 1, a vector); to give this shape, take layouts = CustomOp.Layout.FEATURES and put @ToMap before"
                + " the op", "shape = {", "{");
    }

    /**
     * Channels last in, channels last out: a linear layer after the op works on the last axis.
     * (6, 4, 4) made channels-last is (4, 4, 6); the op doubles the channels to (4, 4, 12); @Linear(out = 3)
     * on each position has 12 * 3 + 3 = 39 parameters and gives (4, 4, 3).
     */
    @Test
    void aChannelsLastOpKeepsItsLayout() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.CHANNELS_LAST, shape = {\"H\", \"W\", \"2 * C\"}, "
                + FIGURES, "");
        NetworkSource net = network("{6, 4, 4}", "@ChannelsLast Layer perm;", "@Op Layer op;",
                "@Linear(out = 3) Layer fc;");
        Compilation compilation = compile(op, net);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long PARAMS = 39L;");
        assertThat(companion).contains("public static final Shape OUTPUT_SHAPE = Shape.of(4, 4, 3);");
    }

    /**
     * A vector has one axis, its features, whatever the input's layout: (4, 4, 6) channels last
     * pooled to (6), then @Linear(out = 2): 6 * 2 + 2 = 14 parameters, output (2).
     */
    @Test
    void aVectorIsTakenFromAnyLayout() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.CHANNELS_LAST, shape = {\"C\"}, " + FIGURES, "");
        NetworkSource net = network("{6, 4, 4}", "@ChannelsLast Layer perm;", "@Op Layer pool;",
                "@Linear(out = 2) Layer fc;");
        Compilation compilation = compile(op, net);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains("public static final long PARAMS = 14L;");
        assertThat(companion).contains("public static final Shape OUTPUT_SHAPE = Shape.of(2);");
    }

    /** Two networks use a mistaken op: its mistake is said once, on the declaration;  */
    @Test
    void aMistakeInTheDeclarationIsSaidOnceWhateverItsUses() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"0\", buffers = \"0\","
                + " macs = \"0\", flops = \"2 *\"", "");
        NetworkSource other = NetworkSource.example("Other",
                "@Network(input = {8, 4, 4})\nclass Other {\n    @Op Layer op;\n}\n");
        Compilation compilation = compile(op, network("{8, 4, 4}", "@Op Layer op;"), other);
        onlyError(compilation, op, "[netcost:expression] Op: flops = \"2 *\"", "\"2 *\"", "\"2 *\"");
    }

    // A use's mistakes, at the use.

    @Test
    void aFailingCheckIsOnTheAttributeItNamesAtTheUse() {
        NetworkSource net = network("{6, 4, 4}", "@Op(factor = 4) Layer scale;");
        onlyError(compile(SCALE, net), net, "[netcost:op-check] scale on input (6, 4, 4): factor must divide the"
                + " channels (@Op requires C % factor == 0)", "factor = 4", "4");
    }

    /** A check of attributes only is found without the input, and still says which input came in. */
    @Test
    void aCheckOfAttributesOnlyIsFoundToo() {
        NetworkSource net = network("{6, 4, 4}", "@Op(factor = 0) Layer scale;");
        onlyError(compile(SCALE, net), net, "[netcost:op-check] scale on input (6, 4, 4): factor must be at least 1"
                + " (@Op requires factor >= 1)", "factor = 0", "0");
    }

    /** Inside a block, on the argument of the block's use that the attribute's value came from. */
    @Test
    void aFailingCheckInABlockIsOnTheArgumentAtTheNetwork() {
        NetworkSource block = NetworkSource.of("com.example.B", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface B {
                    int f();

                    class Layers {
                        @Op @With(args = "factor = f") Layer scale;
                        @ReLU Layer relu;
                    }
                }
                """);
        NetworkSource net = network("{6, 4, 4}", "@B(f = 4) Layer b;");
        onlyError(compile(SCALE, block, net), net, "[netcost:op-check] b.scale on input (6, 4, 4): factor must divide"
                + " the channels (@Op requires C % factor == 0)", "f = 4", "4");
    }

    @Test
    void aLayoutTheOpDoesNotTakeIsOnTheAnnotation() {
        NetworkSource net = network("{6, 4, 4}", "@ToTokens Layer tokens;", "@Op Layer scale;");
        onlyError(compile(SCALE, net), net, "[netcost:input-shape] scale on input (16, 6): @Op takes a feature map,"
                + " channels first, but its input (16, 6) is tokens (T, E)", "@Op", "@Op");
    }

    @Test
    void aDimensionTheInputLacksIsOnTheAnnotation() {
        NetworkSource net = network("{6, 16}", "@Op Layer scale;");
        onlyError(compile(SCALE, net), net, "[netcost:input-shape] scale on input (6, 16): @Op reads `H`, but its"
                + " input (6, 16) has no such dimension; its dimensions are C, L", "@Op", "@Op");
    }

    @Test
    void aFigureThatCannotBeComputedForThisInputIsAnError() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"0\", buffers = \"0\","
                + " macs = \"0\", flops = \"numel / (C - 8)\"", "");
        NetworkSource net = network("{8, 4, 4}", "@Op Layer op;");
        onlyError(compile(op, net), net, "[netcost:evaluation] op on input (8, 4, 4): flops = \"numel / (C - 8)\""
                + " fails with numel = 128, C = 8: division by zero", "@Op", "@Op");
    }

    @Test
    void anIndexOutsideTheInputIsAnError() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {\"dim(3)\"}, " + FIGURES, "");
        NetworkSource net = network("{8, 4, 4}", "@Op Layer op;");
        onlyError(compile(op, net), net, "[netcost:evaluation] op on input (8, 4, 4): shape[0] = \"dim(3)\" fails"
                + " with : dim(3) is outside its 3 values", "@Op", "@Op");
    }

    @Test
    void aDimensionBelowOneIsAnError() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {\"C - 8\"}, " + FIGURES, "");
        NetworkSource net = network("{8, 4, 4}", "@Op Layer op;");
        onlyError(compile(op, net), net, "[netcost:out-of-range] op on input (8, 4, 4): @Op: shape[0] = \"C - 8\""
                + " gives 0; every dimension of the output must be at least 1", "@Op", "@Op");
    }

    @Test
    void aNegativeFigureIsAnError() {
        NetworkSource op = customOp("layouts = CustomOp.Layout.FEATURES, shape = {}, params = \"C - 9\", buffers = \"0\","
                + " macs = \"0\", flops = \"0\"", "");
        NetworkSource net = network("{8, 4, 4}", "@Op Layer op;");
        onlyError(compile(op, net), net, "[netcost:out-of-range] op on input (8, 4, 4): @Op: params = \"C - 9\" gives"
                + " -1; a figure is never negative", "@Op", "@Op");
    }

    @Test
    void withNamesOnlyTheOpsAttributes() {
        NetworkSource block = NetworkSource.of("com.example.B", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface B {
                    class Layers {
                        @Op @With(args = "factr = 2") Layer scale;
                    }
                }
                """);
        NetworkSource net = network("{6, 4, 4}", "@B Layer b;");
        onlyError(compile(SCALE, block, net), block, "[netcost:unknown-attribute] scale: @Op has no attribute `factr`;"
                + " it has factor", "\"factr = 2\"", "\"factr = 2\"");
    }

    @Test
    void anOpIsNoBlockToRepeat() {
        NetworkSource net = network("{6, 4, 4}", "@Op @Repeat(2) Layer scale;");
        onlyError(compile(SCALE, net), net, "[netcost:misplaced] scale: @Repeat repeats a block, not a layer such as"
                + " @Op; declare a @Block, or give each layer a field of its own", "@Repeat(2)", "2");
    }

    /** On a class, which a top-level one's owner (its package, maybe the unnamed one) cannot name. */
    @Test
    void anOpOnAClassNamesTheClass() {
        NetworkSource loose = NetworkSource.of("Loose", "import com.example.Op;\n\n@Op\nclass Loose {}\n");
        onlyError(compile(SCALE, loose), loose, "[netcost:not-in-network] Loose: @Op declares a layer, but Loose is a"
                + " class, not a field; declare the layer as a field `Layer name;` of a class annotated with"
                + " @Network(input = {...}), or of the nested class Layers of a @Block", "@Op", "@Op");
    }

    /** On the op's own declaration. */
    @Test
    void anOpOnItsOwnDeclarationNamesIt() {
        NetworkSource op = NetworkSource.of("com.example.Op", "package com.example;\n\nimport dev.netcost.CustomOp;\n\n"
                + "@Op\n@CustomOp(layouts = CustomOp.Layout.FEATURES, shape = {}, " + FIGURES + ")\n"
                + "public @interface Op {}\n");
        onlyError(compile(op), op, "[netcost:not-in-network] Op: @Op declares a layer, but Op is an annotation type,"
                + " not a field; declare the layer as a field `Layer name;` of a class annotated with"
                + " @Network(input = {...}), or of the nested class Layers of a @Block", "@Op\n", "@Op");
    }

    @Test
    void anOpOnAParameterNamesTheMethodAndItsClass() {
        NetworkSource loose = NetworkSource.example("Loose", "class Loose {\n    void m(@Op int p) {}\n}\n");
        onlyError(compile(SCALE, loose), loose, "[netcost:not-in-network] p: @Op declares a layer, but p is a parameter"
                + " of Loose.m, not a field; declare the layer as a field `Layer name;` of a class annotated with"
                + " @Network(input = {...}), or of the nested class Layers of a @Block", "@Op", "@Op");
    }

    /** A record's component gives its annotation to a field, an accessor and a parameter: said once. */
    @Test
    void anOpOnARecordComponentIsSaidOnce() {
        NetworkSource loose = NetworkSource.example("Loose", "record Loose(@Op int p) {}\n");
        onlyError(compile(SCALE, loose), loose, "[netcost:not-in-network] p: @Op declares a layer, but Loose is not a"
                + " network", "@Op", "@Op");
    }

    @Test
    void anOpOutsideANetworkIsSaidToBeSo() {
        NetworkSource loose = NetworkSource.example("Loose", "class Loose {\n    @Op Layer op;\n}\n");
        onlyError(compile(SCALE, loose), loose, "[netcost:not-in-network] op: @Op declares a layer, but Loose is not a"
                + " network", "@Op", "@Op");
    }
}
