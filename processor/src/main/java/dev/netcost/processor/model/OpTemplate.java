package dev.netcost.processor.model;

import java.util.Map;

/**
 * A layer's op as declared: built already, when every attribute is a constant, or waiting for
 * the values of an enclosing block's parameters, when {@code @With} gives some.
 */
public sealed interface OpTemplate {
    /** An op whose attributes are all constants: the same in every use. */
    record Fixed(Computation op) implements OpTemplate {}

    /**
     * An op with attributes given by expressions, built for each block instance.
     *
     * @param values every attribute of {@code kind}, constants and expressions
     */
    record Parameterized(OpKind kind, Map<Attr, AttrValue> values) implements OpTemplate {
        public Parameterized {
            values = Map.copyOf(values);
        }
    }

    /**
     * An op you declare ({@code @CustomOp}) with attributes given by expressions, built for each
     * block instance. Its attributes are named by the user, not by {@link Attr}.
     *
     * @param values every attribute of {@code decl} by name, constants and expressions
     */
    record User(UserOpDecl decl, Map<String, AttrValue> values) implements OpTemplate {
        public User {
            values = Map.copyOf(values);
        }
    }
}
