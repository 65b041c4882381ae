package dev.netcost.processor.infer;

import dev.netcost.processor.model.Work;

/**
 * One layer's part in a training step, for the step's whole batch, by the cost model's section
 * "Training".
 *
 * @param forward   its forward pass in training
 * @param toInput   the gradient of what it reads; none when nothing it reads requires one
 * @param toWeights the gradients of its parameters; none when it has none or they are frozen
 * @param savedBytes the bytes it keeps for backward (its own share, before tensors that several
 *     layers keep are counted once); 0 inside a checkpointed block, whose layers keep their tensors
 *     only in backward, once recomputed (what the block reads from before it, kept in the forward
 *     pass, counts only in the step's saved bytes)
 * @param frozen       whether its parameters are frozen ({@code @Frozen} on it or a block use around it)
 * @param checkpointed whether it is inside a block use marked {@code @Checkpoint}, whose forward
 *     runs again in backward
 */
public record LayerTraining(Work forward, Work toInput, Work toWeights, long savedBytes, boolean frozen,
        boolean checkpointed) {
    /** Its backward pass: both gradients. */
    public Work backward() {
        return toInput.plus(toWeights);
    }
}
