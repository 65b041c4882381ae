package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;

/**
 * One use of a block, or one instance of a repeated use, with the figures of the layers inside.
 *
 * @param path  {@code layer3} for a use, {@code layer3[0]} for an instance of a repeated use
 * @param op    the block's name, or {@code Bottleneck x 6} for a repeated use
 * @param cost  the parameters and buffers of its layers, and the compute of those that run at
 *     inference, or of all of them when it runs only in training
 * @param trainingOnly whether it runs only in training
 */
public record BlockAnalysis(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic,
        boolean trainingOnly) {}
