package dev.netcost.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A test source file, with a way to find where a piece of it stands, so that a test says
 * "the error is on the {@code 5} of {@code groups = 5}" rather than hard-coding a line and column.
 */
record NetworkSource(String qualifiedName, String text, JavaFileObject file) {
    static NetworkSource of(String qualifiedName, String text) {
        return new NetworkSource(qualifiedName, text, JavaFileObjects.forSourceString(qualifiedName, text));
    }

    /** A place in the source: 1-based, as javac reports it. */
    record Position(long line, long column) {}

    /** Where {@code target} stands inside {@code context}, which must occur exactly once. */
    Position at(String context, String target) {
        int start = text.indexOf(context);
        if (start < 0 || text.indexOf(context, start + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the source: " + context);
        }
        int offset = context.indexOf(target);
        if (offset < 0) {
            throw new IllegalArgumentException(target + " is not in " + context);
        }
        int at = start + offset;
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        long column = at - text.lastIndexOf('\n', at - 1);
        return new Position(line, column);
    }

    /** Where {@code context} starts. */
    Position at(String context) {
        return at(context, context);
    }
}
