package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.NetworkInference;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.Work;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small real networks declared in the DSL, their training step read from {@code NetworkAnalysis.training()}
 * (the processor's own reader, then inference), against PyTorch 1.13 in train mode:
 * {@code processor/src/test/resources/torch/training_end_to_end.py}, batch 2, float32. It counts every
 * tensor autograd saves (a {@code saved_tensors_hooks} pack hook, each storage once, the module's parameters
 * and buffers left out) and the backward's products (the profiler's {@code aten::mm}, {@code addmm} and
 * {@code bmm} FLOPs, 2 per MAC, less the forward's). It printed:
 *
 * <pre>
 * stem + basic block: saved 67776 B, backward products 0 FLOPs (the profiler counts no convolution)
 * pre-norm transformer block: saved 9992 B, backward products 107520 FLOPs = 53760 MACs
 * embedding (frozen) + linear: saved 768 B, backward products 3072 FLOPs = 1536 MACs
 * embedding + linear: saved 864 B (the ids, int64, 96 B, and fc's input 768 B), backward products 6144 FLOPs
 * </pre>
 *
 * Every netcost figure below is also worked out by hand.
 */
class TrainingEndToEndTest {
    /** The network's analysis, as the processor computes it for its companion. */
    static NetworkAnalysis analyze(NetworkSource source, NetworkSource... blocks) {
        List<NetworkAnalysis> seen = new ArrayList<>();
        assertThat(compile(source, seen, blocks)).succeeded();
        assertEquals(1, seen.size());
        return seen.get(0);
    }

    /** The network's analysis, whether or not it has errors. */
    static NetworkAnalysis analyzeAllowingErrors(NetworkSource source) {
        List<NetworkAnalysis> seen = new ArrayList<>();
        compile(source, seen);
        assertEquals(1, seen.size());
        return seen.get(0);
    }

    private static Compilation compile(NetworkSource source, List<NetworkAnalysis> seen, NetworkSource... blocks) {
        NetworkProcessor capturing = new NetworkProcessor(decl -> {
            NetworkAnalysis analysis = NetworkInference.analyze(decl);
            seen.add(analysis);
            return analysis;
        });
        List<javax.tools.JavaFileObject> files = new ArrayList<>();
        files.add(source.file());
        for (NetworkSource block : blocks) {
            files.add(block.file());
        }
        return javac().withProcessors(capturing).compile(files);
    }

    static TrainingFigures step(NetworkSource source, NetworkSource... blocks) {
        return analyze(source, blocks).training().orElseThrow();
    }

    /**
     * conv-bn-relu-maxpool on (3, 16, 16), then a basic block of 8 channels at (8, 8, 8). Batch 2, float32:
     * 8 bytes per element of a sample. Saved, by hand (PyTorch's list, each storage once, alike):
     * conv1 its input 768 elements, 6,144 B; bn1 its input (conv1's output, 2,048 elements) 16,384 and its
     * statistics 8C = 64 once per step; relu its output 16,384; maxpool its input (the same tensor) and its
     * int64 indices 512 * 8 * 2 = 8,192; bconv1 its input 512 elements, 4,096; bbn1 4,096 + 64; brelu1 4,096;
     * bconv2 its input (the same); bbn2 4,096 + 64; the add nothing; brelu2 4,096. Total 67,776 B = PyTorch's.
     */
    static final NetworkSource STEM = NetworkSource.of("com.example.Stem", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {3, 16, 16})
            @Training(batch = 2, optimizer = Training.Optimizer.SGD_MOMENTUM)
            class Stem {
                @Conv(out = 8, kernel = 3, padding = 1, bias = false) Layer conv1;
                @BatchNorm Layer bn1;
                @ReLU Layer relu;
                @MaxPool(kernel = 2, stride = 2) Layer maxpool;
                @Conv(out = 8, kernel = 3, padding = 1, bias = false) Layer bconv1;
                @BatchNorm Layer bbn1;
                @ReLU Layer brelu1;
                @Conv(out = 8, kernel = 3, padding = 1, bias = false) Layer bconv2;
                @BatchNorm Layer bbn2;
                @Add({"bbn2", "maxpool"}) Layer add;
                @ReLU Layer brelu2;
            }
            """);

    @Test
    void stemAndBasicBlock() {
        TrainingFigures step = step(STEM);
        assertEquals(67_776, step.savedActivationBytes());
        // Backward products (the profiler counts no convolution's, so these are by hand only): conv1, the
        // first layer, its weights' gradient, MACS = 8 * 256 * 27 = 55,296 per sample; bconv1 and bconv2 both
        // gradients, 2 * 8 * 64 * 72 = 73,728 each. (55,296 + 2 * 73,728) * 2 samples = 405,504.
        assertEquals(405_504, step.backward().macs());
        assertEquals(Work.NONE, step.layers().get(0).toInput());
    }

    /**
     * A pre-norm transformer block on T = 6 tokens of E = 16, 2 heads, MLP 32, EAGER attention (PyTorch's
     * {@code nn.MultiheadAttention(need_weights=False)} in train mode: bmm, softmax, bmm). N = 12 tokens in
     * the batch, 4 bytes each element: ln1 its input 768 B and mean and rstd 8 * 12 = 96; attn its input 768,
     * Q 768, K and V 1,536, the probabilities 2 heads * 2 * 36 * 4 = 576, O 768; the adds nothing; ln2 768 +
     * 96; fc1 its input 768; gelu its input 12 * 32 * 4 = 1,536; fc2 its input 1,536. 9,984 B. PyTorch's
     * 9,992 B hold besides the float64 scalar divisor of {@code q / sqrt(d)}, 8 B once per batch, which the
     * cost model leaves out (attention's row: "the one-element divisor ..., not counted").
     *
     * <p>Backward MACs, per the cost model's attention and linear rows: attention dO 12 * 256 = 3,072, the core
     * 4 * (2 * 36) * 16 = 4,608, dX 12 * 16 * 48 = 9,216, the projections' weights 12 * 4 * 256 = 12,288;
     * fc1 and fc2 2 * 12 * 16 * 32 = 12,288 each: 53,760 = the profiler's 107,520 / 2.
     */
    static final NetworkSource PRE_NORM = NetworkSource.of("com.example.PreNorm", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {6, 16}, inputKind = InputKind.TOKENS)
            @Training(batch = 2, attention = Training.AttentionKernel.EAGER)
            class PreNorm {
                @LayerNorm Layer ln1;
                @MultiHeadAttention(heads = 2) Layer attn;
                @Add({"attn", "input"}) Layer residual1;
                @LayerNorm Layer ln2;
                @Linear(out = 32) Layer fc1;
                @GELU Layer gelu;
                @Linear(out = 16) Layer fc2;
                @Add({"fc2", "residual1"}) Layer residual2;
            }
            """);

    @Test
    void preNormTransformerBlock() {
        TrainingFigures step = step(PRE_NORM);
        assertEquals(9_992 - 8, step.savedActivationBytes());
        assertEquals(107_520 / 2, step.backward().macs());
    }

    private static NetworkSource embedding(boolean frozen) {
        return NetworkSource.of("com.example.Embed", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6}, inputKind = InputKind.IDS)
                @Training(batch = 2)
                class Embed {
                    @Embedding(vocab = 50, dim = 16) %s Layer emb;
                    @Linear(out = 8) Layer fc;
                }
                """.formatted(frozen ? "@Frozen" : ""));
    }

    /**
     * The embedding frozen: it runs no backward and keeps nothing; fc keeps its input, 12 tokens * 16 * 4 =
     * 768 B, and computes its weights' gradient only, 12 * 16 * 8 = 1,536 MACs: PyTorch's 768 B and 3,072
     * FLOPs.
     */
    @Test
    void frozenEmbeddingThenLinear() {
        TrainingFigures step = step(embedding(true));
        assertEquals(768, step.savedActivationBytes());
        assertEquals(3_072 / 2, step.backward().macs());
    }

    /**
     * The embedding trained keeps its ids for its weight's gradient: 12 ids, int64, 96 B as PyTorch keeps
     * them, beside fc's 768 B: 864 B. fc's input gradient now runs too: 2 * 1,536 MACs, the profiler's 6,144
     * FLOPs.
     */
    @Test
    void trainedEmbeddingKeepsItsIdsAsInt64() {
        TrainingFigures step = step(embedding(false));
        assertEquals(864, step.savedActivationBytes());
        assertEquals(6_144 / 2, step.backward().macs());
    }
}
