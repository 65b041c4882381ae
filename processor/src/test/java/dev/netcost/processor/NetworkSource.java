package dev.netcost.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A test source file, with a way to find where a piece of it stands, so that a test can say
 * "the error is on {@code groups = 5}" rather than hard-code a line and column.
 */
record NetworkSource(String qualifiedName, String text) {
    static NetworkSource of(String qualifiedName, String text) {
        return new NetworkSource(qualifiedName, text);
    }

    JavaFileObject file() {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** The path compile-testing names the file by. */
    String path() {
        return "/" + qualifiedName.replace('.', '/') + ".java";
    }

    /** The 1-based line on which {@code needle} first appears; the needle must be unique. */
    long lineOf(String needle) {
        int at = uniqueIndex(needle);
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The 1-based column at which {@code needle} starts. */
    long columnOf(String needle) {
        int at = uniqueIndex(needle);
        return at - text.lastIndexOf('\n', at - 1);
    }

    private int uniqueIndex(String needle) {
        int at = text.indexOf(needle);
        if (at < 0 || text.indexOf(needle, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the source: " + needle);
        }
        return at;
    }
}
