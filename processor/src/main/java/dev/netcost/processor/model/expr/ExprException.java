package dev.netcost.processor.model.expr;

/** An expression that does not parse or does not type-check; the message says where and why. */
public final class ExprException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExprException(String message) {
        super(message);
    }
}
