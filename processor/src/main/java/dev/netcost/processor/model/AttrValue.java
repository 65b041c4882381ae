package dev.netcost.processor.model;

import dev.netcost.processor.model.expr.Expr;

/** An attribute as declared: a constant javac resolved, or an expression from {@code @With}. */
public sealed interface AttrValue {
    /**
     * A constant: {@code Integer}, {@code List<Integer>}, {@code Boolean} or {@code Double} for
     * layer attributes; {@code Long} or {@code Boolean} for block arguments.
     */
    record Constant(Object value) implements AttrValue {}

    /** An expression over the enclosing block's parameters, with its text for messages. */
    record Expression(Expr expr, String text) implements AttrValue {}
}
