package dev.netcost.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.netcost.processor.GeneratedClasses;
import dev.netcost.processor.infer.NetworkAnalysis;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * A companion written straight from an analysis the test makes, as the write stage writes it, then
 * compiled under every lint and doclint check with warnings as errors (as StrictBuildTest compiles a
 * companion) beside the network class it is of, {@code com.example.Net}, and loaded.
 */
final class StrictCompanions {
    /** Lints and doclint at their strictest. */
    private static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Xdoclint:all", "-Werror");

    private static final JavaFileObject NETWORK = JavaFileObjects.forSourceString("com.example.Net", """
            package com.example;

            /** The network the companion is of. */
            public class Net {
                /** Not instantiated. */
                private Net() {}
            }
            """);

    private StrictCompanions() {}

    /** The companion's source, its names free of clashes. */
    static String source(NetworkAnalysis analysis) {
        CompanionNames names = CompanionNames.of(analysis);
        assertEquals(List.of(), names.clashes());
        return new CompanionWriter(null, Optional.empty(), "test").file(analysis, names, null).toString();
    }

    /** The companion, compiled without a warning, and loaded. */
    static Class<?> compiled(NetworkAnalysis analysis) throws ClassNotFoundException {
        Compilation compilation = javac().withOptions(STRICT).compile(NETWORK,
                JavaFileObjects.forSourceString("com.example.NetCost", source(analysis)));
        assertThat(compilation).succeededWithoutWarnings();
        return GeneratedClasses.load(compilation, "com.example.NetCost");
    }

    /** Whether {@code type} declares a public field {@code field}. */
    static boolean declares(Class<?> type, String field) {
        try {
            type.getField(field);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
