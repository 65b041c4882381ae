package dev.netcost.processor.write;

import dev.netcost.Shape;
import java.util.List;

/**
 * A small JSON writer for the reports: objects with keys in the order written, arrays, strings,
 * exact integers and finite doubles, two-space indentation. Hand-written because the reports
 * need only this, and a JSON library on the processor path would be a dependency for users'
 * builds.
 */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    Json beginObject(String key) {
        return open(key, '{');
    }

    Json beginArray(String key) {
        return open(key, '[');
    }

    Json endObject() {
        return close('}');
    }

    Json endArray() {
        return close(']');
    }

    Json value(String key, String value) {
        return key(key).append(quote(value));
    }

    Json value(String key, long value) {
        return key(key).append(Long.toString(value));
    }

    Json value(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " is not finite: " + value);
        }
        return key(key).append(Double.toString(value));
    }

    Json value(String key, Shape shape) {
        List<String> dims = new java.util.ArrayList<>();
        for (long d : shape.dims()) {
            dims.add(Long.toString(d));
        }
        return key(key).append("[" + String.join(", ", dims) + "]");
    }

    Json strings(String key, List<String> values) {
        List<String> quoted = new java.util.ArrayList<>();
        values.forEach(v -> quoted.add(quote(v)));
        return key(key).append("[" + String.join(", ", quoted) + "]");
    }

    @Override
    public String toString() {
        return out + "\n";
    }

    private Json open(String key, char bracket) {
        key(key).append(String.valueOf(bracket));
        depth++;
        first = true;
        return this;
    }

    private Json close(char bracket) {
        depth--;
        out.append('\n').append("  ".repeat(depth)).append(bracket);
        first = false;
        return this;
    }

    /** A member's separator, indentation and key; {@code null} for an array element or the root. */
    private Json key(String key) {
        if (out.length() > 0) {
            out.append(first ? "\n" : ",\n").append("  ".repeat(depth));
        }
        first = false;
        if (key != null) {
            out.append(quote(key)).append(": ");
        }
        return this;
    }

    private Json append(String text) {
        out.append(text);
        return this;
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
