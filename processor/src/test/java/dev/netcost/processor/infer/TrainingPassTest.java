package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.InputKind;
import dev.netcost.Training;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.TrainingDecl;
import dev.netcost.processor.model.TrainingMarks;
import dev.netcost.processor.model.Work;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A training step's figures, by the cost model's section "Training", on networks of linear layers,
 * whose rules the section states itself (a linear layer's input gradient and weight gradient are each
 * {@code R*F*Fout} MACs, 2 FLOPs each, its bias gradient {@code R*Fout} FLOPs; it keeps its input when
 * its weight needs a gradient). Every figure is worked out by hand in the test.
 */
class TrainingPassTest {
    private static final TrainingDecl SGD_MOMENTUM = new TrainingDecl(2, Training.Optimizer.SGD_MOMENTUM,
            Training.Precision.FLOAT32, Training.AttentionKernel.FUSED);

    private static NetworkDecl network(TrainingDecl training, List<NodeDecl> nodes, Map<String, BlockDecl> blocks) {
        return new NetworkDecl("com.example", List.of("Net"), List.of(8), 1, DType.FLOAT32, nodes, blocks,
                Optional.empty(), false, List.of(), "", InputKind.FEATURES, Optional.of(training));
    }

    private static LayerDecl linear(int index, String name, int out, boolean frozen) {
        return new LayerDecl(index, name, new OpTemplate.Fixed(new Linear(out, true)), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, new TrainingMarks(frozen, false));
    }

    private static TrainingFigures step(NetworkDecl network) {
        NetworkAnalysis analysis = NetworkInference.analyze(network);
        assertTrue(analysis.ok(), analysis.problems().toString());
        return analysis.training().orElseThrow();
    }

    /**
     * Two linear layers, 8 -> 16 -> 4 with biases, a step of 2 samples with SGD and momentum in float32.
     * Parameters 8*16 + 16 = 144 and 16*4 + 4 = 68: 212.
     */
    @Test
    void twoLinearLayers() {
        TrainingFigures step = step(network(SGD_MOMENTUM, List.of(linear(0, "l0", 16, false),
                linear(1, "l1", 4, false)), Map.of()));
        // Forward, per sample: MACs 128 + 64; FLOPs 16 * (2*8 - 1 + 1) = 256 and 4 * (2*16) = 128. Batch 2.
        assertEquals(new Work(384, 768), step.forward());
        // l0 reads the input, which needs no gradient: its weights only, 128 MACs, 256 FLOPs and its bias's
        // 16. l1: input gradient 64 MACs (128 FLOPs), weights 64 MACs (128 FLOPs) and its bias's 4.
        // Per sample MACs 128 + 64 + 64 = 256, FLOPs 272 + 128 + 132 = 532; batch 2.
        assertEquals(new Work(512, 1_064), step.backward());
        assertEquals(Work.NONE, step.layers().get(0).toInput());
        assertEquals(new Work(2 * 64, 2 * 128), step.layers().get(1).toInput());
        assertEquals(new Work(896, 1_832), step.step());
        assertEquals(Work.NONE, step.recompute());
        // Weights, gradients and momentum: 212 * 4 bytes each; no master copy in float32.
        assertEquals(212, step.trainableParams());
        assertEquals(848, step.weightBytes());
        assertEquals(848, step.gradientBytes());
        assertEquals(0, step.masterWeightBytes());
        assertEquals(848, step.optimizerStateBytes());
        // Saved: l0 its input (8 * 2 samples * 4 bytes = 64), l1 its input, l0's output (16 * 2 * 4 = 128).
        assertEquals(192, step.savedActivationBytes());
        assertEquals(64, step.layers().get(0).savedBytes());
        assertEquals(128, step.layers().get(1).savedBytes());
        // The peak is at l1's backward: the input (64) and l0's output (128), both still kept, the gradient
        // of the output (4 * 2 * 4 = 32) and the gradient of l0's output l1 makes (128): 352.
        assertEquals(352, step.peak().bytes());
        assertTrue(step.peak().backward());
        assertEquals("l1", step.peak().at());
        assertEquals(3 * 848 + 352, step.peakBytes());
    }

    /** The first layer frozen: it runs no backward, and nothing before l1 needs a gradient. */
    @Test
    void aFrozenFirstLayer() {
        TrainingFigures step = step(network(SGD_MOMENTUM, List.of(linear(0, "l0", 16, true),
                linear(1, "l1", 4, false)), Map.of()));
        assertEquals(Work.NONE, step.layers().get(0).backward());
        assertTrue(step.layers().get(0).frozen());
        // l1: weights only, 64 MACs, 128 + 4 FLOPs, times 2 samples.
        assertEquals(new Work(128, 264), step.backward());
        assertEquals(68, step.trainableParams());
        assertEquals(848, step.weightBytes()); // frozen weights are still held
        assertEquals(272, step.gradientBytes());
        assertEquals(272, step.optimizerStateBytes());
        // Only l1 keeps its input.
        assertEquals(128, step.savedActivationBytes());
    }

    /** AdamW in mixed precision: 2 + 2 + 4 + 4 + 4 = 16 bytes per parameter, as ZeRO counts it. */
    @Test
    void adamInMixedPrecision() {
        TrainingFigures step = step(network(new TrainingDecl(1, Training.Optimizer.ADAMW,
                Training.Precision.MIXED_BFLOAT16, Training.AttentionKernel.FUSED), List.of(linear(0, "l0", 16, false),
                linear(1, "l1", 4, false)), Map.of()));
        assertEquals(212 * 2, step.weightBytes());
        assertEquals(212 * 2, step.gradientBytes());
        assertEquals(212 * 4, step.masterWeightBytes());
        assertEquals(212 * 8, step.optimizerStateBytes());
        assertEquals(212 * 16, step.modelStateBytes());
    }

    private static NetworkDecl repeatedUnit(boolean checkpoint) {
        BlockDecl unit = new BlockDecl("com.example.Unit", "Unit", List.of(),
                List.of(linear(0, "a", 16, false), linear(1, "b", 8, false)));
        BlockUse use = new BlockUse(0, "body", unit.qualifiedName(), Map.<String, AttrValue>of(), 2, true, List.of(),
                Optional.empty(), false, Map.of(), Optional.empty(), new TrainingMarks(false, checkpoint));
        return network(new TrainingDecl(1, Training.Optimizer.SGD, Training.Precision.FLOAT32,
                Training.AttentionKernel.FUSED), List.of(use), Map.of(unit.qualifiedName(), unit));
    }

    /**
     * Two instances of a unit 8 -> 16 -> 8, one sample, in float32. Tensors: the input 8 (32 bytes),
     * body[0].a 64, body[0].b 32, body[1].a 64, body[1].b 32 (the output).
     */
    @Test
    void checkpointedInstancesKeepOnlyWhatTheyRead() {
        TrainingFigures plain = step(repeatedUnit(false));
        TrainingFigures checkpointed = step(repeatedUnit(true));
        // Forward: a 128 MACs, 16 * 16 = 256 FLOPs; b 128 MACs, 8 * 32 = 256 FLOPs; twice.
        assertEquals(new Work(512, 1_024), plain.forward());
        // Backward: body[0].a weights only (128 MACs, 256 + 16 FLOPs); the others both gradients:
        // b 128 + 128 MACs, 256 + 256 + 8 FLOPs; a 256 + 256 + 16. MACs 128 + 3 * 256 = 896;
        // FLOPs 272 + 520 + 528 + 520 = 1,840.
        assertEquals(new Work(896, 1_840), plain.backward());
        assertEquals(plain.backward(), checkpointed.backward());
        // Each instance runs its forward again.
        assertEquals(Work.NONE, plain.recompute());
        assertEquals(new Work(512, 1_024), checkpointed.recompute());
        assertEquals(new Work(1_920, 3_888), checkpointed.step());
        assertTrue(checkpointed.layers().get(3).checkpointed());
        assertFalse(plain.layers().get(3).checkpointed());
        // Saved without checkpoints: every layer's input, 32 + 64 + 32 + 64. With them: what each
        // instance reads from before it, the input and body[0].b, 32 + 32.
        assertEquals(192, plain.savedActivationBytes());
        assertEquals(64, checkpointed.savedActivationBytes());
        // The peak, at body[1].b's backward in both. Without checkpoints: the four kept tensors (192), the
        // output's gradient (32) and body[1].a's output's (64): 288. With them: the input and body[0].b kept
        // by the checkpoints (64), body[1].a's output recomputed and kept by body[1].b (64), and the same
        // two gradients (96): 224.
        assertEquals(288, plain.peak().bytes());
        assertEquals(224, checkpointed.peak().bytes());
        assertEquals("body[1].b", checkpointed.peak().at());
        assertTrue(checkpointed.peak().backward());
    }
}
