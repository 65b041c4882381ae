package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.LayerDecl;

/**
 * One layer with its shapes and figures.
 *
 * @param decl   the declaration
 * @param op     PyTorch's name for the module, for this input ({@code Conv2d})
 * @param input  one input sample
 * @param output one output sample
 * @param cost   the figures for the network's whole batch
 */
public record LayerAnalysis(LayerDecl decl, String op, Shape input, Shape output, Cost cost) {}
