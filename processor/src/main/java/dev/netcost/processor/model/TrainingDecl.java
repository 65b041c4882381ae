package dev.netcost.processor.model;

import dev.netcost.Training;

/** {@code @Training} as written: the step's batch, optimizer, precision and attention kernel. */
public record TrainingDecl(int batch, Training.Optimizer optimizer, Training.Precision precision,
        Training.AttentionKernel attention) {
    /** {@code @Training}'s defaults but for the batch. */
    public static TrainingDecl of(int batch) {
        return new TrainingDecl(batch, Training.Optimizer.ADAMW, Training.Precision.FLOAT32,
                Training.AttentionKernel.FUSED);
    }
}
