package dev.netcost.processor.model;

import dev.netcost.Training;

/**
 * What a training step asks of one layer's backward pass.
 *
 * @param inputGradient  whether a gradient must flow to what the layer reads: false for a layer that
 *     reads only tensors no trainable parameter produced (the network's input, or what frozen layers
 *     made of it), such as the first convolution
 * @param weightGradient whether its parameters get gradients: false for a frozen layer, and for a
 *     layer with none
 * @param attention      how attention is computed, which sets what attention saves
 */
public record BackwardPass(boolean inputGradient, boolean weightGradient, Training.AttentionKernel attention) {
    /** Whether the layer runs backward at all. */
    public boolean any() {
        return inputGradient || weightGradient;
    }
}
