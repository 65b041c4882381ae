package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Every lint: it fires as a warning on the value at fault (file, line, column, whole message),
 * stays quiet on a network without the fault, and is silenced by {@code @SuppressWarnings} on
 * the field or the class.
 */
class LintDiagnosticsTest {
    private static NetworkSource network(String annotations, String input, String... fields) {
        return NetworkSource.example("Net", annotations
                + "@Network(input = " + input + ")\nclass Net {\n" + String.join("\n", fields).indent(4) + "}\n");
    }

    private static void assertWarning(Compilation compilation, NetworkSource source, String message,
            NetworkSource.Position at) {
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining(message).inFile(source.file()).onLine(at.line())
                .atColumn(at.column());
    }

    private static void assertQuiet(NetworkSource source) {
        assertThat(compile(source)).succeededWithoutWarnings();
    }

    // bias-before-norm

    private static final String[] BIAS_THEN_NORM = {"@Conv(out = 16, kernel = 3) Layer conv;", "@BatchNorm Layer bn;"};

    @Test
    void biasBeforeNormFires() {
        NetworkSource src = network("", "{3, 8, 8}", BIAS_THEN_NORM);
        assertWarning(compile(src), src, "[netcost:bias-before-norm] conv: the bias is wasted: bn right after it"
                + " subtracts each channel's mean, bias included (16 parameters); set bias = false", src.at("@Conv"));
    }

    @Test
    void biasBeforeNormPointsAtAWrittenBias() {
        NetworkSource src = network("", "{3, 8, 8}", "@Conv(out = 16, kernel = 3, bias = true) Layer conv;",
                "@BatchNorm Layer bn;");
        assertWarning(compile(src), src, "[netcost:bias-before-norm] conv:", src.at("bias = true", "true"));
    }

    @Test
    void biasBeforeNormIsQuietWithoutBiasOrWithoutNorm() {
        assertQuiet(network("", "{3, 8, 8}", "@Conv(out = 16, kernel = 3, bias = false) Layer conv;",
                "@BatchNorm Layer bn;"));
        assertQuiet(network("", "{3, 8, 8}", "@Conv(out = 16, kernel = 3) Layer conv;", "@ReLU Layer relu;"));
    }

    @Test
    void biasBeforeNormIsSuppressed() {
        assertQuiet(network("", "{3, 8, 8}", "@SuppressWarnings(\"netcost:bias-before-norm\")", BIAS_THEN_NORM[0],
                BIAS_THEN_NORM[1]));
        assertQuiet(network("@SuppressWarnings(\"netcost:bias-before-norm\")\n", "{3, 8, 8}", BIAS_THEN_NORM));
    }

    // unread-input

    private static final String STRIDED = "@Conv(out = 4, kernel = 3, stride = 2, bias = false) Layer conv;";

    /** Seed 003's strided example: 128 to 63 leaves the last row and column. */
    @Test
    void unreadInputFires() {
        NetworkSource src = network("", "{1, 128, 128}", STRIDED);
        assertWarning(compile(src), src, "[netcost:unread-input] conv on input (1, 128, 128): the last 1 of the 128"
                + " input cells along the height (kernel 3, stride 2, padding 0), and the last 1 of the 128 input"
                + " cells along the width (kernel 3, stride 2, padding 0) are never read: the output size rounds"
                + " down; pad the input, or change the stride", src.at("stride = 2", "2"));
    }

    @Test
    void unreadInputIsQuietWhenEveryRowIsRead() {
        assertQuiet(network("", "{1, 129, 129}", STRIDED));
        assertQuiet(network("", "{1, 8, 8}", "@MaxPool(kernel = 3, stride = 2, ceilMode = true) Layer pool;"));
    }

    @Test
    void unreadInputIsSuppressed() {
        assertQuiet(network("", "{1, 128, 128}", "@SuppressWarnings(\"netcost:unread-input\")", STRIDED));
        assertQuiet(network("@SuppressWarnings({\"unchecked\", \"netcost:unread-input\"})\n", "{1, 128, 128}",
                STRIDED));
    }

    // padding-only

    private static final String OVERPADDED = "@Conv(out = 4, kernel = 1, padding = 1, bias = false) Layer conv;";

    @Test
    void paddingOnlyFires() {
        NetworkSource src = network("", "{3, 8, 8}", OVERPADDED);
        assertWarning(compile(src), src, "[netcost:padding-only] conv on input (3, 8, 8): 2 of the 10 output"
                + " positions along the height (kernel 1, dilation 1, padding 1), and 2 of the 10 output positions"
                + " along the width (kernel 1, dilation 1, padding 1) read only padding: the convolution window"
                + " never reaches the input from there; lower the padding", src.at("padding = 1", "1"));
    }

    @Test
    void paddingOnlyIsQuietWithSamePadding() {
        assertQuiet(network("", "{3, 8, 8}", "@Conv(out = 4, kernel = 3, padding = 1, bias = false) Layer conv;"));
    }

    @Test
    void paddingOnlyIsSuppressed() {
        assertQuiet(network("", "{3, 8, 8}", "@SuppressWarnings(\"netcost:padding-only\")", OVERPADDED));
        assertQuiet(network("@SuppressWarnings(\"netcost:padding-only\")\n", "{3, 8, 8}", OVERPADDED));
    }

    // dead-branch

    private static final String[] DEAD = {
        "@Conv(out = 8, kernel = 1, bias = false) Layer side;",
        "@ReLU @From(\"input\") Layer main;",
        "@ReLU Layer out;"
    };

    @Test
    void deadBranchFires() {
        NetworkSource src = network("", "{8, 4, 4}", DEAD);
        assertWarning(compile(src), src, "[netcost:dead-branch] side: nothing reads this field's output: main reads"
                + " another tensor, and no merge or @From in Net names side; remove it, or name it where it is"
                + " needed", src.at("@Conv"));
    }

    @Test
    void deadBranchIsQuietWhenAMergeReadsIt() {
        assertQuiet(network("", "{8, 4, 4}", DEAD[0], DEAD[1], "@Add({\"side\", \"main\"}) Layer out;"));
    }

    @Test
    void deadBranchIsSuppressed() {
        assertQuiet(network("", "{8, 4, 4}", "@SuppressWarnings(\"netcost:dead-branch\")", DEAD[0], DEAD[1], DEAD[2]));
        assertQuiet(network("@SuppressWarnings(\"netcost:dead-branch\")\n", "{8, 4, 4}", DEAD));
    }

    /**
     * A field read only by training-only fields runs at inference for nothing, and is counted
     * there: a dead branch at inference, said so.
     */
    @Test
    void deadBranchFiresWhenOnlyTrainingOnlyFieldsReadIt() {
        NetworkSource src = network("", "{8, 4, 4}", "@Conv(out = 8, kernel = 1, bias = false) Layer feat;",
                "@ReLU @TrainingOnly Layer aux;", "@ReLU @From(\"input\") Layer out;");
        assertWarning(compile(src), src, "[netcost:dead-branch] feat: only fields that run in training alone"
                + " (@TrainingOnly) read this field's output, first aux, so at inference nothing in Net reads it, yet"
                + " it runs and is counted there; mark feat @TrainingOnly as well, or name it where inference needs"
                + " it", src.at("@Conv"));
    }

    /** Marked training-only as well, the field is quiet, as is one that inference reads too. */
    @Test
    void deadBranchIsQuietWhenInferenceReadsItOrItIsTrainingOnly() {
        assertQuiet(network("", "{8, 4, 4}", "@Conv(out = 8, kernel = 1, bias = false) @TrainingOnly Layer feat;",
                "@ReLU @TrainingOnly Layer aux;", "@ReLU @From(\"input\") Layer out;"));
        assertQuiet(network("", "{8, 4, 4}", "@Conv(out = 8, kernel = 1, bias = false) Layer feat;",
                "@ReLU @TrainingOnly Layer aux;", "@ReLU @From(\"feat\") Layer out;"));
    }

    /** Marked outputs are read by the network's caller: two heads, neither read by a field, are quiet. */
    @Test
    void deadBranchIsQuietOnOutputs() {
        assertQuiet(network("", "{8, 4, 4}", "@Conv(out = 8, kernel = 1, bias = false) @Output Layer side;",
                "@ReLU @From(\"input\") @Output Layer main;"));
    }

    /**
     * Once a network names its outputs, its last field is one only if marked: unmarked and unread,
     * it is dead too, and the warning says what would make it an output.
     */
    @Test
    void deadBranchFiresOnAnUnmarkedLastFieldWhenOutputsAreNamed() {
        NetworkSource src = network("", "{8, 4, 4}", "@Conv(out = 8, kernel = 1, bias = false) @Output Layer side;",
                "@ReLU @From(\"input\") Layer main;");
        assertWarning(compile(src), src, "[netcost:dead-branch] main: nothing reads this field's output, and Net names"
                + " its outputs with @Output, which main is not; mark it @Output, or remove it", src.at("@ReLU"));
    }

    /** An input nothing reads is dead; the field below an input reads it, not the field above the input. */
    @Test
    void deadBranchFiresOnAnUnreadInputAndOnTheFieldAboveAnInput() {
        NetworkSource src = network("", "{8, 4, 4}", "@ReLU Layer relu;", "@Input(shape = 4) Layer extra;",
                "@ReLU @From(\"relu\") Layer out;");
        assertWarning(compile(src), src, "[netcost:dead-branch] extra: nothing reads this field's output: out reads"
                + " another tensor, and no merge or @From in Net names extra; remove it, or name it where it is"
                + " needed", src.at("@Input"));
        NetworkSource above = network("", "{8, 4, 4}", "@ReLU Layer relu;", "@Input(shape = 4) Layer extra;",
                "@Linear(out = 2) Layer out;");
        assertWarning(compile(above), above, "[netcost:dead-branch] relu: nothing reads this field's output: extra"
                + " below it is an @Input, which reads nothing, and no merge or @From in Net names relu; remove it,"
                + " or name it where it is needed", above.at("@ReLU"));
    }

    /** @Network(input) that nothing reads, beside an @Input that is read, is dead too: said on its value. */
    @Test
    void deadBranchFiresOnAnUnreadNetworkInput() {
        NetworkSource src = network("", "{8}", "@Input(shape = 4) Layer extra;", "@Linear(out = 2) Layer fc;");
        assertWarning(compile(src), src, "[netcost:dead-branch] Net: nothing reads its input = {...}: the first field"
                + " is an @Input, which reads nothing, and no merge or @From names input; remove input, or read it",
                src.at("input = {8}", "{8}"));
        assertQuiet(network("", "{8}", "@Input(shape = 8) Layer extra;", "@Add({\"extra\", \"input\"}) Layer sum;"));
    }

    /** A block's own dead field is reported once, in the block, whatever its uses. */
    @Test
    void deadBranchInABlockIsReportedInTheBlock() {
        NetworkSource block = NetworkSource.of("com.example.Leaky", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Leaky {
                    class Layers {
                        @ReLU Layer unused;
                        @ReLU @From("input") Layer used;
                    }
                }
                """);
        NetworkSource src = network("", "{8, 4, 4}", "@Leaky Layer a;", "@Leaky @Repeat(3) Layer b;");
        Compilation compilation = compile(block, src);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:dead-branch] unused: nothing reads this field's"
                + " output: used reads another tensor, and no merge or @From in Leaky names unused")
                .inFile(block.file()).onLine(block.at("@ReLU Layer unused").line());
    }

    // heavy-classifier

    private static final String[] HEAVY = {
        "@Conv(out = 4, kernel = 3, bias = false) Layer conv;", "@Flatten Layer flatten;", "@Linear(out = 100) Layer fc;"
    };

    /** conv 3 * 4 * 9 = 108 parameters; fc 4 * 6 * 6 * 100 + 100 = 14,500 of 14,608, 99.3 %. */
    @Test
    void heavyClassifierFires() {
        NetworkSource src = network("", "{3, 8, 8}", HEAVY);
        assertWarning(compile(src), src, "[netcost:heavy-classifier] fc on input (144): this @Linear holds 14,500 of"
                + " the network's 14,608 parameters (99.3 %); a global average pool before the classifier, as ResNet"
                + " has, would shrink it", src.at("out = 100", "100"));
    }

    @Test
    void heavyClassifierIsQuietBelowHalf() {
        // conv 3 * 64 * 9 = 1,728; fc 64 * 6 * 6 + 1 = 2,305 of 4,033: 57 %. With 128 channels: 3,456 and 4,609 of 8,065.
        assertQuiet(network("", "{3, 8, 8}", "@Conv(out = 128, kernel = 3, bias = false) Layer conv;",
                "@GlobalAvgPool Layer pool;", "@Flatten Layer flatten;", "@Linear(out = 10) Layer fc;"));
        // A network whose only learned layer is the classifier: all of it, and nothing to say.
        assertQuiet(network("", "{16}", "@Linear(out = 4) Layer fc;"));
    }

    /**
     * A linear layer per position of a channels-last map is an MLP, not a classifier, however many
     * of the parameters it holds: conv 3 * 8 * 9 = 216; fc 8 * 64 + 64 = 576 of 792, 72.7 %.
     */
    @Test
    void heavyClassifierIsQuietOnALinearLayerPerPosition() {
        assertQuiet(network("", "{3, 8, 8}", "@Conv(out = 8, kernel = 3, bias = false) Layer conv;",
                "@ChannelsLast Layer last;", "@Linear(out = 64) Layer fc;"));
    }

    @Test
    void heavyClassifierIsSuppressed() {
        assertQuiet(network("", "{3, 8, 8}", HEAVY[0], HEAVY[1], "@SuppressWarnings(\"netcost:heavy-classifier\")",
                HEAVY[2]));
        assertQuiet(network("@SuppressWarnings(\"netcost:heavy-classifier\")\n", "{3, 8, 8}", HEAVY));
    }

    /** Inside a repeated block, a shape lint goes to the network's field, once, with the path. */
    @Test
    void aShapeLintInsideABlockIsAtTheUse() {
        NetworkSource block = NetworkSource.of("com.example.Down", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Down {
                    class Layers {
                        @MaxPool(kernel = 2) Layer pool;
                    }
                }
                """);
        NetworkSource src = network("", "{8, 14, 14}", "@Down @Repeat(2) Layer stage;");
        Compilation compilation = compile(block, src);
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[netcost:unread-input] stage[1].pool on input (8, 7, 7): the"
                + " last 1 of the 7 input cells along the height").inFile(src.file()).onLine(src.at("@Down").line())
                .atColumn(src.at("@Down").column());
    }
}
