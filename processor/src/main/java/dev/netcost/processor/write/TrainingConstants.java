package dev.netcost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.InputKind;
import dev.netcost.Summary;
import dev.netcost.Training;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.LayerTraining;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.model.TrainingDecl;
import dev.netcost.processor.write.CompanionNames.Own;
import dev.netcost.processor.write.CompanionNames.PerTrainingField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the write stage says of a network with {@code @Training}: the companion's constants of one
 * training step ({@code STEP_FLOPS}, {@code GRADIENT_BYTES}...) and of each network field
 * ({@code CONV1_BACKWARD_FLOPS}, {@code CONV1_SAVED_BYTES}), and the summary's block. Computes no
 * figure: a field's are the sums of its layers' from {@link TrainingFigures#layers()}.
 */
final class TrainingConstants {
    private static final ClassName STEP = ClassName.get(Summary.TrainingStep.class);
    private static final ClassName OPTIMIZER = ClassName.get(Training.Optimizer.class);
    private static final ClassName PRECISION = ClassName.get(Training.Precision.class);

    /**
     * A network field's part in the step: the sums over its layers.
     *
     * @param name          the field's name
     * @param node          its position among the network's fields
     * @param backwardFlops its layers' backward passes
     * @param savedBytes    its layers' own shares of what is saved for backward
     */
    record Field(String name, int node, long backwardFlops, long savedBytes) {}

    private TrainingConstants() {}

    /** The network's fields but its inputs, each with its layers' sums, in declaration order. */
    static List<Field> fields(NetworkAnalysis analysis, TrainingFigures training) {
        List<LayerAnalysis> layers = analysis.layers();
        if (training.layers().size() != layers.size()) {
            throw new IllegalStateException(training.layers().size() + " layers in training for " + layers.size());
        }
        Map<Integer, long[]> sums = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerTraining layer = training.layers().get(i);
            long[] sum = sums.get(layers.get(i).topNode());
            if (sum == null) {
                sum = new long[2];
                sums.put(layers.get(i).topNode(), sum);
            }
            sum[0] = Math.addExact(sum[0], layer.backward().flops());
            sum[1] = Math.addExact(sum[1], layer.savedBytes());
        }
        List<Field> fields = new ArrayList<>();
        for (FieldAnalysis field : analysis.fields()) {
            if (field.decl() instanceof InputDecl) {
                continue; // an input computes nothing, and saves nothing of its own
            }
            long[] sum = sums.getOrDefault(field.decl().index(), new long[2]);
            fields.add(new Field(field.decl().name(), field.decl().index(), sum[0], sum[1]));
        }
        return fields;
    }

    /**
     * For a network whose (first) input is token ids, the tokens of one sample, by which the summary
     * divides the step's FLOPs; 0 for any other.
     */
    static long tokens(NetworkAnalysis analysis) {
        if (!analysis.inputs().isEmpty()) {
            InputAnalysis first = analysis.inputs().get(0);
            return first.kind() == InputKind.IDS ? first.shape().numel() : 0;
        }
        return analysis.network().hasNetworkInput() && analysis.network().inputKind() == InputKind.IDS
                && analysis.input() != null ? analysis.input().numel() : 0;
    }

    /** The summary's block, at compile time, as the companion's {@code HEADER} builds it at run time. */
    static Summary.TrainingStep step(NetworkAnalysis analysis, TrainingFigures t) {
        TrainingDecl declared = t.declared();
        return new Summary.TrainingStep(declared.batch(), declared.optimizer(), declared.precision(),
                t.forward().macs(), t.forward().flops(), t.backward().macs(), t.backward().flops(),
                t.recompute().macs(), t.recompute().flops(), t.weightBytes(), t.gradientBytes(),
                t.masterWeightBytes(), t.optimizerStateBytes(), t.savedActivationBytes(), t.peak().bytes(),
                t.peak().backward(), t.peak().at(), tokens(analysis));
    }

    /** The code of {@link #step} in the companion, from its constants. */
    static CodeBlock stepCode(NetworkAnalysis analysis, TrainingFigures t) {
        TrainingDecl declared = t.declared();
        return CodeBlock.of("new $T($N, $T.$L, $T.$L,\n$>$>$N, $N, $N, $N, $N, $N,\n$N, $N, $N, $N,\n"
                + "$N, $N, $L, $S, $L)$<$<",
                STEP, Own.TRAINING_BATCH.name(), OPTIMIZER, declared.optimizer().name(), PRECISION,
                declared.precision().name(), Own.TRAINING_FORWARD_MACS.name(), Own.TRAINING_FORWARD_FLOPS.name(),
                Own.BACKWARD_MACS.name(), Own.BACKWARD_FLOPS.name(), Own.RECOMPUTE_MACS.name(),
                Own.RECOMPUTE_FLOPS.name(), Own.TRAINING_WEIGHT_BYTES.name(), Own.GRADIENT_BYTES.name(),
                Own.MASTER_WEIGHT_BYTES.name(), Own.OPTIMIZER_STATE_BYTES.name(), Own.SAVED_ACTIVATION_BYTES.name(),
                Own.TRAINING_PEAK_ACTIVATION_BYTES.name(), t.peak().backward(), t.peak().at(),
                Literals.longLiteral(tokens(analysis)));
    }

    /** Adds the step's constants; {@link PerField} adds the fields'. */
    static void add(TypeSpec.Builder type, TrainingFigures t) {
        TrainingDecl declared = t.declared();
        Training.Precision precision = declared.precision();
        String types = "{@code " + precision.name() + "}";
        String batch = "for the step's batch of " + declared.batch();
        type.addField(FieldSpec.builder(int.class, Own.TRAINING_BATCH.name(), CompanionWriter.CONSTANT)
                .addJavadoc("Samples per training step, from {@code @Training(batch)}: the training figures are for"
                        + " all of them.\n")
                .initializer("$L", declared.batch())
                .build());
        type.addField(CompanionWriter.figure(Own.TRAINING_FORWARD_MACS, t.forward().macs(), "Multiply-accumulates"
                + " of the forward pass of a training step, " + batch + ": every layer's,\ntraining-only ones"
                + " included."));
        type.addField(CompanionWriter.figure(Own.TRAINING_FORWARD_FLOPS, t.forward().flops(), "Floating-point"
                + " operations of the forward pass of a training step, " + batch + ", as\nthe cost model counts"
                + " them in training (batch norm takes the batch's statistics, dropout draws its\nmask)."));
        type.addField(CompanionWriter.figure(Own.BACKWARD_MACS, t.backward().macs(), "Multiply-accumulates of the"
                + " backward pass, " + batch + ": the gradients of what each layer\nreads (none of the network's"
                + " inputs) and of its trainable parameters."));
        type.addField(CompanionWriter.figure(Own.BACKWARD_FLOPS, t.backward().flops(), "Floating-point operations of"
                + " the backward pass, " + batch + ": 2 per multiply-accumulate of\n{@link #BACKWARD_MACS}, and the"
                + " element-wise gradients (activations, norms, pools, biases, embedding rows)."));
        type.addField(CompanionWriter.figure(Own.RECOMPUTE_MACS, t.recompute().macs(), "Multiply-accumulates of the"
                + " forward passes of {@code @Checkpoint} blocks, run again in\nbackward, " + batch + "; 0 without"
                + " checkpointing."));
        type.addField(CompanionWriter.figure(Own.RECOMPUTE_FLOPS, t.recompute().flops(), "Floating-point operations"
                + " of the forward passes of {@code @Checkpoint} blocks, run again\nin backward, " + batch + "; 0"
                + " without checkpointing."));
        type.addField(CompanionWriter.figure(Own.STEP_MACS, t.step().macs(), "Multiply-accumulates of one training"
                + " step, " + batch + ": {@link #TRAINING_FORWARD_MACS}\n+ {@link #BACKWARD_MACS} + {@link"
                + " #RECOMPUTE_MACS}. The loss and the optimizer's update are not counted."));
        type.addField(CompanionWriter.figure(Own.STEP_FLOPS, t.step().flops(), "Floating-point operations of one"
                + " training step, " + batch + ":\n{@link #TRAINING_FORWARD_FLOPS} + {@link #BACKWARD_FLOPS} +"
                + " {@link #RECOMPUTE_FLOPS}. The loss and the\noptimizer's update are not counted."));
        type.addField(CompanionWriter.figure(Own.TRAINABLE_PARAMS, t.trainableParams(), "Parameters that get"
                + " gradients: {@link #PARAMS} but the {@code @Frozen} ones."));
        type.addField(CompanionWriter.figure(Own.TRAINING_WEIGHT_BYTES, t.weightBytes(), "Bytes of every parameter"
                + " and buffer in training, in " + types + ": " + precision.bytes() + " bytes each."));
        type.addField(CompanionWriter.figure(Own.GRADIENT_BYTES, t.gradientBytes(), "Bytes of the gradients of the"
                + " trainable parameters, " + precision.bytes() + " bytes each in " + types + ", kept\nfrom the"
                + " backward pass to the optimizer's update."));
        type.addField(CompanionWriter.figure(Own.MASTER_WEIGHT_BYTES, t.masterWeightBytes(), precision.masterBytes()
                > 0 ? "Bytes of the float32 master copy of the trainable parameters that " + types + " keeps, "
                + precision.masterBytes() + "\nbytes each." : "Bytes of a float32 master copy of the trainable"
                + " parameters: 0, as " + types + " keeps none."));
        Training.Optimizer optimizer = declared.optimizer();
        type.addField(CompanionWriter.figure(Own.OPTIMIZER_STATE_BYTES, t.optimizerStateBytes(), "Bytes of the"
                + " optimizer's state, {@code " + optimizer.name() + "}: " + optimizer.states()
                + (optimizer.states() == 1 ? " copy" : " copies") + " of each trainable parameter,\n"
                + precision.stateBytes() + " bytes each."));
        type.addField(CompanionWriter.figure(Own.MODEL_STATE_BYTES, t.modelStateBytes(), "What ZeRO calls the model"
                + " states: {@link #TRAINING_WEIGHT_BYTES} + {@link #GRADIENT_BYTES}\n+ {@link #MASTER_WEIGHT_BYTES}"
                + " + {@link #OPTIMIZER_STATE_BYTES}."));
        type.addField(CompanionWriter.figure(Own.SAVED_ACTIVATION_BYTES, t.savedActivationBytes(), "Bytes of the"
                + " activations the forward pass has saved for backward when it ends, as\nPyTorch's autograd keeps"
                + " them, " + batch + ", in " + types + ": each tensor once."));
        type.addField(CompanionWriter.figure(Own.TRAINING_PEAK_ACTIVATION_BYTES, t.peak().bytes(), "The most bytes"
                + " of activations and gradients alive at once in a training step, " + batch + ":\nreached in the "
                + t.peak().phase() + " pass at {@code " + t.peak().at() + "}."));
        type.addField(CompanionWriter.figure(Own.TRAINING_PEAK_BYTES, t.peakBytes(), "The most bytes a training step"
                + " holds at once, " + batch + ": {@link #MODEL_STATE_BYTES}\n+ {@link"
                + " #TRAINING_PEAK_ACTIVATION_BYTES}; without what frameworks add (the CUDA context, the\nallocator's"
                + " fragmentation, workspaces)."));
    }

    /**
     * The constants each network field gets in a network with {@code @Training}, written after its
     * own: {@code FC_BACKWARD_FLOPS}, {@code FC_SAVED_BYTES}.
     */
    static final class PerField {
        private final Map<Integer, Field> byNode = new HashMap<>();
        private final String batch;

        private final NetworkAnalysis analysis;

        PerField(NetworkAnalysis analysis, TrainingFigures t) {
            for (Field field : fields(analysis, t)) {
                byNode.put(field.node(), field);
            }
            this.analysis = analysis;
            batch = "for the training step's batch of " + t.declared().batch();
        }

        /** Adds the constants of {@code group}, if it is a network field rather than a block instance. */
        void add(TypeSpec.Builder type, FieldConstants.Group group) {
            if (!(group.owner() instanceof CompanionNames.Field owner)) {
                return; // a block instance's part is in the reports' layer rows
            }
            Field field = byNode.get(owner.node());
            String stem = owner.stem();
            type.addField(CompanionWriter.figure(PerTrainingField.BACKWARD_FLOPS.of(stem), field.backwardFlops(),
                    "Floating-point operations of the backward pass of " + group.what() + ",\n" + batch + "."));
            boolean checkpointed = analysis.network().nodes().get(owner.node()).marks().checkpoint();
            type.addField(CompanionWriter.figure(PerTrainingField.SAVED_BYTES.of(stem), field.savedBytes(),
                    checkpointed ? "Bytes the layers of " + group.what() + " keep for backward in the forward"
                            + " pass: none,\nas a {@code @Checkpoint} block's layers keep theirs only in backward, once"
                            + " recomputed;\nthe block's input, which it keeps, counts in {@link #SAVED_ACTIVATION_BYTES}."
                    : "Bytes " + group.what() + " keeps for backward,\n" + batch + ": each layer's own share (a"
                            + " tensor two layers keep counts in each)."));
        }
    }
}
