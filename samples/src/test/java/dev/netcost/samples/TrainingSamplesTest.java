package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netcost.Layer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The training figures of three samples (the cost model's section "Training"), each against a
 * count made here by hand or by PyTorch, never read back from netcost:
 *
 * <ul>
 *   <li>ResNet50, batch 32, SGD with momentum, float32: the model states (torch's own
 *       {@code optimizer.step()}), the step's products, and the activations autograd saves
 *       ({@code samples/torch/resnet50_training.py}: {@code saved_tensors_hooks} on torchvision's
 *       resnet50 in train mode, each storage once);
 *   <li>Llama2_7B, full fine-tune with AdamW in mixed bfloat16: 16 bytes per parameter, ZeRO's
 *       count, and a {@code @Budget} of 80 GB that the fine-tune breaks;
 *   <li>Gpt2 at 1,024 tokens: the training products per token against Kaplan et al.'s {@code 6N}
 *       and nanoGPT's {@code 6N + 12LHQT} ({@code samples/torch/gpt2_training_flops.py}).
 * </ul>
 */
class TrainingSamplesTest {
    // ---------------------------------------------------------------- ResNet-50

    private static final long RESNET_BATCH = 32;
    private static final long RESNET_PARAMS = 25_557_032; // torchvision's num_params
    private static final long RESNET_BUFFERS = 53_120; // batch norms' running mean and variance

    /** Forward MACs per image of the stem's convolution: 64 x 112 x 112 outputs of 3 x 7 x 7 products. */
    private static final long STEM_CONV_MACS = 64L * 112 * 112 * 3 * 7 * 7;

    /**
     * SGD with momentum in float32: 4 bytes each of weights, gradient and momentum per parameter.
     * torch 1.13, one {@code SGD(momentum=0.9).step()} on torchvision's resnet50 (resnet50_training.py):
     * "parameters 25,557,032; weights 102,228,128 B, gradients 102,228,128 B, momentum 102,228,128 B;
     * buffers (running mean and var) 212,480 B".
     */
    @Test
    void resNet50ModelStates() {
        assertEquals(32, ResNet50Cost.TRAINING_BATCH);
        assertEquals(RESNET_PARAMS, ResNet50Cost.TRAINABLE_PARAMS);
        assertEquals(102_228_128, 4 * RESNET_PARAMS);
        assertEquals(4 * RESNET_PARAMS, ResNet50Cost.GRADIENT_BYTES);
        assertEquals(4 * RESNET_PARAMS, ResNet50Cost.OPTIMIZER_STATE_BYTES);
        assertEquals(0, ResNet50Cost.MASTER_WEIGHT_BYTES);
        // The weights with the buffers, as PARAM_BYTES: (25,557,032 + 53,120) x 4 = 102,440,608.
        assertEquals(102_440_608, ResNet50Cost.TRAINING_WEIGHT_BYTES);
        assertEquals(102_440_608 + 2 * 102_228_128, ResNet50Cost.MODEL_STATE_BYTES);
    }

    /**
     * Products. Forward: the inference MACs (torchvision's 4.089 GFLOPS, 4,089,184,256 exactly)
     * times 32. Backward: every convolution and the classifier compute an input gradient and a
     * weight gradient, each as many products as their forward; the stem's convolution reads the
     * images, which need no gradient, so it computes only its weight gradient. No product without
     * weights (no attention), no checkpoint.
     */
    @Test
    void resNet50StepProducts() {
        long forward = RESNET_BATCH * 4_089_184_256L;
        assertEquals(130_853_896_192L, forward);
        assertEquals(forward, ResNet50Cost.TRAINING_FORWARD_MACS);
        long stemInputGradient = RESNET_BATCH * STEM_CONV_MACS; // 32 x 118,013,952 = 3,776,446,464
        assertEquals(3_776_446_464L, stemInputGradient);
        assertEquals(2 * forward - stemInputGradient, ResNet50Cost.BACKWARD_MACS);
        assertEquals(257_931_345_920L, ResNet50Cost.BACKWARD_MACS);
        assertEquals(0, ResNet50Cost.RECOMPUTE_MACS);
        assertEquals(0, ResNet50Cost.RECOMPUTE_FLOPS);
        assertEquals(3 * forward - stemInputGradient, ResNet50Cost.STEP_MACS);
        assertEquals(388_785_242_112L, ResNet50Cost.STEP_MACS);
        // Backward products are 2 FLOPs per MAC, and every other backward FLOP is element-wise work:
        // the batch norms', the ReLUs', the pools', the adds' and the classifier's bias, 32 x 1,000.
        assertTrue(ResNet50Cost.BACKWARD_FLOPS > 2 * ResNet50Cost.BACKWARD_MACS + RESNET_BATCH * 1_000);
    }

    /**
     * FLOPs. Forward in training: inference's (8,206,316,544 per image, ZooFiguresTest's count) but
     * batch norm, which computes the batch's statistics, 5 FLOPs per element instead of a scale and
     * shift's 2. Backward: 2 per MAC, and the element-wise gradients by the cost model's rows: batch
     * norm 4 to its input and 5 to its scale and shift per element (every batch norm reads what a
     * convolution with weights made), ReLU 1, max pool one per output (200,704), the global pool one
     * per input (2,048 x 7 x 7), the classifier's bias one per output (1,000), the adds none.
     * Elements per image: the batch norms' 802,816 in the stem and, per bottleneck of width w and
     * out o, {@code w h^2 + w h'^2 + o h'^2} (+ {@code o h'^2} with a downsample); the ReLUs' the same
     * but the downsample's.
     */
    @Test
    void resNet50StepFlops() {
        long norms = 802_816;
        long relus = 802_816;
        int in = 64;
        long size = 56;
        int[][] stages = {{64, 256, 3, 1}, {128, 512, 4, 2}, {256, 1024, 6, 2}, {512, 2048, 3, 2}};
        for (int[] stage : stages) {
            for (int i = 0; i < stage[2]; i++) {
                long after = size / (i == 0 ? stage[3] : 1);
                long maps = (long) stage[0] * size * size + (long) stage[0] * after * after + (long) stage[1] * after * after;
                norms += maps + (i == 0 && (stage[3] != 1 || in != stage[1]) ? (long) stage[1] * after * after : 0);
                relus += maps;
                in = stage[1];
                size = after;
            }
        }
        assertEquals(11_113_984, norms);
        assertEquals(9_608_704, relus);
        long b = RESNET_BATCH;
        assertEquals(b * (8_206_316_544L + 3 * norms), ResNet50Cost.TRAINING_FORWARD_FLOPS);
        long elementWise = 9 * norms + relus + 200_704 + 2048 * 7 * 7 + 1000;
        assertEquals(2 * ResNet50Cost.BACKWARD_MACS + b * elementWise, ResNet50Cost.BACKWARD_FLOPS);
        assertEquals(519_380_663_552L, 2 * 257_931_345_920L + b * elementWise);
    }

    /**
     * What the forward pass has saved when it ends, each tensor once, by the cost model's "What
     * each op saves" and as PyTorch saves it: torch 1.13, saved_tensors_hooks on torchvision 0.14's
     * resnet50 in train mode at batch 32 (resnet50_training.py), "whole network, batch 32:
     * 2,749,316,608 B saved, 212 storages".
     *
     * <p>By hand, per image, in float32 elements: the image (3 x 224 x 224 = 150,528, conv1's
     * input); conv1's output (bn1's input) and relu's (maxpool's input), 2 x 802,816; maxpool's
     * output (layer1[0]'s conv1's and downsample's input) 200,704; then each bottleneck, of width w,
     * out o, input h x h and output h' x h', saves conv1's and relu1's outputs (2 w h^2), conv2's and
     * relu2's (2 w h'^2), conv3's and relu3's (2 o h'^2), and the downsample's where there is one
     * (o h'^2); its input is its predecessor's relu3 output, saved already. The classifier saves the
     * pooled 2,048 features. Fixed: maxpool's int64 indices, 200,704 x 8 bytes per image, and each
     * batch norm's float32 mean and inverse standard deviation, 2 x 4 bytes per channel for the
     * batch, 53,120 channel statistics in all (as many as the running statistics).
     */
    @Test
    void resNet50SavedActivations() {
        long floats = 150_528 + 2 * 802_816 + 200_704;
        long channels = 64; // the stem's batch norm
        int in = 64;
        long size = 56;
        int[][] stages = {{64, 256, 3, 1}, {128, 512, 4, 2}, {256, 1024, 6, 2}, {512, 2048, 3, 2}};
        for (int[] stage : stages) {
            long width = stage[0];
            int out = stage[1];
            for (int i = 0; i < stage[2]; i++) {
                long stride = i == 0 ? stage[3] : 1;
                long after = size / stride;
                floats += 2 * width * size * size + 2 * width * after * after + 2L * out * after * after;
                channels += 2 * width + out;
                if (stride != 1 || in != out) {
                    floats += (long) out * after * after;
                    channels += out;
                }
                in = out;
                size = after;
            }
        }
        floats += 2048;
        assertEquals(21_075_968, floats); // resnet50_training.py: "21,075,968 floats"
        assertEquals(RESNET_BUFFERS / 2, channels);
        long bytes = RESNET_BATCH * (4 * floats + 8 * 200_704) + 2 * 4 * channels;
        assertEquals(2_749_316_608L, bytes); // resnet50_training.py: "2,749,316,608 B saved"
        assertEquals(bytes, ResNet50Cost.SAVED_ACTIVATION_BYTES);
    }

    /**
     * The peak is at the first backward step that holds two gradients of layer4's last maps: relu3's
     * (at the backward of layer4[2].relu3) its output's gradient and its input's, 32 x 2,048 x 7 x 7
     * x 4 = 12,845,056 bytes each, beside everything saved but the classifier's input (32 x 2,048 x 4
     * = 262,144 bytes), freed by the classifier's backward.
     */
    @Test
    void resNet50ActivationPeak() {
        long gradient = RESNET_BATCH * 2048 * 7 * 7 * 4;
        long peak = 2_749_316_608L - RESNET_BATCH * 2048 * 4 + 2 * gradient;
        assertEquals(2_774_744_576L, peak);
        assertEquals(peak, ResNet50Cost.TRAINING_PEAK_ACTIVATION_BYTES);
        assertEquals(ResNet50Cost.MODEL_STATE_BYTES + ResNet50Cost.TRAINING_PEAK_ACTIVATION_BYTES,
                ResNet50Cost.TRAINING_PEAK_BYTES);
    }

    /**
     * The stem and layer1[0], layer by layer, from the JSON report's rows ({@code training}: the
     * forward's MACs, {@code toInput} and {@code toWeights}, MACs and FLOPs, and the bytes each layer
     * keeps, its own share). By hand at batch 32, by the cost model's rows:
     *
     * <ul>
     *   <li>a convolution: each gradient as many MACs as its forward, 2 FLOPs each, no bias; the
     *       stem's none to its input (the images need no gradient); it keeps its input;
     *   <li>batch norm: to its input {@code 4 * numel} FLOPs, to its scale and shift {@code 5 * numel};
     *       it keeps its input and a float32 mean and inverse standard deviation per channel;
     *   <li>ReLU: {@code numel} FLOPs, keeps its output; max pool: {@code numel(output)}, keeps its
     *       input and int64 indices per output element; the add: nothing.
     * </ul>
     *
     * PyTorch's saved tensors, per module (resnet50_training.py at batch 32): conv1 the images
     * 19,267,584 B; bn1 its input 102,760,448 B and two (64,) float32, 256 B each; relu its output
     * 102,760,448 B; maxpool int64 indices 51,380,224 B (its input is relu's output, saved already);
     * layer1.0.conv1 maxpool's output 25,690,112 B; bn1 and bn2 25,690,112 B and 2 x 256 B each; the
     * ReLUs 25,690,112, 25,690,112 and 102,760,448 B; bn3 and the downsample's batch norm 102,760,448 B
     * and 2 x 1,024 B each; "stem: 276,169,216 B; layer1[0]: 436,737,024 B".
     */
    @Test
    void resNet50StemAndFirstBottleneckLayerByLayer() throws IOException {
        java.util.Map<String, JsonObject> rows = new java.util.HashMap<>();
        for (JsonElement row : report("ResNet50").getAsJsonArray("layers")) {
            rows.put(row.getAsJsonObject().get("path").getAsString(), row.getAsJsonObject().getAsJsonObject("training"));
        }
        long b = RESNET_BATCH;
        long stemMap = b * 64 * 112 * 112; // 25,690,112 elements
        long pooled = b * 64 * 56 * 56; // 6,422,528
        long wide = b * 256 * 56 * 56; // 25,690,112
        // The batch's mean and inverse std, float32, 2 x 4 bytes per channel, once for the batch.
        long stats64 = 2 * 64 * 4;
        long stats256 = 2 * 256 * 4;

        expect(rows, "conv1", b * STEM_CONV_MACS, 0, 0, b * STEM_CONV_MACS, 2 * b * STEM_CONV_MACS, b * 3 * 224 * 224 * 4);
        expect(rows, "bn1", 0, 0, 4 * stemMap, 0, 5 * stemMap, 4 * stemMap + stats64);
        expect(rows, "relu", 0, 0, stemMap, 0, 0, 4 * stemMap);
        expect(rows, "maxpool", 0, 0, pooled, 0, 0, 4 * stemMap + 8 * pooled);

        long c1 = b * 64 * 56 * 56 * 64; // 411,041,792
        long c2 = b * 64 * 56 * 56 * 64 * 9; // 3,699,376,128
        long c3 = b * 256 * 56 * 56 * 64; // 1,644,167,168
        assertEquals(411_041_792, c1);
        assertEquals(3_699_376_128L, c2);
        assertEquals(1_644_167_168, c3);
        expect(rows, "layer1[0].conv1", c1, c1, 2 * c1, c1, 2 * c1, 4 * pooled);
        expect(rows, "layer1[0].bn1", 0, 0, 4 * pooled, 0, 5 * pooled, 4 * pooled + stats64);
        expect(rows, "layer1[0].relu1", 0, 0, pooled, 0, 0, 4 * pooled);
        expect(rows, "layer1[0].conv2", c2, c2, 2 * c2, c2, 2 * c2, 4 * pooled);
        expect(rows, "layer1[0].bn2", 0, 0, 4 * pooled, 0, 5 * pooled, 4 * pooled + stats64);
        expect(rows, "layer1[0].relu2", 0, 0, pooled, 0, 0, 4 * pooled);
        expect(rows, "layer1[0].conv3", c3, c3, 2 * c3, c3, 2 * c3, 4 * pooled);
        expect(rows, "layer1[0].bn3", 0, 0, 4 * wide, 0, 5 * wide, 4 * wide + stats256);
        expect(rows, "layer1[0].downsample", c3, c3, 2 * c3, c3, 2 * c3, 4 * pooled);
        expect(rows, "layer1[0].downsampleBn", 0, 0, 4 * wide, 0, 5 * wide, 4 * wide + stats256);
        expect(rows, "layer1[0].add", 0, 0, 0, 0, 0, 0);
        expect(rows, "layer1[0].relu3", 0, 0, wide, 0, 0, 4 * wide);
        // Each tensor once: the stem keeps the images, bn1's input, relu's output and the indices;
        // layer1[0] maxpool's output and its own seven maps; the statistics.
        assertEquals(276_169_216, b * 4 * 3 * 224 * 224 + 2 * 4 * stemMap + 8 * pooled + stats64);
        assertEquals(436_737_024, 4 * (pooled + 4 * pooled + 3 * wide) + 2 * stats64 + 2 * stats256);
    }

    /** One layer's training figures, as the report's row has them. */
    private static void expect(java.util.Map<String, JsonObject> rows, String path, long forwardMacs, long toInputMacs,
            long toInputFlops, long toWeightsMacs, long toWeightsFlops, long savedBytes) {
        JsonObject row = rows.get(path);
        assertTrue(row != null, path + ": no training figures in the report");
        String figures = path + ": " + row;
        assertEquals(forwardMacs, row.get("forwardMacs").getAsLong(), figures);
        assertEquals(toInputMacs, row.get("toInputMacs").getAsLong(), figures);
        assertEquals(toInputFlops, row.get("toInputFlops").getAsLong(), figures);
        assertEquals(toWeightsMacs, row.get("toWeightsMacs").getAsLong(), figures);
        assertEquals(toWeightsFlops, row.get("toWeightsFlops").getAsLong(), figures);
        assertEquals(savedBytes, row.get("savedBytes").getAsLong(), figures);
    }

    private static JsonObject report(String network) throws IOException {
        String path = "META-INF/netcost/dev.netcost.samples." + network + ".json";
        try (java.io.InputStream in = TrainingSamplesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, path);
            return JsonParser.parseString(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }

    // ---------------------------------------------------------------- LLaMA-2-7B

    private static final long LLAMA_PARAMS = 6_738_415_616L; // the ZeRO paper's and the model card's count
    private static final long LLAMA_TOKENS = 4096;

    /** AdamW in mixed precision, ZeRO's 2 + 2 + 4 + 4 + 4 = 16 bytes per parameter. */
    @Test
    void llama2_7BModelStates() {
        assertEquals(1, Llama2_7BCost.TRAINING_BATCH);
        assertEquals(LLAMA_PARAMS, Llama2_7BCost.TRAINABLE_PARAMS);
        assertEquals(2 * LLAMA_PARAMS, Llama2_7BCost.TRAINING_WEIGHT_BYTES); // bfloat16; no buffers
        assertEquals(2 * LLAMA_PARAMS, Llama2_7BCost.GRADIENT_BYTES);
        assertEquals(4 * LLAMA_PARAMS, Llama2_7BCost.MASTER_WEIGHT_BYTES);
        assertEquals(2 * 4 * LLAMA_PARAMS, Llama2_7BCost.OPTIMIZER_STATE_BYTES);
        assertEquals(107_814_649_856L, 16 * LLAMA_PARAMS);
        assertEquals(107_814_649_856L, Llama2_7BCost.MODEL_STATE_BYTES);
        assertTrue(Llama2_7BCost.TRAINING_PEAK_BYTES > 107_814_649_856L);
    }

    /**
     * Products of one sequence of 4,096 tokens. Forward: every weight once per token, 32 x (4 x
     * 4,096^2 + 3 x 4,096 x 11,008) + 32,000 x 4,096, and per layer the scores and weighted sum,
     * 2 x 4,096^2 x 4,096 (the cost model counts the whole square, causal or not). Backward: twice
     * the forward's products (the embedding is a lookup: its gradient adds rows, no product; the
     * first layer with products reads what the embedding made, which needs a gradient), and the
     * fused attention kernel computes the scores a third time in backward (FlashAttention's
     * backward: S = QK^T again, then dV, dP, dQ, dK, five products of T^2 d against the forward's
     * two), 4,096^2 x 4,096 per layer.
     */
    @Test
    void llama2_7BStepProducts() {
        long weights = 32 * (4L * 4096 * 4096 + 3L * 4096 * 11_008) + 32_000L * 4096;
        long attention = 32 * 2L * LLAMA_TOKENS * LLAMA_TOKENS * 4096;
        long forward = LLAMA_TOKENS * weights + attention;
        assertEquals(forward, Llama2_7BCost.TRAINING_FORWARD_MACS);
        long recomputedScores = attention / 2;
        assertEquals(2 * forward + recomputedScores, Llama2_7BCost.BACKWARD_MACS);
        // @Checkpoint on the 32 layers: their forward again, all but the head's 4,096 x 4,096 x 32,000.
        long layers = LLAMA_TOKENS * 32 * (4L * 4096 * 4096 + 3L * 4096 * 11_008) + attention;
        assertEquals(30_923_764_531_200L, layers);
        assertEquals(layers, Llama2_7BCost.RECOMPUTE_MACS);
        assertEquals(3 * forward + recomputedScores + layers, Llama2_7BCost.STEP_MACS);
    }

    /** A (4,096, 4,096) map in bfloat16, 33,554,432 bytes, and one of the MLP's (4,096, 11,008). */
    private static final long MAP = LLAMA_TOKENS * 4096 * 2;
    private static final long MLP_MAP = LLAMA_TOKENS * 11_008 * 2;

    /**
     * Saved when the forward pass ends: each checkpointed layer only its input (32 maps); the final
     * RMSNorm its input and a float32 rstd per token; the head its input; the embedding its ids,
     * 4,096 int64 indices, 8 bytes each, as PyTorch keeps them.
     */
    @Test
    void llama2_7BSavedWithCheckpoints() {
        long saved = 32 * MAP + MAP + 4 * LLAMA_TOKENS + MAP + 8 * LLAMA_TOKENS;
        assertEquals(1_140_899_840L, saved);
        assertEquals(saved, Llama2_7BCost.SAVED_ACTIVATION_BYTES);
    }

    /**
     * The peak: in the backward of the last layer, recomputed, at its {@code gated} product, whose
     * backward needs both its factors. Alive there: the 32 layers' inputs and the ids (as saved); the
     * last layer's recomputed tensors whose backward has not run (inputNorm's rstd; attention's input,
     * Q, K, V, O and the float32 log-sum-exp, 32 heads x 4,096 rows x 4 bytes; postAttentionNorm's input
     * and rstd; the MLP's input, shared by gateProj and upProj; SiLU's input; the product's two
     * factors; downProj's input, the product's output, is freed by downProj's backward); and the
     * gradients: residual1's output's (read by postAttentionNorm's backward still to come), the
     * product's output's and its two factors'.
     */
    @Test
    void llama2_7BActivationPeak() {
        long checkpoints = 32 * MAP + 8 * LLAMA_TOKENS;
        long lastLayer = 4 * LLAMA_TOKENS + 5 * MAP + 4L * 32 * 4096 + MAP + 4 * LLAMA_TOKENS + MAP + 3 * MLP_MAP;
        long gradients = MAP + 3 * MLP_MAP;
        long peak = checkpoints + lastLayer + gradients;
        assertEquals(1_883_832_320L, peak);
        assertEquals(peak, Llama2_7BCost.TRAINING_PEAK_ACTIVATION_BYTES);
        assertEquals(107_814_649_856L + peak, Llama2_7BCost.TRAINING_PEAK_BYTES);
    }

    /**
     * {@code @Budget(maxTrainingMemoryBytes = 80_000_000_000L)} on the fine-tune: a compile error on
     * the limit's value. javac runs here on the budget's file (src/test/budget, compiled by no build)
     * beside Llama2_7B's and its block's sources, with netcost, as the README shows it.
     */
    @Test
    void aFineTuneOver80GBFailsTheBuild() throws IOException {
        Path example = Path.of("src", "test", "budget", "Llama2_7BOn80GB.java");
        List<Diagnostic<? extends JavaFileObject>> errors = errors(example,
                Path.of("src", "main", "java", "dev", "netcost", "samples", "Llama2_7B.java"),
                Path.of("src", "main", "java", "dev", "netcost", "samples", "blocks", "LlamaLayer.java"));
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        // The figures of llama2_7BModelStates and llama2_7BActivationPeak: 107,814,649,856 +
        // 1,883,832,320 = 109,698,482,176, over 80,000,000,000 by 29,698,482,176, 37.1 %.
        assertEquals("[netcost:budget] TRAINING_PEAK_BYTES = 109,698,482,176 is over maxTrainingMemoryBytes ="
                + " 80,000,000,000 by 29,698,482,176 (37.1 %); model states 107,814,649,856 (weights 13,476,831,232,"
                + " gradients 13,476,831,232, master weights 26,953,662,464, optimizer state 53,907,324,928, for"
                + " ADAMW in MIXED_BFLOAT16) and activations 1,883,832,320 at the backward of layers[31].gated",
                error.getMessage(Locale.ROOT));
        assertEquals(example.toAbsolutePath().normalize(), Path.of(error.getSource().toUri()));
        List<String> lines = Files.readAllLines(example);
        int line = lines.indexOf("@Budget(maxTrainingMemoryBytes = 80_000_000_000L)") + 1;
        assertEquals(line, error.getLineNumber());
        assertEquals(lines.get(line - 1).indexOf("80_000_000_000L") + 1, error.getColumnNumber());
        // The README shows this error as javac prints it, and the example as it is compiled here.
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("samples/src/test/budget/Llama2_7BOn80GB.java:" + line + ": error: "
                + error.getMessage(Locale.ROOT) + "\n" + lines.get(line - 1) + "\n"),
                "README.md's section Training no longer shows the error javac prints");
        String declaration = String.join("\n", lines.subList(line - 1, lines.size())).strip();
        assertTrue(readme.contains(declaration), "README.md's section Training no longer shows " + example);
    }

    /** The README's training block of ResNet50's summary is the one its companion prints. */
    @Test
    void theReadmeShowsResNet50sTrainingBlock() throws IOException {
        String summary = ResNet50Cost.summary();
        String block = summary.substring(summary.indexOf("Training:"), summary.indexOf("\n",
                summary.indexOf("Step peak:")) + 1);
        assertTrue(Files.readString(Path.of("..", "README.md")).contains("```\n" + block + "```\n"),
                "README.md's section Training should show\n" + block);
    }

    /**
     * LoRA of rank 16 on the MLP's three projections, everything else frozen. Adapters per layer:
     * gate and up {@code E*r + r*H} each, down {@code H*r + r*E}: {@code r * (3E + 3H)} = 16 x 45,312 =
     * 724,992, times 32 layers = 23,199,744 trainable. Model states: every weight at 2 bytes, the
     * trainable ones 2 + 4 + 4 + 4 more.
     */
    @Test
    void llama2_7BLoraModelStates() {
        long adapters = 32 * 16L * (3 * 4096 + 3 * 11_008);
        assertEquals(23_199_744, adapters);
        assertEquals(LLAMA_PARAMS + adapters, Llama2_7BLoraCost.PARAMS);
        assertEquals(adapters, Llama2_7BLoraCost.TRAINABLE_PARAMS);
        assertEquals(2 * (LLAMA_PARAMS + adapters), Llama2_7BLoraCost.TRAINING_WEIGHT_BYTES);
        assertEquals(2 * adapters, Llama2_7BLoraCost.GRADIENT_BYTES);
        assertEquals(4 * adapters, Llama2_7BLoraCost.MASTER_WEIGHT_BYTES);
        assertEquals(8 * adapters, Llama2_7BLoraCost.OPTIMIZER_STATE_BYTES);
        assertEquals(13_848_027_136L, 2 * (LLAMA_PARAMS + adapters) + 14 * adapters);
        assertEquals(13_848_027_136L, Llama2_7BLoraCost.MODEL_STATE_BYTES);
    }

    /**
     * Backward per token, E = 4,096, H = 11,008, r = 16, T = 4,096. The embedding is frozen, so the
     * first layer's input needs no gradient: its norms, attention and frozen projections compute
     * nothing; gateLoraA and upLoraA only their weights' gradients (E*r each), the B's both (2*r*H
     * each); downProj reads the product, which the adapters made, so it computes its input gradient
     * (H*E) and downLoraA and downLoraB both of theirs (2*H*r, 2*r*E). Every later layer: the frozen
     * weights their input gradients only (attention 4E^2 and its core, fused, 5*T*E; the MLP 3*E*H),
     * the adapters both, {@code 2 * r * (3E + 3H)}. The frozen head its input gradient, V*E; the frozen
     * embedding nothing.
     */
    @Test
    void llama2_7BLoraBackward() {
        long e = 4096;
        long h = 11_008;
        long r = 16;
        long firstLayer = 2 * e * r + 2 * 2 * r * h + h * e + 2 * h * r + 2 * r * e;
        assertEquals(46_407_680, firstLayer);
        long laterLayer = 4 * e * e + 5 * LLAMA_TOKENS * e + 3 * e * h + 2 * r * (3 * e + 3 * h);
        assertEquals(287_711_232, laterLayer);
        long perToken = firstLayer + 31 * laterLayer + 32_000 * e;
        assertEquals(LLAMA_TOKENS * perToken, Llama2_7BLoraCost.BACKWARD_MACS);
        // The checkpointed layers' forward again: 4E^2 + 2TE + 3EH + r(3E + 3H) per token and layer.
        long layerForward = 4 * e * e + 2 * LLAMA_TOKENS * e + 3 * e * h + r * (3 * e + 3 * h);
        assertEquals(LLAMA_TOKENS * 32 * layerForward, Llama2_7BLoraCost.RECOMPUTE_MACS);
        assertEquals(LLAMA_TOKENS * (32 * layerForward + 32_000 * e), Llama2_7BLoraCost.TRAINING_FORWARD_MACS);
        // Saved: the 32 layers' inputs, the final norm's input and rstd; the frozen head keeps nothing
        // (its input gradient needs its weights), nor the frozen embedding (its ids serve its weights).
        assertEquals(33 * MAP + 4 * LLAMA_TOKENS, Llama2_7BLoraCost.SAVED_ACTIVATION_BYTES);
    }

    // ---------------------------------------------------------------- GPT-2

    private static final long GPT2_PARAMS = 124_439_808;
    private static final long LAYERS = 12;
    private static final long WIDTH = 768;
    private static final long VOCAB = 50_257;
    private static final long CONTEXT = 1024;
    private static final long HEADS = 12;
    private static final long HEAD_WIDTH = 64;

    /** AdamW, bfloat16 autocast: 16 bytes per parameter, the tied embedding once. */
    @Test
    void gpt2ModelStates() {
        assertEquals(12, Gpt2Cost.TRAINING_BATCH);
        assertEquals(GPT2_PARAMS, Gpt2Cost.TRAINABLE_PARAMS);
        assertEquals(16 * GPT2_PARAMS, Gpt2Cost.MODEL_STATE_BYTES);
    }

    /**
     * Training FLOPs per token against the two published rules, by gpt2_training_flops.py (torch
     * 1.13, modules of Hugging Face's GPT-2 shapes): "Kaplan's N (no embeddings) 85,056,000; of which
     * weight matrices 84,934,656 (12 * L * E^2 = 84,934,656), biases and layer norms 121,344 /
     * 6N = 510,336,000 FLOPs per token / nanoGPT's N 123,653,376: 6N = 741,920,256, 12LHQT =
     * 113,246,208, 6N + 12LHQT = 855,166,464 FLOPs per token / forward MACs per token 142,406,400".
     *
     * <p>netcost's products per token, at 2 FLOPs per MAC: the forward's 142,406,400 MACs (each
     * layer's four projections 4E^2 and MLP 2 x 4E^2, the tied head VE, the scores and weighted sum
     * 2TE) three times (forward, input gradient, weight gradient; nothing skips: the first layer,
     * wte, reads token ids and has no products), and the fused kernel's scores once more in backward,
     * LTE = 9,437,184: 436,656,384 MACs, 873,312,768 FLOPs per token. Against nanoGPT's rule: the same
     * 6 x (matrices + wte) and 12LHQT, plus the recomputed scores (2LTE = 18,874,368), less the
     * 6 x 121,344 = 728,064 that nanoGPT counts for biases and layer norms as if they were products
     * (netcost counts them as element-wise FLOPs). Against Kaplan's 6N: plus the head's 6VE =
     * 231,584,256 (Kaplan's N leaves the embedding out, though the tied head computes with it), the
     * attention's 12LTE and the recomputed 2LTE, less the same 728,064.
     */
    @Test
    void gpt2ProductsPerTokenAgainst6N() {
        long matrices = LAYERS * 12 * WIDTH * WIDTH;
        long normsAndBiases = LAYERS * (2 * 2 * WIDTH + 3 * WIDTH + WIDTH + 4 * WIDTH + WIDTH) + 2 * WIDTH;
        long wte = VOCAB * WIDTH;
        long wpe = CONTEXT * WIDTH;
        assertEquals(GPT2_PARAMS, matrices + normsAndBiases + wte + wpe);
        long kaplanN = GPT2_PARAMS - wte - wpe;
        assertEquals(85_056_000, kaplanN);
        long nanoGptN = GPT2_PARAMS - wpe;
        assertEquals(123_653_376, nanoGptN);
        long nanoGptAttention = 12 * LAYERS * HEADS * HEAD_WIDTH * CONTEXT;
        assertEquals(510_336_000, 6 * kaplanN);
        assertEquals(855_166_464, 6 * nanoGptN + nanoGptAttention);

        long forwardPerToken = LAYERS * (4 * WIDTH * WIDTH + 2 * 4 * WIDTH * WIDTH + 2 * CONTEXT * WIDTH) + wte;
        assertEquals(142_406_400, forwardPerToken);
        long recomputedScores = LAYERS * CONTEXT * WIDTH;
        long stepPerToken = 3 * forwardPerToken + recomputedScores;
        assertEquals(436_656_384, stepPerToken);
        long tokens = Gpt2Cost.TRAINING_BATCH * CONTEXT;
        assertEquals(stepPerToken * tokens, Gpt2Cost.STEP_MACS);
        assertEquals(0, Gpt2Cost.RECOMPUTE_MACS); // no @Checkpoint: the kernel's recomputation is backward's

        long productFlops = 2 * stepPerToken;
        assertEquals(873_312_768, productFlops);
        assertEquals(6 * nanoGptN + nanoGptAttention + 2 * recomputedScores - 6 * normsAndBiases, productFlops);
        assertEquals(6 * kaplanN + 6 * wte + nanoGptAttention + 2 * recomputedScores - 6 * normsAndBiases,
                productFlops);
    }

    /**
     * The rest of a step's FLOPs per token, element-wise work by the cost model's rows, E = 768,
     * 4E = 3,072, h = 12 heads, T = 1,024 scores per query row.
     *
     * <p>Forward in training: wpe's add E; dropout 3E (a compare, the mask, the scale) after the
     * embeddings and twice per layer; per layer two layer norms 5E each, attention's softmax 3hT and
     * its four projections' biases 4E (the linear layers' biases are inside their 2 FLOPs per MAC,
     * {@code 2 * I * O}), two residual adds E each, GELU 4 x 4E; the final norm 5E; the head has no
     * bias, so its dot products are {@code (2E - 1)} FLOPs, V = 50,257 fewer than 2 per MAC.
     * Per layer 66,048; in all 768 + 2,304 + 12 x 66,048 + 3,840 - 50,257 = 749,231.
     *
     * <p>Backward: per layer dropout 2E twice, layer norms 8E to the input and 5E to scale and shift
     * twice, GELU 11 x 4E, the biases' gradients of fc1 and fc2 4E + E and of attention's projections
     * 4E, the fused kernel's softmax 6 per score (dS, and P = exp(S - lse) again), the adds none: per
     * layer 137,472; the final norm 13E, the first dropout 2E, wte's and wpe's weight gradients E each
     * (a row added per token): 13E + 12 x 137,472 + 2E + 2E = 1,662,720.
     *
     * <p>Not counted (the cost model's section Training): the loss, the optimizer, and the add that
     * joins the tied weight's two gradients (the head's and wte's), V x E = 38,597,376 FLOPs a step.
     */
    @Test
    void gpt2StepFlopsPerToken() throws IOException {
        long e = WIDTH;
        long perLayerForward = 5 * e + 3 * HEADS * CONTEXT + 4 * e + 3 * e + e + 5 * e + 4 * 4 * e + 3 * e + e;
        assertEquals(66_048, perLayerForward);
        long forward = e + 3 * e + LAYERS * perLayerForward + 5 * e - VOCAB;
        assertEquals(749_231, forward);
        long perLayerBackward = 2 * 2 * e + 2 * (8 * e + 5 * e) + 11 * 4 * e + 4 * e + e + 4 * e + 6 * HEADS * CONTEXT;
        assertEquals(137_472, perLayerBackward);
        long backward = 13 * e + LAYERS * perLayerBackward + 2 * e + 2 * e;
        assertEquals(1_662_720, backward);
        long tokens = Gpt2Cost.TRAINING_BATCH * CONTEXT;
        long forwardPerToken = 2 * 142_406_400 + forward;
        assertEquals(285_562_031, forwardPerToken);
        assertEquals(forwardPerToken * tokens, Gpt2Cost.TRAINING_FORWARD_FLOPS);
        long perToken = 873_312_768 + forward + backward;
        assertEquals(875_724_719, perToken);
        assertEquals(perToken * tokens, Gpt2Cost.STEP_FLOPS);
        JsonObject training = report("Gpt2").getAsJsonObject("training");
        assertEquals(12_288, training.get("tokensPerStep").getAsLong());
        assertEquals(875_724_719.0, training.get("stepFlopsPerToken").getAsDouble());
    }

    // ---------------------------------------------------------------- javac on an example

    /** The errors javac and netcost give on {@code sources}, checked only ({@code -proc:only}). */
    private static List<Diagnostic<? extends JavaFileObject>> errors(Path... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Processor> processors = new ArrayList<>();
        ServiceLoader.load(Processor.class, TrainingSamplesTest.class.getClassLoader()).forEach(processors::add);
        assertEquals(1, processors.size(), "netcost's processor on the test class path");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path scratch = Files.createTempDirectory("netcost-training");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:only", "-Anetcost.reports=none", "-classpath", dslJar().toString(),
                    "-s", scratch.toString(), "-d", scratch.toString());
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(List.of(sources)));
            task.setProcessors(processors);
            task.call();
        } finally {
            try (var walk = Files.walk(scratch)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .<Diagnostic<? extends JavaFileObject>>map(d -> d).toList();
    }

    private static Path dslJar() {
        try {
            return Path.of(Layer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
