package dev.netcost.processor.infer;

import dev.netcost.processor.model.TrainingDecl;
import dev.netcost.processor.model.Work;
import java.util.List;

/**
 * The figures of one training step of a network with {@code @Training}, for the step's batch, by
 * the cost model's section "Training".
 *
 * @param declared   {@code @Training} as written
 * @param layers     each layer's part, in the order of {@link NetworkAnalysis#layers()}
 * @param forward    every layer's forward pass in training, training-only layers included
 * @param backward   every layer's backward pass
 * @param recompute  the forward passes of checkpointed blocks, run again in backward
 * @param trainableParams the parameters that get gradients: all but the frozen ones
 * @param weightBytes  every parameter and buffer, in the step's weight type
 * @param gradientBytes a gradient per trainable parameter
 * @param masterWeightBytes the float32 copy of the trainable parameters, in mixed precision
 * @param optimizerStateBytes the optimizer's states of the trainable parameters
 * @param savedActivationBytes what the forward pass has saved for backward when it ends, each
 *     tensor once
 * @param peak the activation peak over the forward and the backward pass
 */
public record TrainingFigures(TrainingDecl declared, List<LayerTraining> layers, Work forward, Work backward,
        Work recompute, long trainableParams, long weightBytes, long gradientBytes, long masterWeightBytes,
        long optimizerStateBytes, long savedActivationBytes, Peak peak) {
    public TrainingFigures {
        layers = List.copyOf(layers);
    }

    /** The step: forward, backward and recomputation. */
    public Work step() {
        return forward.plus(backward).plus(recompute);
    }

    /** Weights, gradients, master weights and optimizer state: what ZeRO calls the model states. */
    public long modelStateBytes() {
        return Math.addExact(Math.addExact(weightBytes, gradientBytes),
                Math.addExact(masterWeightBytes, optimizerStateBytes));
    }

    /** The most a step holds at once: the model states and the activation peak. */
    public long peakBytes() {
        return Math.addExact(modelStateBytes(), peak.bytes());
    }

    /**
     * The activation peak of a step.
     *
     * @param bytes    activations and gradients alive at once, at most
     * @param backward whether it is reached in the backward pass (else in the forward pass)
     * @param at       the layer where it is reached, by path ({@code input} before any layer)
     * @param alive    what is alive there, largest first: saved tensors and live activations by the
     *     layer that made them, gradients as {@code gradient of <producer>}
     */
    public record Peak(long bytes, boolean backward, String at, List<NetworkAnalysis.Named> alive) {
        public Peak {
            alive = List.copyOf(alive);
        }

        /** The pass where it is reached, as the reports say it: {@code backward} or {@code forward}. */
        public String phase() {
            return backward ? "backward" : "forward";
        }
    }
}
