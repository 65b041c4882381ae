package dev.netcost.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An op a user declared with {@code @CustomOp}: an annotation interface whose elements are its
 * attributes, and whose {@code @CustomOp} states its shape, its figures, its layouts and its checks
 * as expressions ({@link OpScope} says what they may read). Read once per compilation, checked at
 * its declaration; {@link UserOp} is one use of it with every attribute a value.
 *
 * @param qualifiedName the annotation interface's qualified name
 * @param simpleName    its simple name, as the user writes it at a use ({@code SqueezeExcitation})
 * @param displayName   what the summary, the companion and the reports call it
 * @param attrs         its attributes, in declaration order
 * @param layouts       the layouts it takes its input in
 * @param shape         one expression per output dimension; empty: the input's shape
 * @param figures       an expression for each of the four figures, for one sample
 * @param memory        the elements one sample reads and writes, when not the rule every op follows
 * @param checks        what makes a use invalid
 */
public record UserOpDecl(String qualifiedName, String simpleName, String displayName, List<Attribute> attrs,
        Set<Layout> layouts, List<AttrValue.Expression> shape, Map<Figure, AttrValue.Expression> figures,
        Optional<AttrValue.Expression> memory, List<Check> checks) {
    public UserOpDecl {
        attrs = List.copyOf(attrs);
        layouts = Set.copyOf(layouts);
        shape = List.copyOf(shape);
        figures = Map.copyOf(figures);
        checks = List.copyOf(checks);
        if (!figures.keySet().equals(Set.of(Figure.values()))) {
            throw new IllegalArgumentException("every figure is stated: " + figures.keySet());
        }
    }

    /**
     * An attribute: an element of the annotation interface.
     *
     * @param kind     {@link Attr.Kind#INT}, {@link Attr.Kind#INTS} or {@link Attr.Kind#BOOLEAN}
     * @param required {@code @Required}: written at each use or given by {@code @With}, its default never used
     */
    public record Attribute(String name, Attr.Kind kind, boolean required) {}

    /**
     * A condition every use must meet.
     *
     * @param attribute the attribute its error goes on at the use; empty: the annotation
     */
    public record Check(AttrValue.Expression require, String message, Optional<String> attribute) {}

    /** The four figures a declaration states, by the element that states each. */
    public enum Figure {
        PARAMS("params"),
        BUFFERS("buffers"),
        MACS("macs"),
        FLOPS("flops");

        private final String javaName;

        Figure(String javaName) {
            this.javaName = javaName;
        }

        /** The element of {@code @CustomOp} that states it. */
        public String javaName() {
            return javaName;
        }
    }

    /** {@code @SqueezeExcitation}, as messages name the op. */
    public String annotation() {
        return "@" + simpleName;
    }

    /** The attribute named {@code name}. */
    public Optional<Attribute> attr(String name) {
        return attrs.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
