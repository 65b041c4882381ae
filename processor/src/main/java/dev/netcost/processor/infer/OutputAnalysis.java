package dev.netcost.processor.infer;

import dev.netcost.Shape;
import dev.netcost.processor.model.Cost;

/**
 * One output of a network: a field marked {@code @Output}, or the last field of a network that
 * marks none.
 *
 * @param name  the field's name
 * @param node  the field's position among the network's fields
 * @param shape one sample
 * @param only  the figures of the layers that only this output needs, which no other output and
 *     no layer another output needs reads: what dropping it would save (for the whole batch)
 * @param producer who made its tensor: a layer's path, or an input's name (a field whose
 *     {@code @If} is false passes on the tensor it reads)
 */
public record OutputAnalysis(String name, int node, Shape shape, Cost only, String producer) {
    public OutputAnalysis {
        java.util.Objects.requireNonNull(producer, "producer");
    }
}
