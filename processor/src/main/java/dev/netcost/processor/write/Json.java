package dev.netcost.processor.write;

import dev.netcost.Shape;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the reports: objects with keys in the order written, arrays, strings,
 * exact integers and finite doubles, two-space indentation. Hand-written because the reports
 * need only this, and a JSON library on the processor path would be a dependency for users'
 * builds. It writes as it goes: a report of half a million layers is never held whole.
 */
final class Json {
    private final Writer out;
    /** Each shape's text: a network has few shapes, and a large one many layers. */
    private final Map<Shape, String> shapes = new HashMap<>();
    private int depth;
    private boolean first = true;
    private boolean started;

    /** @param out where the text goes; buffered by the caller, as it is written a few characters at a time */
    Json(Writer out) {
        this.out = out;
    }

    Json beginObject(String key) throws IOException {
        return open(key, '{');
    }

    Json beginArray(String key) throws IOException {
        return open(key, '[');
    }

    Json endObject() throws IOException {
        return close('}');
    }

    Json endArray() throws IOException {
        return close(']');
    }

    Json value(String key, String value) throws IOException {
        key(key);
        quote(value, out);
        return this;
    }

    Json value(String key, long value) throws IOException {
        key(key).out.write(Long.toString(value));
        return this;
    }

    Json value(String key, boolean value) throws IOException {
        key(key).out.write(Boolean.toString(value));
        return this;
    }

    Json value(String key, double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " is not finite: " + value);
        }
        key(key).out.write(Double.toString(value));
        return this;
    }

    Json value(String key, Shape shape) throws IOException {
        String text = shapes.get(shape);
        if (text == null) {
            text = array(shape);
            shapes.put(shape, text);
        }
        key(key).out.write(text);
        return this;
    }

    /** {@code [3, 224, 224]}. */
    private static String array(Shape shape) {
        StringBuilder array = new StringBuilder("[");
        long[] dims = shape.dims();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                array.append(", ");
            }
            array.append(dims[i]);
        }
        return array.append(']').toString();
    }

    Json strings(String key, List<String> values) throws IOException {
        key(key).out.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(", ");
            }
            quote(values.get(i), out);
        }
        out.write(']');
        return this;
    }

    /** Ends the document with its last line's {@code \n}. */
    void end() throws IOException {
        out.write('\n');
    }

    private Json open(String key, char bracket) throws IOException {
        key(key).out.write(bracket);
        depth++;
        first = true;
        return this;
    }

    private Json close(char bracket) throws IOException {
        depth--;
        out.write('\n');
        indent();
        out.write(bracket);
        first = false;
        return this;
    }

    /** A member's separator, indentation and key; {@code null} for an array element or the root. */
    private Json key(String key) throws IOException {
        if (started) {
            out.write(first ? "\n" : ",\n");
            indent();
        }
        started = true;
        first = false;
        if (key != null) {
            quote(key, out);
            out.write(": ");
        }
        return this;
    }

    private void indent() throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    /** {@code s} as a JSON string, quotes included. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2);
        try {
            quote(s, q);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder throws no IOException", e);
        }
        return q.toString();
    }

    /** Writes {@code s} as a JSON string, quotes included. */
    static void quote(String s, Appendable out) throws IOException {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
            };
            if (escape != null) {
                out.append(s, plain, i).append(escape);
                plain = i + 1;
            }
        }
        out.append(s, plain, s.length()).append('"');
    }
}
