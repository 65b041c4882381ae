package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.Problem;
import java.util.List;

/**
 * What inference found for a network: every layer's shapes and figures and their totals, or
 * the problems. With problems, {@code layers} holds the layers before the first one that failed.
 *
 * @param network the declaration
 * @param input   one input sample; {@code null} when {@code @Network(input)} is invalid
 * @param layers  the analysed layers, in execution order
 * @param total   the sum of the layers' figures, for the whole batch
 * @param problems every problem found, in declaration order
 */
public record NetworkAnalysis(NetworkDecl network, Shape input, List<LayerAnalysis> layers, Cost total,
        List<Problem> problems) {
    public NetworkAnalysis {
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    /** Whether the network is valid, so that its companion can be generated. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The network's output for one sample. */
    public Shape output() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).output();
    }
}
