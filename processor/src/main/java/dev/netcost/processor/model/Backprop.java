package dev.netcost.processor.model;

/**
 * A layer's part in a training step, for one sample, by the cost model's section "Training".
 *
 * @param forwardFlops the FLOPs of its forward pass in training, which differ from inference's for
 *     the ops that behave otherwise in training (batch norm computes the batch's statistics, dropout
 *     draws and applies its mask); its forward MACs are inference's
 * @param toInput     the work of the gradient of what it reads, gradients inside the op included (the
 *     scores of attention); {@link Work#NONE} when {@link BackwardPass#inputGradient()} is false, and
 *     then any gradient inside the op that its weight gradients need is counted in {@code toWeights}
 * @param toWeights   the work of the gradients of its parameters; {@link Work#NONE} when
 *     {@link BackwardPass#weightGradient()} is false
 * @param saved       what it keeps for backward, given the same {@link BackwardPass}; nothing
 *     when it runs no backward
 */
public record Backprop(long forwardFlops, Work toInput, Work toWeights, Saved saved) {
    /** An op that computes nothing in backward and keeps nothing: a view, a reshape, a concat. */
    public static Backprop passThrough(long forwardFlops) {
        return new Backprop(forwardFlops, Work.NONE, Work.NONE, Saved.NOTHING);
    }

    public Work backward() {
        return toInput.plus(toWeights);
    }
}
