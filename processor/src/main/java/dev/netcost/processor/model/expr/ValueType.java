package dev.netcost.processor.model.expr;

/** The two types an expression or a block parameter can have. */
public enum ValueType {
    INT("int"),
    BOOLEAN("boolean");

    private final String javaName;

    ValueType(String javaName) {
        this.javaName = javaName;
    }

    /** As Java spells it. */
    public String javaName() {
        return javaName;
    }

    /** {@code an int}, {@code a boolean}: for messages. */
    public String withArticle() {
        return (this == INT ? "an " : "a ") + javaName;
    }

    /** The type of a value: {@code Long} is {@code int}, {@code Boolean} is {@code boolean}. */
    public static ValueType of(Object value) {
        if (value instanceof Long) {
            return INT;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        throw new IllegalArgumentException("not an expression value: " + value);
    }
}
