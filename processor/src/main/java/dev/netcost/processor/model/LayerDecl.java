package dev.netcost.processor.model;

import java.util.Objects;

/**
 * One declared layer: the field's name, its position in execution order, and its op.
 *
 * @param index position in declaration order, from 0
 * @param name  the field's name
 * @param op    what the field's annotation declares
 */
public record LayerDecl(int index, String name, Op op) {
    public LayerDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
    }

    /** The stem of this layer's generated constants: {@code convBlock1} gives {@code CONV_BLOCK1}. */
    public String constantStem() {
        return ConstantNames.stem(name);
    }
}
