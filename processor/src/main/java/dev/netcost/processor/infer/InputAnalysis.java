package dev.netcost.processor.infer;

import dev.netcost.InputKind;
import dev.netcost.Shape;

/**
 * One input of a network: {@code @Network(input)}, named {@code input}, or an {@code @Input} field.
 *
 * @param name  as layers read it
 * @param node  the {@code @Input} field's position among the network's fields; -1 for {@code @Network(input)}
 * @param shape one sample
 * @param kind  what it holds
 * @param bytes the whole batch in the network's dtype
 */
public record InputAnalysis(String name, int node, Shape shape, InputKind kind, long bytes) {
    /** Whether it is {@code @Network(input)} rather than a field. */
    public boolean ofNetwork() {
        return node < 0;
    }
}
