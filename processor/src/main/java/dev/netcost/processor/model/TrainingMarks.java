package dev.netcost.processor.model;

/**
 * How a field takes part in a training step, as written beside it.
 *
 * @param frozen     {@code @Frozen}: its parameters, and those of every layer of its block, get no
 *     gradient
 * @param checkpoint {@code @Checkpoint}: a block use of the network whose instances' activations are
 *     recomputed in backward
 */
public record TrainingMarks(boolean frozen, boolean checkpoint) {
    public static final TrainingMarks NONE = new TrainingMarks(false, false);
}
