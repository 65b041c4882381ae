package dev.netcost.processor;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.MalformedURLException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Compiles test sources with netcost on ECJ, the Eclipse compiler that Eclipse and VS Code's Java
 * tooling run annotation processors through, as {@link Compilations} does on javac.
 */
final class EclipseCompilations {
    private EclipseCompilations() {}

    /** ECJ for compile-testing; its diagnostics come back through compile-testing as javac's do. */
    static Compiler ecj() {
        return Compiler.compiler(new Quiet(new EclipseCompiler()));
    }

    /**
     * The sources written to files under {@code dir}, in their packages' folders. ECJ reads a
     * source's text from the file its URI names, so compile-testing's in-memory sources, whose URIs
     * are relative, make it fail ("URI has an authority component").
     */
    static List<JavaFileObject> onDisk(Path dir, List<NetworkSource> sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (NetworkSource source : sources) {
            Path file = dir.resolve(source.qualifiedName().replace('.', '/') + ".java");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.text());
                files.add(file(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** A source file already on disk. */
    static JavaFileObject file(Path file) {
        try {
            return JavaFileObjects.forResource(file.toAbsolutePath().normalize().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(file.toString(), e);
        }
    }

    /** {@code name = } just before a value: ECJ's place for what javac reports on the value. */
    private static final Pattern NAME_BEFORE_VALUE = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*=\\s*$");

    /**
     * Where ECJ reports a diagnostic that javac reports on {@code target} inside {@code context}.
     * javac places a diagnostic on an annotation value on the value itself; ECJ places it on the
     * name of the attribute: {@code groups} rather than the {@code 2} of {@code groups = 2}. A value
     * written without a name ({@code @From("relu")}, {@code @Repeat(0)}) and an annotation as a
     * whole are where javac puts them.
     */
    static NetworkSource.Position ecjPosition(NetworkSource source, String context, String target) {
        return ecjPosition(source.text(), source.at(context, target));
    }

    /** Where ECJ reports, in a file of this text, what javac reports at {@code javac}. */
    static NetworkSource.Position ecjPosition(String text, NetworkSource.Position javac) {
        Matcher name = NAME_BEFORE_VALUE.matcher(text.substring(0, offset(text, javac)));
        if (!name.find()) {
            return javac;
        }
        int nameOffset = name.start(1);
        String before = text.substring(0, nameOffset);
        long line = before.chars().filter(c -> c == '\n').count() + 1;
        long column = nameOffset - before.lastIndexOf('\n');
        return new NetworkSource.Position(line, column);
    }

    private static int offset(String text, NetworkSource.Position position) {
        int lineStart = 0;
        for (long line = 1; line < position.line(); line++) {
            lineStart = text.indexOf('\n', lineStart) + 1;
        }
        return lineStart + (int) position.column() - 1;
    }

    /**
     * ECJ with somewhere to print its own report. Given no writer, ECJ prints every problem a
     * second time to {@code System.err} in its batch compiler's format; compile-testing gives none,
     * and reads the problems from the diagnostic listener anyway.
     */
    private record Quiet(JavaCompiler ecj) implements JavaCompiler {
        @Override
        public CompilationTask getTask(Writer out, JavaFileManager fileManager,
                DiagnosticListener<? super JavaFileObject> diagnosticListener, Iterable<String> options,
                Iterable<String> classes, Iterable<? extends JavaFileObject> compilationUnits) {
            return ecj.getTask(out == null ? new StringWriter() : out, fileManager, diagnosticListener, options,
                    classes, compilationUnits);
        }

        @Override
        public StandardJavaFileManager getStandardFileManager(DiagnosticListener<? super JavaFileObject> listener,
                Locale locale, Charset charset) {
            return ecj.getStandardFileManager(listener, locale, charset);
        }

        @Override
        public int isSupportedOption(String option) {
            return ecj.isSupportedOption(option);
        }

        @Override
        public int run(java.io.InputStream in, java.io.OutputStream out, java.io.OutputStream err,
                String... arguments) {
            return ecj.run(in, out, err, arguments);
        }

        @Override
        public Set<SourceVersion> getSourceVersions() {
            return ecj.getSourceVersions();
        }
    }
}
