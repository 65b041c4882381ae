package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.Compilations.compileWith;
import static dev.netcost.processor.Compilations.constant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A network with {@code @Training}, through the processor: the companion's training constants, its
 * summary, and the JSON and Markdown reports. Every figure is worked by hand in the comments, by the
 * cost model's section "Training".
 */
class TrainingReportsTest {
    /**
     * Input 4 floats; inference batch 1; a step of 2 samples, SGD with momentum, float32.
     * <ul>
     *   <li>{@code fc}, Linear 4 to 3 with a bias: 15 parameters. Forward 2 x 4 x 3 = 24 MACs, 2 x 24 = 48
     *       FLOPs (2 * I * O with a bias). It reads the network's input, which requires no gradient: no input
     *       gradient. Weight gradient {@code dW = dY^T X}: R*F*Fout = 2 x 4 x 3 = 24 MACs, 48 FLOPs; bias
     *       gradient R*Fout = 6 FLOPs. It saves its input for {@code dW}: 2 x 4 x 4 bytes = 32.
     *   <li>{@code relu}: forward 6 FLOPs, one per element; backward {@code threshold_backward}, 6 FLOPs;
     *       it saves its output: 2 x 3 x 4 bytes = 24.
     * </ul>
     * Forward 24 MACs, 54 FLOPs; backward 24 MACs, 60 FLOPs; no checkpoint: step 48 MACs, 114 FLOPs.
     * Model states: weights 15 x 4 = 60 bytes, gradients 60, momentum 60, no master weights: 180. Saved 32
     * + 24 = 56. Activations, forward: at fc the input and fc's output, 32 + 24 = 56; at relu the saved
     * input (32), fc's output still read (24) and relu's output (24, saved and an output, once): 80.
     * Backward, at relu first: the 56 saved, the gradient of relu's output (an output: alive from the start
     * of backward) and the gradient of fc's output that relu's backward makes: 56 + 24 + 24 = 104; at fc
     * relu's saved output and the gradient of its output are gone: 32 + 24 = 56. The peak: 104 bytes in
     * backward at relu; with the model states 284.
     */
    static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Training(batch = 2, optimizer = Training.Optimizer.SGD_MOMENTUM)
            @Network(input = 4)
            class Net {
                @Linear(out = 3) Layer fc;
                @ReLU Layer relu;
            }
            """);

    @Test
    void theCompanionHasTheStepsConstants() {
        Compilation compilation = compile(NET);
        assertThat(compilation).succeededWithoutWarnings();
        String net = "com.example.NetCost";
        assertThat(Compilations.companion(compilation)).contains("public static final int TRAINING_BATCH = 2;");
        assertEquals(24, constant(compilation, net, "TRAINING_FORWARD_MACS"));
        assertEquals(54, constant(compilation, net, "TRAINING_FORWARD_FLOPS"));
        assertEquals(24, constant(compilation, net, "BACKWARD_MACS"));
        assertEquals(60, constant(compilation, net, "BACKWARD_FLOPS"));
        assertEquals(0, constant(compilation, net, "RECOMPUTE_MACS"));
        assertEquals(0, constant(compilation, net, "RECOMPUTE_FLOPS"));
        assertEquals(48, constant(compilation, net, "STEP_MACS"));
        assertEquals(114, constant(compilation, net, "STEP_FLOPS"));
        assertEquals(15, constant(compilation, net, "TRAINABLE_PARAMS"));
        assertEquals(60, constant(compilation, net, "TRAINING_WEIGHT_BYTES"));
        assertEquals(60, constant(compilation, net, "GRADIENT_BYTES"));
        assertEquals(0, constant(compilation, net, "MASTER_WEIGHT_BYTES"));
        assertEquals(60, constant(compilation, net, "OPTIMIZER_STATE_BYTES"));
        assertEquals(180, constant(compilation, net, "MODEL_STATE_BYTES"));
        assertEquals(56, constant(compilation, net, "SAVED_ACTIVATION_BYTES"));
        assertEquals(104, constant(compilation, net, "TRAINING_PEAK_ACTIVATION_BYTES"));
        assertEquals(284, constant(compilation, net, "TRAINING_PEAK_BYTES"));
        assertEquals(54, constant(compilation, net, "FC_BACKWARD_FLOPS")); // 48 + 6
        assertEquals(32, constant(compilation, net, "FC_SAVED_BYTES"));
        assertEquals(6, constant(compilation, net, "RELU_BACKWARD_FLOPS"));
        assertEquals(24, constant(compilation, net, "RELU_SAVED_BYTES"));
        // Inference's figures stay inference's, at its batch of 1: 12 MACs.
        assertEquals(12, constant(compilation, net, "MACS"));
    }

    @Test
    void theSummaryEndsWithTheStep() {
        Compilation compilation = compileWith(List.of("-Anetcost.print=true"), NET);
        assertThat(compilation).succeeded();
        // A line at a time: javac's diagnostic formatter indents the lines of a note after its first.
        for (String line : List.of("Training:     batch 2, sgd_momentum, float32",
                "Step MACs:    48 (48): forward 24, backward 24, recompute 0",
                "Step FLOPs:   114 (114): forward 54, backward 60, recompute 0",
                "Model states: 180 B: weights 60 B, gradients 60 B, master weights 0 B, optimizer 60 B",
                "Saved:        56 B of activations for backward",
                "Step peak:    284 B (activations 104 B in backward at relu)")) {
            assertThat(compilation).hadNoteContaining(line);
        }
        String companion = Compilations.companion(compilation);
        assertThat(companion).contains(" * Step peak:    284 B (activations 104 B in backward at relu)\n");
    }

    @Test
    void theReportsHaveTheStep() throws IOException {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=json,md"), NET);
        assertThat(compilation).succeeded();
        JsonElement parsed = JsonParser.parseString(Compilations.resource(compilation,
                "META-INF/netcost/com.example.Net.json"));
        assertEquals(List.of(), SchemaCheck.load().violations(parsed));
        JsonObject training = parsed.getAsJsonObject().getAsJsonObject("training");
        assertEquals(114, training.get("stepFlops").getAsLong());
        assertEquals(284, training.get("peakBytes").getAsLong());
        JsonObject peak = training.getAsJsonObject("peak");
        assertEquals("backward", peak.get("phase").getAsString());
        assertEquals("relu", peak.get("layer").getAsString());
        // Alive there: fc's saved input, relu's saved output, the gradients of both outputs.
        long alive = 0;
        List<String> names = new ArrayList<>();
        for (JsonElement tensor : peak.getAsJsonArray("alive")) {
            alive += tensor.getAsJsonObject().get("bytes").getAsLong();
            names.add(tensor.getAsJsonObject().get("name").getAsString());
        }
        assertEquals(104, alive);
        assertThat(names).containsExactly("input", "relu", "gradient of relu", "gradient of fc");
        JsonObject fc = parsed.getAsJsonObject().getAsJsonArray("layers").get(0).getAsJsonObject()
                .getAsJsonObject("training");
        assertEquals("{\"forwardMacs\":24,\"forwardFlops\":48,\"toInputMacs\":0,\"toInputFlops\":0,"
                + "\"toWeightsMacs\":24,\"toWeightsFlops\":54,\"savedBytes\":32,\"frozen\":false,"
                + "\"checkpointed\":false}", fc.toString());
        assertThat(Compilations.resource(compilation, "META-INF/netcost/com.example.Net.md")).contains("""
                | Field | Backward FLOPs | Saved for backward |
                | --- | ---: | ---: |
                | `fc` | 54 | 32 B |
                | `relu` | 6 | 24 B |
                """);
    }

    /**
     * A checkpointed block use keeps its input in the forward pass and its layers keep nothing until their
     * backward, so its field's saved bytes are 0: the Markdown says why, beside the 0. Input 8 floats, a
     * unit 8 -> 16 -> 8 checkpointed, then a ReLU: the block's input, 8 x 4 = 32 bytes, is what the step
     * saves for it.
     */
    @Test
    void aCheckpointedFieldsZeroSavedBytesIsExplained() throws IOException {
        NetworkSource net = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Training(batch = 1, optimizer = Training.Optimizer.SGD)
                @Network(input = 8)
                class Net {
                    @Unit @Checkpoint Layer unit;
                    @ReLU Layer relu;
                }
                """);
        Compilation compilation = compileWith(List.of("-Anetcost.reports=md"), net, TrainingLivenessTest.UNIT);
        assertThat(compilation).succeeded();
        String md = Compilations.resource(compilation, "META-INF/netcost/com.example.Net.md");
        assertThat(md).contains("| `unit` | ");
        assertThat(md).contains(" 0 B |");
        assertThat(md).contains("A `@Checkpoint` block use shows 0: its layers keep their tensors only in backward,"
                + " once recomputed, and its input, kept in the forward pass, is in the saved activations.");
        assertEquals(32 + 8 * 4, constant(compilation, "com.example.NetCost", "SAVED_ACTIVATION_BYTES"));
        // The constant's Javadoc says the same, and only for the checkpointed field.
        String companion = Compilations.companion(compilation, "com.example.NetCost");
        assertThat(companion).contains("""
                     * Bytes the layers of {@code unit} (Unit, (8) to (8)) keep for backward in the forward pass: none,
                     * as a {@code @Checkpoint} block's layers keep theirs only in backward, once recomputed;
                """);
        assertThat(companion).contains("""
                     * Bytes {@code relu} (ReLU, (8) to (8)) keeps for backward,
                """);
    }

    /**
     * Token ids: 5 ids, an embedding (10, 3), a linear 3 to 5 with a bias; a step of 2 samples.
     * <ul>
     *   <li>{@code embed}: a lookup, no MAC or FLOP forward; its input, ids, requires no gradient; its table's
     *       gradient adds each token's output gradient into its row: 2 x 5 x 3 = 30 FLOPs.
     *   <li>{@code head}: forward 2 x 5 x 3 x 5 = 150 MACs, 300 FLOPs; its input, made by the trainable
     *       embedding, requires a gradient: {@code dX} 150 MACs, 300 FLOPs; {@code dW} 150 MACs, 300 FLOPs and
     *       the bias's 2 x 5 x 5 = 50.
     * </ul>
     * The step: 300 FLOPs forward, 30 + 300 + 350 = 680 backward, 980 in all, over 2 x 5 = 10 tokens: 98
     * per token, exactly (per token: the head's 2 x 15 forward, 30 + 35 backward, the embedding's 3).
     */
    @Test
    void aNetworkOfTokenIdsSaysItsStepFlopsPerToken() {
        NetworkSource lm = NetworkSource.of("com.example.Net", """
                package com.example;

                import dev.netcost.*;

                @Training(batch = 2)
                @Network(input = 5, inputKind = InputKind.IDS)
                class Net {
                    @Embedding(vocab = 10, dim = 3) Layer embed;
                    @Linear(out = 5) Layer head;
                }
                """);
        Compilation compilation = compileWith(List.of("-Anetcost.print=true", "-Anetcost.reports=json"), lm);
        assertThat(compilation).succeeded();
        assertEquals(980, constant(compilation, "com.example.NetCost", "STEP_FLOPS"));
        assertThat(compilation).hadNoteContaining("Per token:    98 step FLOPs, over 10 tokens");
        JsonObject training = JsonParser.parseString(Compilations.resource(compilation,
                "META-INF/netcost/com.example.Net.json")).getAsJsonObject().getAsJsonObject("training");
        assertEquals(10, training.get("tokensPerStep").getAsLong());
        assertEquals(98.0, training.get("stepFlopsPerToken").getAsDouble());
    }
}
