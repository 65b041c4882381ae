package dev.netcost.processor;

import static dev.netcost.processor.TrainingEndToEndTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.Work;
import org.junit.jupiter.api.Test;

/**
 * TrainingMemory's liveness and TrainingPass's gradients on edge cases, by the cost model's section
 * "Training", every figure by hand. All networks: input (8), batch 1, float32 (4 bytes an element), SGD.
 * Layers are numbered in execution order; with n layers, layer j's forward is at time j and its backward
 * at time 2n - 1 - j.
 */
class TrainingLivenessTest {
    private static NetworkSource net(String name, String fields) {
        return NetworkSource.of("com.example." + name, """
                package com.example;

                import dev.netcost.*;

                @Network(input = {8})
                @Training(batch = 1, optimizer = Training.Optimizer.SGD)
                class %s {
                %s
                }
                """.formatted(name, fields));
    }

    /** A unit 8 -> 16 -> 8 of two linear layers with biases. */
    static final NetworkSource UNIT = NetworkSource.of("com.example.Unit", """
            package com.example;

            import dev.netcost.*;

            @Block
            public @interface Unit {
                final class Layers {
                    @Linear(out = 16) Layer a;
                    @Linear(out = 8) Layer b;
                }
            }
            """);

    /**
     * a 8 -> 16, then two outputs o1 (4) and o2 (2, from a). Tensors: x 32 B, a 64, o1 16, o2 8. Saved: x (a's
     * input) and a (o1's and o2's) once: 96. Backward at time 3 (o2): x and a kept, both outputs' gradients
     * from the start of backward (16 + 8), a's gradient from its last reader's backward (64): 184, the peak.
     */
    @Test
    void severalOutputs() {
        TrainingFigures step = step(net("Outs", """
                @Linear(out = 16) Layer a;
                @Linear(out = 4) @Output Layer o1;
                @Linear(out = 2) @From("a") @Output Layer o2;
                """));
        assertEquals(96, step.savedActivationBytes());
        assertEquals(184, step.peak().bytes());
        assertEquals("o2", step.peak().at());
    }

    /**
     * A training-only head aux (4, from a) runs forward and backward in a step: MACs forward 128 + 64 + 32 =
     * 224; backward a's weights 128, aux's both 2 * 64, b's both 2 * 32: 320. Saved: x 32 and a 64 (aux and b
     * keep it): 96. Its gradient lives from the start of backward, as an output's: at b's backward x, a, b's
     * gradient 8, aux's 16, a's 64: 184.
     */
    @Test
    void aTrainingOnlyHeadRunsInTheStep() {
        TrainingFigures step = step(net("Aux", """
                @Linear(out = 16) Layer a;
                @Linear(out = 4) @TrainingOnly Layer aux;
                @Linear(out = 2) @From("a") Layer b;
                """));
        assertEquals(224, step.forward().macs());
        assertEquals(320, step.backward().macs());
        assertEquals(96, step.savedActivationBytes());
        assertEquals(184, step.peak().bytes());
    }

    /**
     * A dead branch (dead reads a; nothing reads dead, and it is no output) is no part of the loss: autograd
     * never runs its backward. Backward: a's weights 128, b's both 2 * 32: 192 MACs.
     */
    @Test
    void aDeadBranchRunsNoBackward() {
        TrainingFigures step = step(net("Dead", """
                @Linear(out = 16) Layer a;
                @Linear(out = 4) Layer dead;
                @Linear(out = 2) @From("a") Layer b;
                """));
        assertEquals(192, step.backward().macs());
        assertEquals(Work.NONE, step.layers().get(1).backward());
    }

    /**
     * sq = a * a keeps both factors, one tensor: a, 64 B, once. Saved: x 32 (a's input), a 64, sq 64 (b's
     * input): 160.
     */
    @Test
    void aMergeReadingOneTensorTwiceKeepsItOnce() {
        TrainingFigures step = step(net("Square", """
                @Linear(out = 16) Layer a;
                @Mul({"a", "a"}) Layer sq;
                @Linear(out = 2) Layer b;
                """));
        assertEquals(160, step.savedActivationBytes());
    }

    /**
     * @Frozen on a block use freezes both its layers: trainable only head's 8 * 4 + 4 = 36. The unit runs no
     * backward (nothing it reads needs a gradient); head computes its weights' gradient only, 32 MACs, and
     * keeps its input, the unit's output, 32 B.
     */
    @Test
    void aFrozenBlockUse() {
        TrainingFigures step = step(net("FrozenUse", """
                @Unit @Frozen Layer u;
                @Linear(out = 4) Layer head;
                """), UNIT);
        assertEquals(36, step.trainableParams());
        assertEquals(36 * 4, step.gradientBytes());
        assertEquals(32, step.backward().macs());
        assertEquals(32, step.savedActivationBytes());
        assertTrue(step.layers().get(0).frozen() && step.layers().get(1).frozen());
    }

    /**
     * Three checkpointed units; u3 reads u1's output (two instances back); add = u3 + u2. Layers u1.a (0),
     * u1.b (1), u2.a, u2.b, u3.a, u3.b, add (6): n = 7, backward of j at 13 - j. Tensors: x 32 B, A1 64, B1 32,
     * A2 64, B2 32, A3 64, B3 32, the sum 32.
     *
     * <p>Saved when the forward ends: what the instances read from before them, x and B1: 64. Recompute: each
     * unit's forward again, a 128 MACs, 256 FLOPs, b 128, 256: 768 MACs, 1,536 FLOPs.
     *
     * <p>The peak: at time 8 (u3.b's backward) x 32 and B1 32 kept by the checkpoints, A3 64 recomputed and
     * kept by u3.b, the gradients of B3 32 and B2 32 (from add's backward) and A3's 64 (u3.b makes it): 256.
     * Time 10 (u2.b) ties it (x, B1, A2 64, the gradients of B2, A2 and B1: 32 + 32 + 64 + 32 + 64 + 32); the
     * first is reported.
     */
    @Test
    void aCheckpointedInstanceReadingTwoInstancesBack() {
        TrainingFigures step = step(net("Skip", """
                @Unit @Checkpoint Layer u1;
                @Unit @Checkpoint Layer u2;
                @Unit @Checkpoint @From("u1") Layer u3;
                @Add({"u3", "u2"}) Layer add;
                """), UNIT);
        assertEquals(64, step.savedActivationBytes());
        assertEquals(new Work(768, 1_536), step.recompute());
        assertEquals(256, step.peak().bytes());
        assertEquals("u3.b", step.peak().at());
        assertTrue(step.peak().backward());
    }

    /**
     * The output head shares the embedding's table (@Tied): trainable parameters 50 * 16 = 800 once, the
     * gradient 3,200 B.
     */
    @Test
    void tiedWeightsAreTrainedOnce() {
        TrainingFigures step = step(NetworkSource.of("com.example.Lm", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6}, inputKind = InputKind.IDS)
                @Training(batch = 1, optimizer = Training.Optimizer.SGD)
                class Lm {
                    @Embedding(vocab = 50, dim = 16) Layer emb;
                    @Linear(out = 50, bias = false) @Tied("emb") Layer head;
                }
                """));
        assertEquals(800, step.trainableParams());
        assertEquals(3_200, step.gradientBytes());
    }

    /**
     * The table frozen where it is declared: PyTorch's one parameter has requires_grad False, so the tied head
     * computes no weight gradient either (it reads the embedding's output, which needs none: no backward at
     * all), and nothing is trainable.
     */
    @Test
    void aFrozenTableIsFrozenWhereverItIsTied() {
        TrainingFigures step = step(NetworkSource.of("com.example.FrozenLm", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {6}, inputKind = InputKind.IDS)
                @Training(batch = 1, optimizer = Training.Optimizer.SGD)
                class FrozenLm {
                    @Embedding(vocab = 50, dim = 16) @Frozen Layer emb;
                    @Linear(out = 50, bias = false) @Tied("emb") Layer head;
                }
                """));
        assertEquals(0, step.trainableParams());
        assertEquals(Work.NONE, step.backward());
        assertEquals(0, step.savedActivationBytes());
    }

    /**
     * A view's gradient is its input's, reshaped: one storage. Input (2, 4, 4), 128 B; conv 1 x 1 to 2
     * channels, 128 B; flatten, a view of it; fc to 3, 12 B. n = 3, times 0 to 5. The conv keeps its input x
     * to its backward (time 5); fc keeps the flattened conv output (time 3). At fc's backward (time 3): x 128,
     * the conv output 128, the output's gradient 12 and the gradient fc makes, the flattened map's, 128:
     * 396, the peak. That gradient is the conv output's too, counted once, to the conv's backward.
     */
    @Test
    void aViewsGradientIsItsInputsStorage() {
        TrainingFigures step = step(NetworkSource.of("com.example.Flat", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {2, 4, 4})
                @Training(batch = 1, optimizer = Training.Optimizer.SGD)
                class Flat {
                    @Conv(out = 2, kernel = 1) Layer conv;
                    @Flatten Layer flatten;
                    @Linear(out = 3) Layer fc;
                }
                """));
        assertEquals(396, step.peak().bytes());
        assertEquals("fc", step.peak().at());
        assertTrue(step.peak().alive().contains(new NetworkAnalysis.Named("gradient of conv", 128)),
                step.peak().alive().toString());
        assertEquals(256, step.savedActivationBytes());
    }

    /**
     * A mixture of 4 experts, top 2, on 4 tokens of 8; an expert is 8 -> 16 -> 8 without biases and a ReLU.
     * Each token runs 2 copies, so every figure inside the experts is one copy's times 2: forward up and
     * down 4 * 8 * 16 = 512 MACs each, per copy. Backward: up reads the input, which needs no gradient, so
     * its weights only, 512 * 2 = 1,024 MACs (2,048 FLOPs); the ReLU one FLOP per element, 64 * 2; down
     * both, 2,048 MACs (4,096 FLOPs); the router (its row in the cost model), dX = dS Wr and dWr, 4 * 8 * 4
     * = 128 MACs each, FLOPs 256 + the combine's w * dY 4 * 2 * 8 = 64, inside 2 * 64 + the softmax's
     * 4 * 16 = 192, and 256: 768. In all 3,328 MACs and 2,048 + 128 + 4,096 + 768 = 7,040 FLOPs.
     *
     * <p>Saved: up keeps the tokens routed to it, a copy per routed expert, 32 * 4 B * 2 = 256; the ReLU
     * its output, 64 * 4 * 2 = 512, which down keeps too; the router what it reads, the experts' outputs
     * 32 * 4 * 2 = 256 and the tokens 128, its probabilities and chosen weights (16 + 8) * 4 = 96 and its
     * int64 indices 8 * 8 = 64: 1,312. Trainable: 4 * (128 + 128) + the router's 8 * 4 = 1,056.
     */
    @Test
    void aMixtureOfExpertsCountsEachTokensCopies() {
        NetworkSource expert = NetworkSource.of("com.example.Expert", """
                package com.example;

                import dev.netcost.*;

                @Block
                public @interface Expert {
                    final class Layers {
                        @Linear(out = 16, bias = false) Layer up;
                        @ReLU Layer act;
                        @Linear(bias = false) @With(out = "in") Layer down;
                    }
                }
                """);
        TrainingFigures step = step(NetworkSource.of("com.example.Moe", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {4, 8}, inputKind = InputKind.TOKENS)
                @Training(batch = 1, optimizer = Training.Optimizer.SGD)
                class Moe {
                    @Expert @MixtureOfExperts(experts = 4, topK = 2) Layer moe;
                }
                """), expert);
        assertEquals(2 * 512 + 2 * 512 + 128, step.forward().macs()); // the router's scores 4 * 8 * 4
        assertEquals(new Work(3_328, 7_040), step.backward());
        assertEquals(1_056, step.trainableParams());
        assertEquals(1_312, step.savedActivationBytes());
    }
}
