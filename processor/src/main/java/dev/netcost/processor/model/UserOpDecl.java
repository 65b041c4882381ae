package dev.netcost.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
        if (!shape.isEmpty() && layoutLost(layouts, shape.size()).isPresent()) {
            throw new IllegalArgumentException("an output of rank " + shape.size() + " cannot keep the layout "
                    + layoutLost(layouts, shape.size()).get());
        }
    }

    /** The longest name {@code @CustomOp(name = ...)} may give. */
    public static final int NAME_MAX_LENGTH = 40;

    /** A letter, then letters, digits, {@code _ . -}: what every writer prints as it is. */
    private static final Pattern PLAIN_NAME = Pattern.compile(
            "[A-Za-z][A-Za-z0-9_.-]{0," + (NAME_MAX_LENGTH - 1) + "}");

    /**
     * Whether {@code name} may name an op in the summary, the companion and the reports: a tab
     * would split a row of the companion's layer table, {@code *}{@code /} close its Javadoc,
     * {@code |} a cell of the Markdown report.
     */
    public static boolean isPlainName(String name) {
        return PLAIN_NAME.matcher(name).matches();
    }

    /**
     * The first of {@code layouts} that an output of {@code rank} cannot keep, if any. An op's
     * output keeps its input's layout, so that no axis changes meaning: {@code (16, 6)} from a
     * channels-last map would read as a channels-first 1-d map of 16 channels. A vector (rank 1)
     * has one axis, its features, whatever the input's layout, so it is taken from any.
     */
    public static Optional<Layout> layoutLost(Set<Layout> layouts, int rank) {
        for (Layout layout : Layout.values()) {
            if (layouts.contains(layout) && rank != 1 && !layout.allows(rank)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
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
        for (Attribute attr : attrs) {
            if (attr.name().equals(name)) {
                return Optional.of(attr);
            }
        }
        return Optional.empty();
    }
}
