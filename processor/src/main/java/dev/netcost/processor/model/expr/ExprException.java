package dev.netcost.processor.model.expr;

import dev.netcost.processor.model.Message;
import java.util.List;

/**
 * An expression that does not parse or does not type-check: the catalogue's message that says
 * where and why, and its values. Its {@link #getMessage} is the text; the stage that parses or
 * types frames it with what is written, as {@link Message#EXPRESSION_INVALID} does.
 */
public final class ExprException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Message reason;
    private final Object[] values;

    /** @throws IllegalArgumentException if {@code values} do not fill {@code reason}'s places */
    public ExprException(Message reason, Object... values) {
        super(reason.text(values));
        this.reason = reason;
        this.values = values.clone();
    }

    /** The catalogue's constant this error is worded by. */
    public Message reason() {
        return reason;
    }

    /** The values that fill {@link #reason}'s places, in its order. */
    public List<Object> values() {
        return List.of(values);
    }
}
