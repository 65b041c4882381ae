package dev.netcost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles test sources with netcost and asserts on where its errors land. */
final class Compilations {
    private Compilations() {}

    static Compilation compile(NetworkSource... sources) {
        return compileWith(java.util.List.of(), sources);
    }

    /** With javac options, such as {@code -Anetcost.reports=json}. */
    static Compilation compileWith(java.util.List<String> options, NetworkSource... sources) {
        return javac().withProcessors(new NetworkProcessor()).withOptions(options)
                .compile(Arrays.stream(sources).map(NetworkSource::file).toList());
    }

    /** The companion netcost wrote for {@link NetworkSource#network}'s {@code com.example.Net}. */
    static String companion(Compilation compilation) {
        return companion(compilation, "com.example.NetCost");
    }

    /** The source of a companion netcost wrote, by its qualified name ({@code com.example.NetCost}). */
    static String companion(Compilation compilation, String qualifiedName) {
        try {
            return compilation.generatedSourceFile(qualifiedName).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of the {@code long} constant {@code name} of the companion {@code qualifiedName}, as written. */
    static long constant(Compilation compilation, String qualifiedName, String name) {
        Matcher m = LONG.matcher(companion(compilation, qualifiedName));
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2).replace("_", ""));
            }
        }
        throw new AssertionError(qualifiedName + " declares no " + name);
    }

    private static final Pattern LONG = Pattern.compile("public static final long (\\w+) = ([\\d_]+)L;");

    /** A file netcost wrote into the class output, by its path: {@code META-INF/netcost/com.example.Net.json}. */
    static String resource(Compilation compilation, String path) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow();
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts an error containing {@code message} in {@code source} at {@code position}. */
    static void assertError(Compilation compilation, NetworkSource source, String message,
            NetworkSource.Position position) {
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(source.file())
                .onLine(position.line())
                .atColumn(position.column());
    }

    /** Asserts that the compilation failed with exactly this one error. */
    static void assertOnlyError(Compilation compilation, NetworkSource source, String message,
            NetworkSource.Position position) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertError(compilation, source, message, position);
    }
}
