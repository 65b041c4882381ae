package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.EclipseCompilations.ecj;
import static dev.netcost.processor.EclipseCompilations.ecjPosition;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The samples ({@code samples/src/main/java}, read from the files the samples module compiles)
 * compiled by javac and by ECJ, each running netcost: the same companions and reports, byte for
 * byte, and the same lint warnings. The class files differ, as two compilers' do, and are not
 * compared.
 */
class EclipseSamplesTest {
    private static final Path SAMPLES = Path.of("..", "samples", "src", "main", "java");
    private static final Pattern NETWORK = Pattern.compile("^@Network\\(", Pattern.MULTILINE);

    private static Map<Path, String> sources;
    private static Compilation onJavac;
    private static Compilation onEcj;

    @BeforeAll
    static void compileTheSamplesWithBothCompilers() throws IOException {
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file.toAbsolutePath().normalize(), Files.readString(file));
            }
        }
        List<JavaFileObject> files = sources.keySet().stream().map(EclipseCompilations::file).toList();
        onJavac = compile(Compiler.javac(), files);
        onEcj = compile(ecj(), files);
    }

    /** As the samples module compiles them: for Java 17, every report written. */
    private static Compilation compile(Compiler compiler, List<JavaFileObject> files) {
        return compiler.withProcessors(new NetworkProcessor()).withOptions("--release", "17").compile(files);
    }

    @Test
    void bothCompilersCompileEverySample() {
        assertThat(onJavac).succeeded();
        assertThat(onEcj).succeeded();
        assertThat(sources.size()).isAtLeast(25);
    }

    /**
     * Each file with a {@code @Network} class gives its companion and its three reports, named
     * after it, and a fourth, its roofline plot, with {@code @Roofline}; nothing else is written but class files. ECJ writes each of them byte for byte as
     * javac does.
     */
    @Test
    void ecjWritesTheSameCompanionsAndReportsAsJavac() {
        TreeSet<String> expected = new TreeSet<>();
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            if (NETWORK.matcher(source.getValue()).find()) {
                String name = source.getKey().getFileName().toString().replace(".java", "");
                expected.add("/SOURCE_OUTPUT/dev/netcost/samples/" + name + "Cost.java");
                for (String report : List.of("json", "md", "dot")) {
                    expected.add("/CLASS_OUTPUT/META-INF/netcost/dev.netcost.samples." + name + "." + report);
                }
                if (source.getValue().contains("@Roofline(")) {
                    // A network with devices has its roofline plot too.
                    expected.add("/CLASS_OUTPUT/META-INF/netcost/dev.netcost.samples." + name + ".roofline.svg");
                }
            }
        }
        assertThat(expected.size()).isAtLeast(25 * 4); // the scan found the samples' networks
        Map<String, byte[]> javac = writtenBesideClasses(onJavac);
        Map<String, byte[]> eclipse = writtenBesideClasses(onEcj);
        assertThat(javac.keySet()).containsExactlyElementsIn(expected);
        assertThat(eclipse.keySet()).containsExactlyElementsIn(expected);
        for (String name : expected) {
            assertWithMessage(name).that(eclipse.get(name)).isEqualTo(javac.get(name));
        }
    }

    /** The same lint warnings, on the same line of the same file; the column as ECJ places it. */
    @Test
    void ecjGivesTheSameLintWarnings() {
        List<Diagnostic<? extends JavaFileObject>> javac = netcostWarnings(onJavac);
        List<Diagnostic<? extends JavaFileObject>> eclipse = netcostWarnings(onEcj);
        // Vgg16's classifier, left unsuppressed on purpose; the other heavy classifiers are suppressed.
        assertThat(javac).hasSize(1);
        assertThat(eclipse).hasSize(javac.size());
        for (int i = 0; i < javac.size(); i++) {
            Diagnostic<? extends JavaFileObject> j = javac.get(i);
            Diagnostic<? extends JavaFileObject> e = eclipse.get(i);
            assertThat(e.getMessage(null)).isEqualTo(j.getMessage(null));
            assertThat(path(e)).isEqualTo(path(j));
            NetworkSource.Position expected = ecjPosition(sources.get(path(j)),
                    new NetworkSource.Position(j.getLineNumber(), j.getColumnNumber()));
            assertThat(new NetworkSource.Position(e.getLineNumber(), e.getColumnNumber())).isEqualTo(expected);
        }
    }

    /**
     * ECJ knows only its own {@code @SuppressWarnings} tokens and warns about every other one,
     * each {@code "netcost:..."} string in the samples; javac says nothing. EclipseSuppressionTest
     * shows the setting that silences it.
     */
    @Test
    void ecjWarnsAboutEachNetcostSuppressionToken() {
        List<String> expected = new ArrayList<>();
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            Matcher token = Pattern.compile("\"(netcost:[a-z-]+)\"").matcher(source.getValue());
            while (token.find()) {
                String before = source.getValue().substring(0, token.start());
                expected.add(source.getKey().getFileName() + ":" + (before.chars().filter(c -> c == '\n').count() + 1)
                        + ":" + (token.start() - before.lastIndexOf('\n')) + " Unsupported @SuppressWarnings(\""
                        + token.group(1) + "\")");
            }
        }
        assertThat(expected).hasSize(4); // AlexNet, SeedAlexNet and M5's two
        List<String> warned = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : onEcj.warnings()) {
            if (!d.getMessage(null).startsWith("[netcost:")) {
                warned.add(path(d).getFileName() + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " "
                        + d.getMessage(null));
            }
        }
        assertThat(warned).containsExactlyElementsIn(expected);
        assertThat(onJavac.warnings().stream().filter(d -> !d.getMessage(null).startsWith("[netcost:")).toList())
                .isEmpty();
    }

    private static List<Diagnostic<? extends JavaFileObject>> netcostWarnings(Compilation compilation) {
        List<Diagnostic<? extends JavaFileObject>> warnings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.warnings()) {
            if (d.getMessage(null).startsWith("[netcost:")) {
                warnings.add(d);
            }
        }
        warnings.sort(Comparator.comparing((Diagnostic<? extends JavaFileObject> d) -> path(d))
                .thenComparingLong(Diagnostic::getLineNumber));
        return warnings;
    }

    private static Path path(Diagnostic<? extends JavaFileObject> diagnostic) {
        return Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize();
    }

    /** Every generated file but class files, by location and name, with its bytes. */
    private static Map<String, byte[]> writtenBesideClasses(Compilation compilation) {
        Map<String, byte[]> files = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                continue;
            }
            try (InputStream in = file.openInputStream()) {
                files.put(file.toUri().getPath(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
