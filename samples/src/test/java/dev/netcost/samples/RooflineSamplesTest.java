package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.Hardware;
import dev.netcost.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The roofline of three samples (the cost model's section "Roofline"), each figure a calculation
 * made here by hand from the devices' data sheets and the networks' declarations, never read back
 * from netcost; then the samples' {@code LAYERS} and {@link Device}'s arithmetic are held to it, and
 * the README's section "Roofline" shows the same numbers:
 *
 * <ul>
 *   <li>Llama2_7B's decode step at 4,096 tokens of context on an A100 80 GB in float16: bounded by
 *       reading the weights and the KV cache over the memory bandwidth, every layer memory bound;
 *   <li>ResNet50Fp16 and ResNet50Fp16Batch64 on a Jetson Orin Nano and an H100: two convolutions of
 *       the last stage memory bound at batch 1 and compute bound at batch 64 on both, the classifier
 *       memory bound at batch 64, and a 3 x 3 convolution of layer1 compute bound on the Orin Nano
 *       alone at batch 1.
 * </ul>
 */
class RooflineSamplesTest {
    private static final Path README = Path.of("..", "README.md");
    /** float16. */
    private static final long B = 2;

    // ---------------------------------------------------------------- Llama-2-7B on an A100

    /** meta-llama/Llama-2-7b-hf's config.json: hidden_size, intermediate_size, vocab_size, layers. */
    private static final long E = 4_096;
    private static final long HIDDEN = 11_008;
    private static final long VOCAB = 32_000;
    private static final int BLOCKS = 32;
    /** The context: the sample's input of 4,096 token ids. */
    private static final long T = 4_096;
    /** The model card's count. */
    private static final long LLAMA_PARAMS = 6_738_415_616L;

    /** NVIDIA's A100 data sheet: "FP16 Tensor Core 312 TFLOPS", "GPU Memory Bandwidth 2,039 GB/s" (SXM). */
    private static final double A100_FLOAT16 = 312e12;
    private static final double A100_BANDWIDTH = 2.039e12;

    /**
     * One layer's share of a decode step of one sequence at context T, by the cost model's "A
     * decoder's times": its FLOPs ({@code 2 x} its decode MACs), and the elements it reads or writes:
     * its weights, the activations of the one token ({@code a}: its inputs read and its output
     * written), and what it keeps from token to token ({@code c}: the KV cache).
     */
    private record Step(String layer, long flops, long weights, long activations, long cache) {
        long bytes() {
            return B * (weights + activations + cache);
        }
    }

    /**
     * The layers of one {@code LlamaLayer} as the sample declares them, each on one new token: the
     * norms read their weight and the token and write it; the attention (no biases, 32 heads of 128,
     * as many key/value heads) projects q, k, v and out ({@code 4E^2}), scores the token against T
     * cached keys and sums T cached values ({@code 2TE}), reads the token and writes its output, and
     * reads the cache of T tokens and writes the new one's keys and values; the adds read two tokens
     * and write one; the SwiGLU MLP's products are {@code E x HIDDEN} each.
     */
    private static List<Step> block(String prefix) {
        return List.of(
                new Step(prefix + "inputNorm", 0, E, 2 * E, 0),
                new Step(prefix + "selfAttn", 2 * (4 * E * E + 2 * T * E), 4 * E * E, 2 * E, 2 * E * (T + 1)),
                new Step(prefix + "residual1", 0, 0, 3 * E, 0),
                new Step(prefix + "postAttentionNorm", 0, E, 2 * E, 0),
                new Step(prefix + "gateProj", 2 * E * HIDDEN, E * HIDDEN, E + HIDDEN, 0),
                new Step(prefix + "act", 0, 0, 2 * HIDDEN, 0),
                new Step(prefix + "upProj", 2 * E * HIDDEN, E * HIDDEN, E + HIDDEN, 0),
                new Step(prefix + "gated", 0, 0, 3 * HIDDEN, 0),
                new Step(prefix + "downProj", 2 * HIDDEN * E, HIDDEN * E, HIDDEN + E, 0),
                new Step(prefix + "residual2", 0, 0, 3 * E, 0));
    }

    /**
     * The whole step: the embedding looks up one row (it reads the id and writes the row), the 32
     * blocks, the final norm, and the untied head, {@code E x VOCAB} weights for one token.
     */
    private static List<Step> decodeStep() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("embedTokens", 0, E, 1 + E, 0));
        for (int i = 0; i < BLOCKS; i++) {
            steps.addAll(block("layers[" + i + "]."));
        }
        steps.add(new Step("norm", 0, E, 2 * E, 0));
        steps.add(new Step("lmHead", 2 * E * VOCAB, E * VOCAB, E + VOCAB, 0));
        return steps;
    }

    private static long sum(List<Step> steps, java.util.function.ToLongFunction<Step> part) {
        return steps.stream().mapToLong(part).sum();
    }

    /**
     * What the step reads and writes, summed: every parameter but the embedding table, plus its one
     * row; the KV cache of 4,096 tokens and the new token's keys and values; the token's activations.
     */
    @Test
    void llamaDecodeStepReadsTheWeightsAndTheKvCache() {
        List<Step> steps = decodeStep();
        assertEquals(BLOCKS * 10 + 3, steps.size());
        long weights = sum(steps, Step::weights);
        assertEquals(LLAMA_PARAMS - VOCAB * E + E, weights);
        assertEquals(6_607_347_712L, weights);
        assertEquals(LLAMA_PARAMS, Llama2_7BCost.PARAMS);
        assertEquals(VOCAB * E, Llama2_7BCost.EMBED_TOKENS_PARAMS);

        long cache = B * sum(steps, Step::cache);
        assertEquals(2L * BLOCKS * T * E * B + 2L * BLOCKS * E * B, cache);
        assertEquals(2_147_483_648L, 2L * BLOCKS * T * E * B);
        assertEquals(524_288, 2L * BLOCKS * E * B);
        assertEquals(2_147_483_648L, Llama2_7BCost.KV_CACHE_BYTES);
        assertEquals(524_288, Llama2_7BCost.KV_CACHE_BYTES_PER_TOKEN);

        // A block's token: 15E + 8 x HIDDEN elements; the embedding's id and row, the norm's, the head's.
        long perBlock = sum(block(""), Step::activations);
        assertEquals(15 * E + 8 * HIDDEN, perBlock);
        assertEquals(149_504, perBlock);
        long activations = sum(steps, Step::activations);
        assertEquals(BLOCKS * perBlock + (1 + E) + 2 * E + (E + VOCAB), activations);
        assertEquals(4_832_513, activations);

        assertEquals(15_372_368_386L, B * weights + cache + B * activations);
        assertEquals(15_372_368_386L, sum(steps, Step::bytes));

        // Per block 4E^2 + 2TE + 3 E HIDDEN MACs, and the head's E x VOCAB: the sample's DECODE_MACS.
        long macs = BLOCKS * (4 * E * E + 2 * T * E + 3 * E * HIDDEN) + E * VOCAB;
        assertEquals(7_680_819_200L, macs);
        assertEquals(macs, Llama2_7BCost.DECODE_MACS);
        assertEquals(2 * macs, sum(steps, Step::flops));
    }

    /**
     * The activations each layer moves per token are what the sample's declaration makes it move:
     * the prefill's {@code LAYERS} rows, at 4,096 tokens, read and write {@code T} times a token's,
     * besides their weights (the embedding reads T rows of its table, not all of it).
     */
    @Test
    void llamaLayersMoveWhatTheDeclarationSays() {
        List<String> wrong = new ArrayList<>();
        for (Step step : decodeStep()) {
            Layer layer = layer(Llama2_7BCost.LAYERS, step.layer());
            long weightsRead = step.layer().equals("embedTokens") ? T * E : step.weights();
            if (!step.layer().equals("embedTokens") && layer.params() != step.weights()) {
                wrong.add(step.layer() + ": params " + layer.params() + ", by hand " + step.weights());
            }
            long expected = B * (weightsRead + T * step.activations());
            if (layer.memoryAccessBytes() != expected) {
                wrong.add(step.layer() + ": memory access " + layer.memoryAccessBytes() + ", by hand " + expected);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Every layer of the step is memory bound on the A100: its FLOPs over 312e12 take less than its
     * bytes over 2.039e12 (its intensity is about 1 FLOP/B, the ridge point 153). So the step's
     * roofline time is its bytes over the bandwidth: 15,372,368,386 / 2,039 B/ns = 7,539,170.37 ns,
     * while its 15,361,638,400 FLOPs would take 15,361,638,400 / 312,000 FLOP/ns = 49,236.02 ns; at
     * batch 1, 1e9 / 7,539,170.37 = 132.64 tokens a second.
     */
    @Test
    void llamaDecodeStepOnTheA100IsBoundByMemory() {
        Device a100 = Hardware.A100_80GB.device();
        assertEquals(A100_FLOAT16, a100.peakFlopsPerSecond(DType.FLOAT16));
        assertEquals(A100_BANDWIDTH, a100.memoryBytesPerSecond());
        assertEquals(153.02, A100_FLOAT16 / A100_BANDWIDTH, 0.005);
        assertEquals(DType.FLOAT16, Llama2_7BCost.DTYPE);
        assertEquals(T, Llama2_7BCost.CONTEXT);

        double nanos = 0;
        for (Step step : decodeStep()) {
            double compute = step.flops() / A100_FLOAT16;
            double memory = step.bytes() / A100_BANDWIDTH;
            assertTrue(compute < memory, step.layer() + ": compute " + compute + " s, memory " + memory + " s");
            assertTrue((double) step.flops() / step.bytes() < 1.01, step.layer());
            assertEquals(Device.Bound.MEMORY, a100.bound(step.flops(), step.bytes(), DType.FLOAT16), step.layer());
            nanos += a100.nanos(step.flops(), step.bytes(), DType.FLOAT16);
        }
        assertEquals(7_539_170.37, 15_372_368_386.0 / 2_039, 0.005);
        assertEquals(49_236.02, 15_361_638_400.0 / 312_000, 0.005);
        assertEquals(7_539_170.37, nanos, 0.005);
        assertEquals(7_539_170L, Math.round(nanos));
        assertEquals(132.64, 1e9 / 7_539_170.37, 0.005);
        // The weights are 86 % of what the step moves.
        assertEquals(0.86, 13_214_695_424.0 / 15_372_368_386L, 0.005);
        // The companion's constants are that step.
        assertEquals(7_539_170L, Llama2_7BCost.A100_80GB_DECODE_NANOS);
        assertEquals(132.64, Llama2_7BCost.A100_80GB_TOKENS_PER_SECOND, 0.005);
        assertEquals(Llama2_7BCost.A100_80GB_NANOS, Llama2_7BCost.A100_80GB_PREFILL_NANOS);
        // At run time, at any context: decodeNanos(Device, long) is the constant at 4,096 tokens. At 2,048 the
        // KV cache read is 2 x 32 x 2,048 x 4,096 x 2 = 1,073,741,824 B smaller: 14,298,626,562 B / 2.039e12 B/s
        // = 7,012,568.20 ns; at 8,192 as much larger, 17,519,852,034 B: 8,592,374.71 ns (still memory bound:
        // the attention's 2 x 2 x 4,096 more FLOPs a token of context are 1 FLOP per 8 bytes of its keys).
        assertEquals(Llama2_7BCost.A100_80GB_DECODE_NANOS,
                Math.round(Llama2_7BCost.decodeNanos(Hardware.A100_80GB.device(), T)));
        assertEquals(7_012_568.20, Llama2_7BCost.decodeNanos(Hardware.A100_80GB.device(), 2_048), 0.01);
        assertEquals(8_592_374.71, Llama2_7BCost.decodeNanos(Hardware.A100_80GB.device(), 8_192), 0.01);
    }

    /**
     * Each device's constant is the run-time sum over {@code LAYERS}, {@code timeNanos(Device)}, rounded:
     * the processor and the generated code run the same arithmetic (dsl's {@code Device}) in the same
     * order. A consistency check, not a figure: the figures are held by hand above.
     */
    @Test
    void eachDevicesConstantIsTimeNanosRounded() {
        assertEquals(Llama2_7BCost.A100_80GB_NANOS, Math.round(Llama2_7BCost.timeNanos(Hardware.A100_80GB.device())));
        assertEquals(ResNet50Fp16Cost.JETSON_ORIN_NANO_NANOS,
                Math.round(ResNet50Fp16Cost.timeNanos(Hardware.JETSON_ORIN_NANO.device())));
        assertEquals(ResNet50Fp16Cost.H100_SXM_NANOS, Math.round(ResNet50Fp16Cost.timeNanos(Hardware.H100_SXM.device())));
        assertEquals(ResNet50Fp16Batch64Cost.JETSON_ORIN_NANO_NANOS,
                Math.round(ResNet50Fp16Batch64Cost.timeNanos(Hardware.JETSON_ORIN_NANO.device())));
        assertEquals(ResNet50Fp16Batch64Cost.H100_SXM_NANOS,
                Math.round(ResNet50Fp16Batch64Cost.timeNanos(Hardware.H100_SXM.device())));
        assertEquals(ResNet50Fp16Cost.H100_SXM_NANOS,
                Math.round(Hardware.H100_SXM.device().nanos(ResNet50Fp16Cost.LAYERS, DType.FLOAT16)));
    }

    /** The README's worked example shows this calculation, each number as worked out above. */
    @Test
    void readmeShowsTheLlamaDecodeStepByHand() throws IOException {
        String block = String.format(Locale.ROOT, String.join("\n",
                "weights:      (%,d - %,d x %,d + %,d) x 2 = %,d B",
                "KV cache:     2 x %d x %,d x %,d x 2 = %,d B, and the new token's 2 x %d x %,d x 2 = %,d B",
                "activations:  (%d x %,d + %,d + 2 x %,d + %,d + %,d) x 2 = %,d B",
                "bytes:        %,d B / 2.039e12 B/s = %,.2f ns",
                "FLOPs:        2 x %,d MACs = %,d / 312e12 FLOP/s = %,.2f ns",
                "decode step:  %,d ns, %.2f tokens a second at most",
                ""),
                LLAMA_PARAMS, VOCAB, E, E, 13_214_695_424L,
                BLOCKS, T, E, 2_147_483_648L, BLOCKS, E, 524_288,
                BLOCKS, 149_504, 1 + E, E, E, VOCAB, 9_665_026,
                15_372_368_386L, 7_539_170.37,
                7_680_819_200L, 15_361_638_400L, 49_236.02,
                7_539_170L, 132.64);
        assertEquals(13_214_695_424L, B * 6_607_347_712L);
        assertEquals(9_665_026, B * 4_832_513);
        assertTrue(roofline().contains("```\n" + block + "```\n"), "README.md's section Roofline should show\n" + block);
        assertTrue(roofline().contains("`E x 32,000`. The weights are 86 % of the bytes"));
    }

    // ---------------------------------------------------------------- ResNet-50 on an Orin Nano and an H100

    /**
     * NVIDIA's data sheets: the H100 SXM's float16 tensor cores 1,979 TFLOP/s with sparsity, 989.5
     * dense, and 3.35 TB/s; the Jetson Orin Nano's 20 dense int8 TOPS, so 10 TFLOP/s in float16, and
     * 68 GB/s. Ridge points: 989.5e12 / 3.35e12 = 295.37 and 10e12 / 68e9 = 147.06 FLOP/B.
     */
    private static final double H100_FLOAT16 = 989.5e12;
    private static final double H100_BANDWIDTH = 3.35e12;
    private static final double ORIN_FLOAT16 = 10e12;
    private static final double ORIN_BANDWIDTH = 68e9;

    /**
     * A layer of ResNet-50 at one batch, by hand: its weights, its FLOPs per image (a convolution
     * without bias {@code (2 K Cin - 1) Cout H W}, the cost model's seed 004; the classifier, with
     * its bias, {@code 2 I O}), its input and output elements per image; and the hand-worked
     * intensity and times (nanoseconds, to the hundredth) on the Orin Nano and the H100.
     */
    private record ResNetCase(String layer, long batch, long weights, long flopsPerImage, long in, long out,
            double intensity, Device.Bound orinBound, double orinNanos, Device.Bound h100Bound, double h100Nanos) {
        long flops() {
            return batch * flopsPerImage;
        }

        long bytes() {
            return B * (weights + batch * (in + out));
        }

        List<Layer> layers() {
            return batch == 1 ? ResNet50Fp16Cost.LAYERS : ResNet50Fp16Batch64Cost.LAYERS;
        }
    }

    private static final long CONV2_WEIGHTS = 512L * 512 * 3 * 3; // 2,359,296
    private static final long CONV2_FLOPS = (2L * 3 * 3 * 512 - 1) * 512 * 7 * 7; // 9,215 x 25,088
    private static final long CONV1_WEIGHTS = 2048L * 512; // 1,048,576
    private static final long CONV1_FLOPS = (2L * 2048 - 1) * 512 * 7 * 7; // 4,095 x 25,088
    private static final long FC_WEIGHTS = 2048L * 1000 + 1000; // 2,049,000
    private static final long FC_FLOPS = 2L * 2048 * 1000;
    private static final long STEM3X3_WEIGHTS = 64L * 64 * 3 * 3; // 36,864
    private static final long STEM3X3_FLOPS = (2L * 3 * 3 * 64 - 1) * 64 * 56 * 56; // 1,151 x 200,704

    private static final Device.Bound MEMORY = Device.Bound.MEMORY;
    private static final Device.Bound COMPUTE = Device.Bound.COMPUTE;

    /**
     * By hand, e.g. {@code layer4[2].conv2} at batch 1: 231,185,920 FLOPs and 2 x (2,359,296 + 25,088
     * + 25,088) = 4,818,944 bytes, 47.97 FLOP/B, under both ridge points; on the H100 4,818,944 / 3,350
     * B/ns = 1,438.49 ns (its FLOPs would take 231,185,920 / 989,500 = 233.64 ns). At batch 64: 64 x
     * 231,185,920 = 14,795,898,880 FLOPs, 2 x (2,359,296 + 64 x 50,176) = 11,141,120 bytes, 1,328.04
     * FLOP/B, over both; 14,795,898,880 / 989,500 = 14,952.90 ns on the H100, / 10,000 = 1,479,589.89
     * ns on the Orin Nano.
     */
    private static final List<ResNetCase> RESNET = List.of(
            new ResNetCase("layer4[2].conv2", 1, CONV2_WEIGHTS, CONV2_FLOPS, 512 * 49, 512 * 49,
                    47.97, MEMORY, 70_866.82, MEMORY, 1_438.49),
            new ResNetCase("layer4[2].conv2", 64, CONV2_WEIGHTS, CONV2_FLOPS, 512 * 49, 512 * 49,
                    1_328.04, COMPUTE, 1_479_589.89, COMPUTE, 14_952.90),
            new ResNetCase("layer4[1].conv1", 1, CONV1_WEIGHTS, CONV1_FLOPS, 2048 * 49, 512 * 49,
                    43.75, MEMORY, 34_529.88, MEMORY, 700.91),
            new ResNetCase("layer4[1].conv1", 64, CONV1_WEIGHTS, CONV1_FLOPS, 2048 * 49, 512 * 49,
                    362.19, COMPUTE, 657_506.30, COMPUTE, 6_644.83),
            new ResNetCase("fc", 64, FC_WEIGHTS, FC_FLOPS, 2048, 1000,
                    58.41, MEMORY, 66_002.12, MEMORY, 1_339.74),
            new ResNetCase("layer1[0].conv2", 1, STEM3X3_WEIGHTS, STEM3X3_FLOPS, 64 * 3136, 64 * 3136,
                    263.55, COMPUTE, 23_101.03, MEMORY, 261.65));

    @Test
    void resNetLayersByHand() {
        assertEquals(295.37, H100_FLOAT16 / H100_BANDWIDTH, 0.005);
        assertEquals(147.06, ORIN_FLOAT16 / ORIN_BANDWIDTH, 0.005);
        assertEquals(231_185_920, CONV2_FLOPS);
        assertEquals(102_735_360, CONV1_FLOPS);
        assertEquals(231_010_304, STEM3X3_FLOPS);
        for (ResNetCase c : RESNET) {
            String what = c.layer() + " at batch " + c.batch();
            double intensity = (double) c.flops() / c.bytes();
            assertEquals(c.intensity(), intensity, 0.005, what);
            double orinCompute = c.flops() * 1e9 / ORIN_FLOAT16;
            double orinMemory = c.bytes() * 1e9 / ORIN_BANDWIDTH;
            assertEquals(c.orinBound(), orinCompute > orinMemory ? COMPUTE : MEMORY, what);
            assertEquals(c.orinNanos(), Math.max(orinCompute, orinMemory), 0.005, what);
            double h100Compute = c.flops() * 1e9 / H100_FLOAT16;
            double h100Memory = c.bytes() * 1e9 / H100_BANDWIDTH;
            assertEquals(c.h100Bound(), h100Compute > h100Memory ? COMPUTE : MEMORY, what);
            assertEquals(c.h100Nanos(), Math.max(h100Compute, h100Memory), 0.005, what);
        }
        // The classifier stays memory bound while 4,096,000 N / (2 x (2,049,000 + 3,048 N)) is
        // under the ridge point: up to batch 527 on the H100 and 188 on the Orin Nano.
        assertTrue(fcIntensity(527) < H100_FLOAT16 / H100_BANDWIDTH);
        assertTrue(fcIntensity(528) > H100_FLOAT16 / H100_BANDWIDTH);
        assertTrue(fcIntensity(188) < ORIN_FLOAT16 / ORIN_BANDWIDTH);
        assertTrue(fcIntensity(189) > ORIN_FLOAT16 / ORIN_BANDWIDTH);
    }

    private static double fcIntensity(long batch) {
        return (double) (batch * FC_FLOPS) / (B * (FC_WEIGHTS + batch * (2048 + 1000)));
    }

    /**
     * The float16 samples extend {@code ResNet50}: its layers, in its order, with its weights; not its
     * {@code @Training}, which the processor reads on the class itself (it is not {@code @Inherited}),
     * so their companions have no training figures.
     */
    @Test
    void resNetFp16SamplesInheritTheLayersNotTheTraining() {
        for (List<Layer> layers : List.of(ResNet50Fp16Cost.LAYERS, ResNet50Fp16Batch64Cost.LAYERS)) {
            assertEquals(ResNet50Cost.LAYERS.stream().map(Layer::name).toList(), layers.stream().map(Layer::name).toList());
            assertEquals(ResNet50Cost.LAYERS.stream().map(Layer::params).toList(), layers.stream().map(Layer::params).toList());
        }
        assertEquals(4_089_184_256L, ResNet50Fp16Cost.MACS);
        assertEquals(64 * 4_089_184_256L, ResNet50Fp16Batch64Cost.MACS);
        assertEquals(32, ResNet50Cost.TRAINING_BATCH);
        for (Class<?> companion : List.of(ResNet50Fp16Cost.class, ResNet50Fp16Batch64Cost.class)) {
            org.junit.jupiter.api.Assertions.assertThrows(NoSuchFieldException.class,
                    () -> companion.getField("TRAINING_BATCH"), companion.getSimpleName());
        }
    }

    /** The samples' rows and {@link Device}'s arithmetic on them give what the hand gives. */
    @Test
    void resNetSamplesAndDevicesAgreeWithTheHand() {
        assertEquals(DType.FLOAT16, ResNet50Fp16Cost.DTYPE);
        assertEquals(DType.FLOAT16, ResNet50Fp16Batch64Cost.DTYPE);
        assertEquals(1, ResNet50Fp16Cost.BATCH);
        assertEquals(64, ResNet50Fp16Batch64Cost.BATCH);
        Device orin = Hardware.JETSON_ORIN_NANO.device();
        Device h100 = Hardware.H100_SXM.device();
        assertEquals(ORIN_FLOAT16, orin.peakFlopsPerSecond(DType.FLOAT16));
        assertEquals(ORIN_BANDWIDTH, orin.memoryBytesPerSecond());
        assertEquals(H100_FLOAT16, h100.peakFlopsPerSecond(DType.FLOAT16));
        assertEquals(H100_BANDWIDTH, h100.memoryBytesPerSecond());
        assertEquals(147.06, orin.ridgePoint(DType.FLOAT16), 0.005);
        assertEquals(295.37, h100.ridgePoint(DType.FLOAT16), 0.005);
        for (ResNetCase c : RESNET) {
            String what = c.layer() + " at batch " + c.batch();
            Layer layer = layer(c.layers(), c.layer());
            assertEquals(c.weights(), layer.params(), what);
            assertEquals(c.flops(), layer.flops(), what);
            assertEquals(c.bytes(), layer.memoryAccessBytes(), what);
            assertEquals(c.intensity(), layer.arithmeticIntensity(), 0.005, what);
            assertEquals(c.orinBound(), orin.bound(layer, DType.FLOAT16), what);
            assertEquals(c.orinNanos(), orin.nanos(layer, DType.FLOAT16), 0.005, what);
            assertEquals(c.h100Bound(), h100.bound(layer, DType.FLOAT16), what);
            assertEquals(c.h100Nanos(), h100.nanos(layer, DType.FLOAT16), 0.005, what);
        }
    }

    /** The README's table of these layers, each row as worked out above. */
    @Test
    void readmeShowsTheResNetLayersByHand() throws IOException {
        String section = roofline();
        for (ResNetCase c : RESNET) {
            String row = String.format(Locale.ROOT, " | %d | %,d | %,d | %,.2f | %s, %,.2f ns | %s, %,.2f ns |",
                    c.batch(), c.flops(), c.bytes(), c.intensity(), c.orinBound().name().toLowerCase(Locale.ROOT),
                    c.orinNanos(), c.h100Bound().name().toLowerCase(Locale.ROOT), c.h100Nanos());
            assertTrue(section.lines().anyMatch(line -> line.startsWith("| `" + c.layer() + "`") && line.endsWith(row)),
                    "README.md's section Roofline should have a row for " + c.layer() + " ending\n" + row);
        }
        assertTrue(section.contains("ridge points are 10e12 / 68e9 = 147.06\nFLOP/B on the Orin Nano and 989.5e12 / 3.35e12 = 295.37"));
        assertTrue(section.contains("(up to batch 527 on the H100, 188 on the Orin Nano)"));
    }

    // ---------------------------------------------------------------- the README's device table

    /**
     * The README's table of devices gives each {@code Hardware} constant's figures, as its Javadoc
     * cites them from the data sheet, and its float16 ridge point.
     */
    @Test
    void readmeDeviceTableHasEveryHardwareFigure() throws IOException {
        String section = roofline();
        for (Hardware hardware : Hardware.values()) {
            Device d = hardware.device();
            String cells = String.join(" | ", rate(d.float32FlopsPerSecond()), rate(d.float16FlopsPerSecond()),
                    rate(d.int8OpsPerSecond()), rate(d.memoryBytesPerSecond()),
                    d.onChipBytes() == 0 ? "unpublished" : String.format(Locale.ROOT, "%,d", d.onChipBytes()),
                    String.format(Locale.ROOT, "%.1f", d.float16FlopsPerSecond() / d.memoryBytesPerSecond()));
            String start = "| `" + hardware.name() + "` | ";
            List<String> rows = section.lines().filter(line -> line.startsWith(start)).toList();
            assertEquals(1, rows.size(), hardware.name() + ": " + rows);
            assertTrue(rows.get(0).contains(" | " + cells + " | "), hardware.name() + " should read " + cells + ":\n" + rows.get(0));
        }
    }

    /** {@code 989.5e12} as "989.5 T", {@code 17.068e9} as "17.068 G", 0 as "none". */
    private static String rate(double perSecond) {
        if (perSecond == 0) {
            return "none";
        }
        boolean tera = perSecond >= 1e12;
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(perSecond / (tera ? 1e12 : 1e9))
                .setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        String digits = value.scale() <= 0 ? String.format(Locale.ROOT, "%,d", value.longValueExact())
                : value.toPlainString();
        return digits + (tera ? " T" : " G");
    }

    // ---------------------------------------------------------------- helpers

    private static Layer layer(List<Layer> layers, String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer " + name));
    }

    /** The README's section "Roofline", to the next section. */
    private static String roofline() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Roofline\n");
        assertTrue(start >= 0, "README.md has no section \"## Roofline\"");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
