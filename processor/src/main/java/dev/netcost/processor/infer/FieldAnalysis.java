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
 */
public record FieldAnalysis(NodeDecl decl, String op, Shape input, Shape output, Cost cost, Traffic traffic) {}
