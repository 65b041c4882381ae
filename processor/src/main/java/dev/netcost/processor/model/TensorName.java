package dev.netcost.processor.model;

import java.util.Objects;

/**
 * A tensor a layer names by an attribute, besides the input it reads: {@code @Upsample(like =
 * "input")}, whose size it takes, or {@code @CrossAttention(memory = "encoded")}, whose keys and
 * values it attends to. The attribute is kept so that a mistake in the name is placed on it.
 *
 * @param attr the attribute that names it, of kind {@link Attr.Kind#TENSOR}
 * @param name a field's name, {@link NodeDecl#INPUT}, an input's or a block's tensor parameter
 */
public record TensorName(Attr attr, String name) {
    public TensorName {
        Objects.requireNonNull(name, "name");
        if (attr.kind() != Attr.Kind.TENSOR) {
            throw new IllegalArgumentException(attr + " names no tensor");
        }
    }

    /** Named by {@code like}. */
    public static TensorName like(String name) {
        return new TensorName(Attr.LIKE, name);
    }
}
