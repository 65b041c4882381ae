package dev.netcost.processor.write;

import static com.google.common.truth.Truth.assertThat;
import static dev.netcost.processor.write.StrictCompanions.compiled;
import static dev.netcost.processor.write.StrictCompanions.declares;
import static dev.netcost.processor.write.StrictCompanions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netcost.InputKind;
import dev.netcost.Shape;
import dev.netcost.Training;
import dev.netcost.processor.SchemaCheck;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerTraining;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.NetworkInference;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.Activation;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.TrainingDecl;
import dev.netcost.processor.model.Work;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The write stage of a network with {@code @Training}, from an analysis whose training figures are
 * put together by hand (working them out is the infer stage's): the companion's constants, compiled
 * as strictly as a user may build, its summary, and the reports.
 *
 * <p>The network, {@code com.example.Net}, float32, inference batch 1:
 *
 * <pre>
 * &#64;Training(batch = 2, optimizer = Optimizer.SGD_MOMENTUM)
 * &#64;Network(input = 4)
 * class Net {
 *     &#64;Linear(out = 3) Layer fc;
 *     &#64;ReLU Layer relu;
 * }
 * </pre>
 *
 * <p>By hand, by the cost model's section "Training", for the step's batch of 2:
 * <ul>
 * <li>{@code fc}, 4 to 3 with a bias: 15 parameters. Forward 2 x 4 x 3 = 24 MACs, 48 FLOPs. It reads
 *     the network's input, which requires no gradient: no input gradient. Its weight gradient
 *     {@code dW = dY^T X}, R*F*Fout = 2 x 4 x 3 = 24 MACs, 48 FLOPs, and its bias's {@code db}, R*Fout
 *     = 6 FLOPs: 24 MACs, 54 FLOPs. It saves its input, 2 x 4 floats, 32 bytes.
 * <li>{@code relu}: forward 6 FLOPs, one per element; backward 6, one per element; it saves its
 *     output, 2 x 3 floats, 24 bytes.
 * <li>Forward 24 MACs, 54 FLOPs; backward 24 MACs, 60 FLOPs; nothing recomputed: the step 48 MACs,
 *     114 FLOPs.
 * <li>Weights, gradients and momentum 15 x 4 = 60 bytes each, no master weights: 180 bytes.
 * <li>Saved 32 + 24 = 56 bytes. The peak, in the backward pass at {@code relu}: the 56 saved, the
 *     gradient of the output (24) and the one {@code relu} makes of {@code fc}'s output (24): 104
 *     bytes; with the model states 284.
 * </ul>
 */
class TrainingWriteTest {
    private static final TrainingDecl DECLARED = new TrainingDecl(2, Training.Optimizer.SGD_MOMENTUM,
            Training.Precision.FLOAT32, Training.AttentionKernel.FUSED);

    private static final LayerTraining FC = new LayerTraining(new Work(24, 48), Work.NONE, new Work(24, 54), 32,
            false, false);
    private static final LayerTraining RELU = new LayerTraining(Work.flops(6), Work.flops(6), Work.NONE, 24, false,
            false);

    private static final TrainingFigures FIGURES = new TrainingFigures(DECLARED, List.of(FC, RELU),
            new Work(24, 54), new Work(24, 60), Work.NONE, 15, 60, 60, 0, 60, 56,
            new TrainingFigures.Peak(104, true, "relu", List.of(new NetworkAnalysis.Named("fc", 32),
                    new NetworkAnalysis.Named("gradient of relu", 24), new NetworkAnalysis.Named("gradient of fc", 24),
                    new NetworkAnalysis.Named("relu", 24))));

    /** {@code fc} and {@code relu} as the walker sees them (its inference figures, at batch 1). */
    private static NetworkAnalysis walked(String second) {
        NetworkAnalysis walked = NetworkInference.analyze(new NetworkDecl("com.example", List.of("Net"), List.of(4),
                1, List.of(new LayerDecl(0, "fc", new OpTemplate.Fixed(new Linear(3, true)), List.of(NodeDecl.INPUT),
                        Optional.empty()), new LayerDecl(1, second, new OpTemplate.Fixed(new Activation(
                        Activation.Kind.RELU)), List.of("fc"), Optional.empty()))));
        assertTrue(walked.ok(), walked.problems().toString());
        // 4 x 3 weights and 3 biases; 12 MACs, a multiply and an add each; a compare per element.
        assertEquals(new Cost(15, 0, 12, 24), walked.layers().get(0).cost());
        assertEquals(new Cost(0, 0, 0, 3), walked.layers().get(1).cost());
        return walked;
    }

    /** The walk with the training figures, and {@code inputs} for its inputs. */
    private static NetworkAnalysis trained(NetworkAnalysis walked, List<InputAnalysis> inputs) {
        return new NetworkAnalysis(walked.network(), walked.input(), walked.layers(), walked.blocks(), walked.fields(),
                walked.total(), walked.memory(), List.of(), Optional.empty(), Cost.ZERO, inputs, walked.outputs(),
                Optional.of(FIGURES));
    }

    private static NetworkAnalysis trained() {
        NetworkAnalysis walked = walked("relu");
        return trained(walked, walked.inputs());
    }

    /** As {@link #trained}, its input 4 token ids (only the write stage reads the kind here). */
    private static NetworkAnalysis ofTokenIds() {
        return trained(walked("relu"), List.of(new InputAnalysis("input", -1, Shape.of(4), InputKind.IDS, 16)));
    }

    private static long constant(Class<?> type, String name) throws ReflectiveOperationException {
        return type.getField(name).getLong(null);
    }

    @Test
    void theStepHasItsConstants() throws ReflectiveOperationException {
        Class<?> cost = compiled(trained());
        assertEquals(2, cost.getField("TRAINING_BATCH").getInt(null));
        assertEquals(24L, constant(cost, "TRAINING_FORWARD_MACS"));
        assertEquals(54L, constant(cost, "TRAINING_FORWARD_FLOPS")); // 48 + 6
        assertEquals(24L, constant(cost, "BACKWARD_MACS")); // fc's weight gradient only
        assertEquals(60L, constant(cost, "BACKWARD_FLOPS")); // 48 + 6 + 6
        assertEquals(0L, constant(cost, "RECOMPUTE_MACS"));
        assertEquals(0L, constant(cost, "RECOMPUTE_FLOPS"));
        assertEquals(48L, constant(cost, "STEP_MACS"));
        assertEquals(114L, constant(cost, "STEP_FLOPS"));
        assertEquals(15L, constant(cost, "TRAINABLE_PARAMS"));
        assertEquals(60L, constant(cost, "TRAINING_WEIGHT_BYTES"));
        assertEquals(60L, constant(cost, "GRADIENT_BYTES"));
        assertEquals(0L, constant(cost, "MASTER_WEIGHT_BYTES"));
        assertEquals(60L, constant(cost, "OPTIMIZER_STATE_BYTES"));
        assertEquals(180L, constant(cost, "MODEL_STATE_BYTES"));
        assertEquals(56L, constant(cost, "SAVED_ACTIVATION_BYTES"));
        assertEquals(104L, constant(cost, "TRAINING_PEAK_ACTIVATION_BYTES"));
        assertEquals(284L, constant(cost, "TRAINING_PEAK_BYTES"));
        // Per field: its layers' backward FLOPs and what they save.
        assertEquals(54L, constant(cost, "FC_BACKWARD_FLOPS"));
        assertEquals(32L, constant(cost, "FC_SAVED_BYTES"));
        assertEquals(6L, constant(cost, "RELU_BACKWARD_FLOPS"));
        assertEquals(24L, constant(cost, "RELU_SAVED_BYTES"));
        // The inference figures stay inference's, at its batch of 1.
        assertEquals(12L, constant(cost, "MACS"));
        assertEquals(1, cost.getField("BATCH").getInt(null));
    }

    @Test
    void aNetworkWithoutTrainingHasNoneOfThem() throws ReflectiveOperationException {
        Class<?> cost = compiled(walked("relu"));
        for (CompanionNames.Own own : CompanionNames.Own.values()) {
            if (own.name().startsWith("TRAINING_") && !own.name().startsWith("TRAINING_ONLY")
                    || own.name().contains("BACKWARD") || own.name().startsWith("STEP_")) {
                assertFalse(declares(cost, own.name()), own.name());
            }
        }
        assertFalse(declares(cost, "GRADIENT_BYTES"));
        assertFalse(declares(cost, "FC_BACKWARD_FLOPS"));
        assertFalse(declares(cost, "FC_SAVED_BYTES"));
        assertThat((String) cost.getMethod("summary").invoke(null)).doesNotContain("Training");
    }

    @Test
    void theConstantsSayWhatTheyHoldAndForWhichBatch() {
        String source = source(trained());
        assertThat(source).contains("""
                    /**
                     * Floating-point operations of one training step, for the step's batch of 2:
                     * {@link #TRAINING_FORWARD_FLOPS} + {@link #BACKWARD_FLOPS} + {@link #RECOMPUTE_FLOPS}. The loss and the
                     * optimizer's update are not counted.
                     */
                    public static final long STEP_FLOPS = 114L;
                """);
        assertThat(source).contains("""
                    /**
                     * Bytes of the optimizer's state, {@code SGD_MOMENTUM}: 1 copy of each trainable parameter,
                     * 4 bytes each.
                     */
                    public static final long OPTIMIZER_STATE_BYTES = 60L;
                """);
        // Backward FLOPs are not only the products': the element-wise gradients count too.
        assertThat(source).contains("""
                     * Floating-point operations of the backward pass, for the step's batch of 2: 2 per multiply-accumulate of
                     * {@link #BACKWARD_MACS}, and the element-wise gradients (activations, norms, pools, biases, embedding rows).
                """);
        assertThat(source).contains("""
                     * Bytes of every parameter and buffer in training, in {@code FLOAT32}: 4 bytes each.
                """);
        // A checkpointed block keeps its input in the forward pass: its 0 must not say it keeps nothing.
        assertThat(source).doesNotContain("keep nothing in the forward pass");
        assertThat(source).contains("""
                     * The most bytes of activations and gradients alive at once in a training step, for the step's batch of 2:
                     * reached in the backward pass at {@code relu}.
                """);
        assertThat(source).contains("""
                     * Bytes {@code relu} (ReLU, (3) to (3)) keeps for backward,
                     * for the training step's batch of 2: each layer's own share (a tensor two layers keep counts in each).
                """);
        assertThat(source).contains("""
                    /**
                     * Floating-point operations of the backward pass of {@code fc} (Linear, (4) to (3)),
                     * for the training step's batch of 2.
                     */
                    public static final long FC_BACKWARD_FLOPS = 54L;
                """);
        assertThat(source).contains("""
                            .withTraining(new Summary.TrainingStep(TRAINING_BATCH, Training.Optimizer.SGD_MOMENTUM, Training.Precision.FLOAT32,
                """);
    }

    private static final String TRAINING_BLOCK = """
            Training:     batch 2, sgd_momentum, float32
            Step MACs:    48 (48): forward 24, backward 24, recompute 0
            Step FLOPs:   114 (114): forward 54, backward 60, recompute 0
            Model states: 180 B: weights 60 B, gradients 60 B, master weights 0 B, optimizer 60 B
            Saved:        56 B of activations for backward
            Step peak:    284 B (activations 104 B in backward at relu)
            """;

    @Test
    void theSummaryEndsWithTheStep() throws ReflectiveOperationException {
        String summary = SummaryText.of(trained());
        assertThat(summary).endsWith(TRAINING_BLOCK);
        // The inference figures come first, as they were.
        assertThat(summary).contains("MACs:         12 (12)\n");
        assertEquals(summary, compiled(trained()).getMethod("summary").invoke(null));
    }

    /** 114 FLOPs over 2 samples of 4 tokens: 14.25, 14.3 to one decimal. */
    @Test
    void aNetworkOfTokenIdsSaysItsStepFlopsPerToken() throws ReflectiveOperationException {
        String summary = SummaryText.of(ofTokenIds());
        assertThat(summary).endsWith(TRAINING_BLOCK + "Per token:    14.3 step FLOPs, over 8 tokens\n");
        assertEquals(summary, compiled(ofTokenIds()).getMethod("summary").invoke(null));
        assertThat(SummaryText.of(trained())).doesNotContain("Per token");
    }

    /**
     * A field whose constants take the step's names, or whose training constants take another
     * field's: one error on the later field, only in a network with {@code @Training}.
     */
    @Test
    void theStepsNamesClashWithAFieldsOnlyInTraining() {
        NetworkAnalysis walked = walked("backward"); // BACKWARD_MACS, BACKWARD_FLOPS: the step's
        assertEquals(List.of(), CompanionNames.of(walked).clashes());
        List<Problem> clashes = CompanionNames.of(trained(walked, walked.inputs())).clashes();
        assertEquals(1, clashes.size(), clashes.toString());
        assertEquals(1, clashes.get(0).node().getAsInt());
        assertEquals("backward: its constants would be named BACKWARD_*, and BACKWARD_MACS already holds the training"
                + " step's backward MACs; rename the field", clashes.get(0).fault().message());
        // fcBackward's FC_BACKWARD_FLOPS is fc's FLOPs of backward.
        walked = walked("fcBackward");
        assertEquals(List.of(), CompanionNames.of(walked).clashes());
        clashes = CompanionNames.of(trained(walked, walked.inputs())).clashes();
        assertEquals(1, clashes.size(), clashes.toString());
        assertEquals("fcBackward: its constants would be named FC_BACKWARD_*, as those of fc are; rename one of the"
                + " two fields", clashes.get(0).fault().message());
    }

    private static String report(Report report, NetworkAnalysis analysis) throws IOException {
        StringWriter out = new StringWriter();
        report.write(analysis, out);
        return out.toString();
    }

    @Test
    void theJsonReportHasTheStepAndEachLayersPart() throws IOException {
        String text = report(Report.JSON, trained());
        assertEquals(List.of(), SchemaCheck.load().violations(JsonParser.parseString(text)));
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("netcost-report/7", json.get("schema").getAsString());
        assertEquals("{\"batch\":2,\"optimizer\":\"sgd_momentum\",\"precision\":\"float32\",\"attention\":\"fused\","
                + "\"forwardMacs\":24,\"forwardFlops\":54,\"backwardMacs\":24,\"backwardFlops\":60,"
                + "\"recomputeMacs\":0,\"recomputeFlops\":0,\"stepMacs\":48,\"stepFlops\":114,"
                + "\"trainableParams\":15,\"weightBytes\":60,\"gradientBytes\":60,\"masterWeightBytes\":0,"
                + "\"optimizerStateBytes\":60,\"modelStateBytes\":180,\"savedActivationBytes\":56,"
                + "\"peakActivationBytes\":104,\"peakBytes\":284,\"peak\":{\"phase\":\"backward\",\"layer\":\"relu\","
                + "\"alive\":[{\"name\":\"fc\",\"bytes\":32},{\"name\":\"gradient of relu\",\"bytes\":24},"
                + "{\"name\":\"gradient of fc\",\"bytes\":24},{\"name\":\"relu\",\"bytes\":24}]}}",
                json.get("training").toString());
        assertEquals("{\"forwardMacs\":24,\"forwardFlops\":48,\"toInputMacs\":0,\"toInputFlops\":0,"
                + "\"toWeightsMacs\":24,\"toWeightsFlops\":54,\"savedBytes\":32,\"frozen\":false,"
                + "\"checkpointed\":false}",
                json.getAsJsonArray("layers").get(0).getAsJsonObject().get("training").toString());
        assertEquals("{\"forwardMacs\":0,\"forwardFlops\":6,\"toInputMacs\":0,\"toInputFlops\":6,"
                + "\"toWeightsMacs\":0,\"toWeightsFlops\":0,\"savedBytes\":24,\"frozen\":false,"
                + "\"checkpointed\":false}",
                json.getAsJsonArray("layers").get(1).getAsJsonObject().get("training").toString());
    }

    @Test
    void theJsonReportOfTokenIdsHasTheStepsTokens() throws IOException {
        String text = report(Report.JSON, ofTokenIds());
        assertEquals(List.of(), SchemaCheck.load().violations(JsonParser.parseString(text)));
        JsonObject training = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("training");
        assertEquals(8, training.get("tokensPerStep").getAsLong()); // 2 x 4
        assertEquals(14.25, training.get("stepFlopsPerToken").getAsDouble()); // 114 / 8
    }

    @Test
    void aJsonReportWithoutTrainingHasNoneOfIt() throws IOException {
        String text = report(Report.JSON, walked("relu"));
        assertEquals(List.of(), SchemaCheck.load().violations(JsonParser.parseString(text)));
        assertThat(text).doesNotContain("\"training\"");
    }

    @Test
    void theMarkdownReportHasATrainingSectionWithATableOfFields() throws IOException {
        String md = report(Report.MARKDOWN, trained());
        assertThat(md).contains("""

                ## Training

                Batch 2, sgd_momentum, float32.

                | Training step | |
                | --- | ---: |
                | Step MACs | 48 (48): forward 24, backward 24, recompute 0 |
                | Step FLOPs | 114 (114): forward 54, backward 60, recompute 0 |
                | Trainable params | 15 |
                | Model states | 180 B: weights 60 B, gradients 60 B, master weights 0 B, optimizer state 60 B |
                | Saved activations | 56 B |
                | Activation peak | 104 B in backward at `relu` |
                | Peak memory | 284 B (model states and activation peak) |

                By field: what its layers save is each layer's own share, so a tensor two layers keep counts in each.

                | Field | Backward FLOPs | Saved for backward |
                | --- | ---: | ---: |
                | `fc` | 54 | 32 B |
                | `relu` | 6 | 24 B |

                ## Layers
                """);
        assertThat(report(Report.MARKDOWN, ofTokenIds())).contains("| Step FLOPs per token | 14.3 over 8 tokens |\n");
        assertThat(report(Report.MARKDOWN, walked("relu"))).doesNotContain("Training");
    }

    /** The fields' sums count every layer of the field: here one each. */
    @Test
    void aFieldsFiguresAreItsLayersSums() {
        NetworkAnalysis analysis = trained();
        List<TrainingConstants.Field> fields = TrainingConstants.fields(analysis, FIGURES);
        assertEquals(List.of(new TrainingConstants.Field("fc", 0, 54, 32), new TrainingConstants.Field("relu", 1, 6,
                24)), fields);
        List<FieldAnalysis> declared = analysis.fields();
        assertEquals(2, declared.size());
    }
}
