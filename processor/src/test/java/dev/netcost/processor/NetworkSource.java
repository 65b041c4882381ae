package dev.netcost.processor;

import com.google.testing.compile.Compilation;
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

    /** How a test source in {@code com.example} that uses the dsl begins. */
    private static final String DSL_HEADER = "package com.example;\n\nimport dev.netcost.*;\n\n";

    /** {@code com.example.<simpleName>}: the dsl imported, then {@code declaration} (a block, a class). */
    static NetworkSource example(String simpleName, String declaration) {
        return of("com.example." + simpleName, DSL_HEADER + declaration);
    }

    /**
     * A network {@code com.example.Net} of this input shape (as written in {@code @Network}, such as
     * {@code "{8, 4, 4}"}), a field a line; its companion is {@link Compilations#companion(Compilation)}.
     */
    static NetworkSource network(String input, String... fields) {
        return example("Net", "@Network(input = " + input + ")\nclass Net {\n"
                + String.join("\n", fields).indent(4) + "}\n");
    }

    /** An op users declare, {@code com.example.Op}, with these {@code @CustomOp} arguments and this body. */
    static NetworkSource customOp(String arguments, String body) {
        return of("com.example.Op", "package com.example;\n\nimport dev.netcost.CustomOp;\n\n"
                + "@CustomOp(" + arguments + ")\npublic @interface Op {\n" + body.indent(4) + "}\n");
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
