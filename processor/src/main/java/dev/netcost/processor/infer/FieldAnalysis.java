package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NodeDecl;

/**
 * One field of the network, a layer or a block use, with its figures: what the generated
 * per-field constants hold.
 *
 * @param op what the field is: {@code Conv2d}, {@code Bottleneck x 6}, or {@code Identity} when
 *     its {@code @If} is false
 * @param cost the parameters and buffers of its layers, and the compute of those that run at
 *     inference, or of all of them when the field runs only in training ({@code @TrainingOnly})
 */
public record FieldAnalysis(NodeDecl decl, String op, Shape input, Shape output, Cost cost, Traffic traffic) {}
