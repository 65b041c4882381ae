package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.assertError;
import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.Compilations.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @TrainingOnly}: a layer or block use that runs only in training counts its parameters
 * and buffers in the network's, and its compute, traffic and activations in none of the inference
 * figures, which a network without it has alike (docs/cost-model.md, "Training-only layers").
 * Every figure here is worked by hand in its comment.
 */
class TrainingOnlyTest {
    /**
     * Input (4, 8, 8), float32, batch 1: 256 elements.
     * <ul>
     *   <li>{@code conv}, 3 x 3 to 8 channels, no bias, padding 1: (8, 8, 8), 512 elements. PARAMS 8 x 4 x 9 =
     *       288; MACS 8 x 64 x 36 = 18,432; FLOPS 512 x (2 x 36 - 1) = 36,352; traffic (256 + 288 + 512) x 4 =
     *       4,224 B.
     *   <li>{@code relu}: FLOPS 512; traffic (512 + 512) x 4 = 4,096 B.
     *   <li>{@code aux}, training only, 1 x 1 on the input to 32 channels with bias: (32, 8, 8), 2,048 elements.
     *       PARAMS 32 x 4 + 32 = 160; MACS 32 x 64 x 4 = 8,192; FLOPS 2,048 x (2 x 4 - 1 + 1) = 16,384;
     *       traffic (256 + 160 + 2,048) x 4 = 9,856 B.
     *   <li>{@code relu2} on relu: FLOPS 512; traffic 4,096 B.
     * </ul>
     * PARAMS 288 + 160 = 448, PARAM_BYTES 1,792; MACS 18,432; FLOPS 36,352 + 512 + 512 = 37,376; memory
     * access 4,224 + 4,096 + 4,096 = 12,416 B. Activations at inference, in elements: at conv the input and
     * its output, 768; at relu conv's output and its own, 1,024; at relu2 relu's and its own, 1,024. The peak
     * is 1,024 x 4 = 4,096 B. Were aux counted, its output would make 512 + 2,048 + 256 at it; were only its
     * read of the input, the input would live to it, 1,280 at relu.
     */
    static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {4, 8, 8})
            class Net {
                @Conv(out = 8, kernel = 3, padding = 1, bias = false) Layer conv;
                @ReLU Layer relu;
                @Conv(out = 32, kernel = 1) @From("input") @TrainingOnly Layer aux;
                @ReLU @From("relu") Layer relu2;
            }
            """);

    /** The same network without its training-only layer. */
    static final NetworkSource WITHOUT = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {4, 8, 8})
            class Net {
                @Conv(out = 8, kernel = 3, padding = 1, bias = false) Layer conv;
                @ReLU Layer relu;
                @ReLU @From("relu") Layer relu2;
            }
            """);

    @Test
    void itsWeightsCountAndItsComputeIsApart() {
        Compilation compilation = compile(NET);
        // No dead-branch: nothing at inference reads aux, by design.
        assertThat(compilation).succeededWithoutWarnings();
        String net = "com.example.NetCost";
        assertEquals(448, Compilations.constant(compilation, net, "PARAMS"));
        assertEquals(448 * 4, Compilations.constant(compilation, net, "PARAM_BYTES"));
        assertEquals(18_432, Compilations.constant(compilation, net, "MACS"));
        assertEquals(37_376, Compilations.constant(compilation, net, "FLOPS"));
        assertEquals(12_416, Compilations.constant(compilation, net, "MEMORY_ACCESS_BYTES"));
        assertEquals(4_096, Compilations.constant(compilation, net, "PEAK_ACTIVATION_BYTES"));
        assertEquals(448 * 4 + 4_096, Compilations.constant(compilation, net, "PEAK_MEMORY_BYTES"));
        assertEquals(160, Compilations.constant(compilation, net, "TRAINING_ONLY_PARAMS"));
        assertEquals(0, Compilations.constant(compilation, net, "TRAINING_ONLY_BUFFERS"));
        assertEquals(8_192, Compilations.constant(compilation, net, "TRAINING_ONLY_MACS"));
        assertEquals(16_384, Compilations.constant(compilation, net, "TRAINING_ONLY_FLOPS"));
        // The field's own figures, what it costs when it runs.
        assertEquals(160, Compilations.constant(compilation, net, "AUX_PARAMS"));
        assertEquals(8_192, Compilations.constant(compilation, net, "AUX_MACS"));
        assertEquals(2_048 * 4, Compilations.constant(compilation, net, "AUX_ACTIVATION_BYTES"));
        assertEquals(9_856, Compilations.constant(compilation, net, "AUX_MEMORY_ACCESS_BYTES"));
    }

    /** Every inference figure is the network's without the layer; only what is stored differs. */
    @Test
    void inferenceIsAsWithoutIt() {
        Compilation with = compile(NET);
        Compilation without = compile(WITHOUT);
        assertThat(without).succeededWithoutWarnings();
        String net = "com.example.NetCost";
        for (String figure : List.of("MACS", "FLOPS", "MEMORY_ACCESS_BYTES", "PEAK_ACTIVATION_BYTES")) {
            assertEquals(Compilations.constant(without, net, figure), Compilations.constant(with, net, figure), figure);
        }
        assertEquals(Compilations.constant(without, net, "PARAMS") + 160, Compilations.constant(with, net, "PARAMS"));
        assertThat(without).generatedSourceFile(net).contentsAsUtf8String().doesNotContain("TRAINING_ONLY");
    }

    @Test
    void itsRowsAreMarkedInTheSummaryAndTheReports() throws IOException {
        Compilation compilation = compileWith(List.of("-Anetcost.print=true"), NET);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("aux    Conv2d (training only)  (32, 8, 8)");
        assertThat(compilation).hadNoteContaining("Params:       448, 160 of them training only\n");
        assertThat(compilation).hadNoteContaining("MACs:         18,432 (18.43 K) at inference; training only: 8,192"
                + " (8.19 K) more\n");
        assertThat(compilation).generatedSourceFile("com.example.NetCost").contentsAsUtf8String()
                .contains("\"aux\\tConv2d\\t4,8,8\\t32,8,8\\t160\\t0\\t8192\\t16384\\t8192\\t9856\\ttraining\\n\"");

        JsonElement parsed = JsonParser.parseString(Compilations.resource(compilation,
                "META-INF/netcost/com.example.Net.json"));
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject report = parsed.getAsJsonObject();
        assertEquals("netcost-report/7", report.get("schema").getAsString());
        assertEquals(18_432, report.getAsJsonObject("totals").get("macs").getAsLong());
        JsonObject apart = report.getAsJsonObject("trainingOnly");
        assertEquals(160, apart.get("params").getAsLong());
        assertEquals(8_192, apart.get("macs").getAsLong());
        JsonObject aux = report.getAsJsonArray("layers").get(2).getAsJsonObject();
        assertEquals("aux", aux.get("path").getAsString());
        assertEquals(true, aux.get("trainingOnly").getAsBoolean());
        assertEquals(false, report.getAsJsonArray("layers").get(3).getAsJsonObject().has("trainingOnly"));

        assertThat(Compilations.resource(compilation, "META-INF/netcost/com.example.Net.md"))
                .contains("| `aux` | Conv2d (training only) | (32, 8, 8) | 160 | 8,192 |");
        assertThat(Compilations.resource(compilation, "META-INF/netcost/com.example.Net.dot"))
                .contains("\"aux\" [label=\"aux\\nConv2d\\n160 params\\n(training only)\", style=\"rounded,dashed\"];");
    }

    /**
     * Inside a block, used twice on (4, 8, 8): {@code side}, 1 x 1 to 4 channels without bias and
     * training only, PARAMS 16 and MACS 4 x 64 x 4 = 1,024 each; {@code relu} on the block's input,
     * FLOPS 256 each. The use's MACS are inference's, 0; its PARAMS 2 x 16.
     */
    @Test
    void aBlockCountsItsTrainingOnlyLayersAsTheNetworkDoes() {
        NetworkSource block = NetworkSource.of("com.example.Side", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Side {
                    class Layers {
                        @Conv(out = 4, kernel = 1, bias = false) @TrainingOnly Layer side;
                        @ReLU @From("input") Layer relu;
                    }
                }
                """);
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 8, 8})
                class Net {
                    @Side @Repeat(2) Layer h;
                }
                """);
        Compilation compilation = compile(block, net);
        assertThat(compilation).succeededWithoutWarnings();
        String companion = "com.example.NetCost";
        assertEquals(0, Compilations.constant(compilation, companion, "MACS"));
        assertEquals(512, Compilations.constant(compilation, companion, "FLOPS"));
        assertEquals(32, Compilations.constant(compilation, companion, "PARAMS"));
        assertEquals(2_048, Compilations.constant(compilation, companion, "TRAINING_ONLY_MACS"));
        assertEquals(0, Compilations.constant(compilation, companion, "H_MACS"));
        assertEquals(32, Compilations.constant(compilation, companion, "H_PARAMS"));
        assertEquals(0, Compilations.constant(compilation, companion, "H_0_MACS"));
        assertEquals(256, Compilations.constant(compilation, companion, "H_1_FLOPS"));
    }

    /** maxMacs holds inference's 18,432, and names no training-only field among what computes most. */
    @Test
    void budgetsSeeInference() {
        NetworkSource withinBudget = NetworkSource.of("com.example.Net", NET.text().replace("@Network(",
                "@Budget(maxMacs = 18_432, maxParams = 448)\n@Network("));
        assertThat(compile(withinBudget)).succeededWithoutWarnings();

        NetworkSource over = NetworkSource.of("com.example.Net", NET.text().replace("@Network(",
                "@Budget(maxMacs = 18_000, maxParams = 447)\n@Network("));
        Compilation compilation = compile(over);
        assertThat(compilation).hadErrorCount(2);
        assertError(compilation, over, "[netcost:budget] MACS = 18,432 is over maxMacs = 18,000 by 432 (2.4 %); the"
                + " fields that compute the most: conv 18,432 (100.0 %)", over.at("maxMacs = 18_000", "18_000"));
        assertError(compilation, over, "PARAMS = 448 is over maxParams = 447 by 1 (0.2 %); the fields that hold the"
                + " most: conv 288 (64.3 %), aux 160 (35.7 %)", over.at("maxParams = 447", "447"));
    }

    /** A decoder's figures leave a training-only layer out. */
    @Test
    void aDecoderIgnoresIt() {
        NetworkSource decoder = NetworkSource.of("com.example.Lm", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {16})
                @Decoder
                class Lm {
                    @Embedding(vocab = 100, dim = 64) Layer wte;
                    @MultiHeadAttention(heads = 4, causal = true) Layer attn;
                    @Linear(out = 32) @TrainingOnly Layer aux;
                    @Linear(out = 100) @From("attn") Layer head;
                }
                """);
        Compilation compilation = compile(decoder);
        assertThat(compilation).succeededWithoutWarnings();
        // Per new token at 16 tokens: attention's projections 4 x 64 x 64 = 16,384 and 2 x 16 x 64 = 2,048
        // against the cache; the head 64 x 100 = 6,400. aux's 64 x 32 = 2,048 are not among them.
        assertEquals(16_384 + 2_048 + 6_400, Compilations.constant(compilation, "com.example.LmCost", "DECODE_MACS"));
    }

    /** A merge that reads a training-only field: on the name in the merge. */
    @Test
    void aMergeCannotReadIt() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 8, 8})
                class Net {
                    @ReLU Layer relu;
                    @ReLU @TrainingOnly Layer aux;
                    @Add({"relu", "aux"}) Layer add;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:training-only] add: `aux` runs only in training (@TrainingOnly),"
                + " and add runs at inference too", src.at("{\"relu\", \"aux\"}"));
    }

    /**
     * Training-only fields may read each other; the first that runs at inference after them is
     * told what inference has in their place: the tensor they began from.
     */
    @Test
    void theFixNamesWhatInferenceHasThere() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 8, 8})
                class Net {
                    @ReLU Layer relu;
                    @ReLU Layer relu1;
                    @ReLU @From("relu") @TrainingOnly Layer aux1;
                    @ReLU @TrainingOnly Layer aux2;
                    @ReLU Layer after;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:training-only] after: reads the field above it, `aux2`, which"
                + " runs only in training (@TrainingOnly), and after runs at inference too, where there is no such"
                + " tensor; read the tensor inference has there with @From(\"relu\"), or mark after @TrainingOnly as"
                + " well", src.at("@ReLU Layer after", "@ReLU"));
    }

    /** Inside a block, the mistake is the block's own, reported once in its source. */
    @Test
    void aBlockThatReadsItIsWrongInItsOwnSource() {
        NetworkSource block = NetworkSource.of("com.example.Side", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Side {
                    class Layers {
                        @ReLU @TrainingOnly Layer side;
                        @ReLU Layer relu;
                    }
                }
                """);
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 8, 8})
                class Net {
                    @Side @Repeat(3) Layer h;
                }
                """);
        assertOnlyError(compile(block, net), block, "[netcost:training-only] relu: reads the field above it, `side`,"
                + " which runs only in training (@TrainingOnly), and relu runs at inference too, where there is no"
                + " such tensor; read the tensor inference has there with @From(\"input\")",
                block.at("@ReLU Layer relu", "@ReLU"));
    }

    /** {@code like} names a tensor inference must have: a training-only one is refused, on the name. */
    @Test
    void aLayerCannotTakeItsSizeLikeIt() {
        NetworkSource src = NetworkSource.network("{4, 8, 8}", "@MaxPool(kernel = 2) @TrainingOnly Layer aux;",
                "@CenterCrop(like = \"aux\") @From(\"input\") Layer crop;");
        assertOnlyError(compile(src), src, "[netcost:training-only] crop: like = \"aux\" names a field that runs only"
                + " in training (@TrainingOnly), and crop runs at inference too", src.at("like = \"aux\"", "\"aux\""));
    }

    /** Inside a block, as in a network: reported once, in the block's source. */
    @Test
    void aBlockLayerCannotTakeItsSizeLikeIt() {
        NetworkSource block = NetworkSource.of("com.example.Up", """
                package com.example;

                import dev.netcost.*;

                @Block
                @interface Up {
                    class Layers {
                        @MaxPool(kernel = 2) @TrainingOnly Layer aux;
                        @Upsample(like = "aux") @From("input") Layer up;
                    }
                }
                """);
        NetworkSource net = NetworkSource.network("{4, 8, 8}", "@Up @Repeat(2) Layer h;");
        assertOnlyError(compile(block, net), block, "[netcost:training-only] up: like = \"aux\" names a field that"
                + " runs only in training (@TrainingOnly)", block.at("like = \"aux\"", "\"aux\""));
    }

    /**
     * A layer that runs at inference needs the weight it shares: tied to a training-only layer's,
     * the 72 weights (8 x 8 + 8) would be counted as training-only though inference uses them.
     */
    @Test
    void anInferenceLayerCannotShareItsWeight() {
        NetworkSource src = NetworkSource.network("{8}", "@Linear(out = 8) @TrainingOnly Layer aux;",
                "@Linear(out = 8) @Tied(\"aux\") @From(\"input\") Layer r;");
        assertOnlyError(compile(src), src, "[netcost:training-only] r: @Tied(\"aux\") shares the weight of a field"
                + " that runs only in training (@TrainingOnly), and r runs at inference too, where it still needs"
                + " that weight; declare the weight on r and tie aux to it, or mark r @TrainingOnly as well",
                src.at("@Tied(\"aux\")", "\"aux\""));
    }

    /** The other way round is sound: a training-only head may share an inference layer's weight. */
    @Test
    void aTrainingOnlyLayerMayShareAnInferenceWeight() {
        NetworkSource src = NetworkSource.network("{8}", "@Linear(out = 8) Layer r;",
                "@Linear(out = 8) @Tied(\"r\") @TrainingOnly Layer aux;", "@ReLU @From(\"r\") Layer out;");
        assertThat(compile(src)).succeeded();
    }

    /** The sums apart are netcost's names in a network that has training-only layers, and only there. */
    @Test
    void aFieldNamedTrainingOnlyClashesOnlyWhereTheSumsAre() {
        NetworkSource src = NetworkSource.network("{4, 8, 8}", "@ReLU Layer trainingOnly;",
                "@ReLU @TrainingOnly Layer aux;", "@ReLU @From(\"trainingOnly\") Layer relu;");
        assertOnlyError(compile(src), src, "[netcost:constant-clash] trainingOnly: its constants would be named"
                + " TRAINING_ONLY_*, and TRAINING_ONLY_PARAMS already holds the parameters of the training-only layers;"
                + " rename the field", src.at("@ReLU Layer trainingOnly", "@ReLU"));
        NetworkSource inferenceOnly = NetworkSource.of("com.example.Net", src.text().replace(" @TrainingOnly", ""));
        assertThat(compile(inferenceOnly)).succeeded();
    }

    @Test
    void onAFieldWithoutALayerItIsMisplaced() {
        NetworkSource src = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 8, 8})
                class Net {
                    @ReLU Layer relu;
                    @TrainingOnly Layer aux;
                }
                """);
        assertOnlyError(compile(src), src, "[netcost:misplaced] aux: @TrainingOnly modifies a layer or block"
                + " annotation on the same field, and this field has none", src.at("@TrainingOnly"));
    }
}
