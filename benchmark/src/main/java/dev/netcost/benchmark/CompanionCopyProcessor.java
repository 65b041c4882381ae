package dev.netcost.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Writes the companions netcost wrote for these networks in an earlier compile, read from the
 * folder option {@value #FOLDER} names, and works nothing out: what javac asks to compile
 * netcost's companions when no processor's work comes before them. With it, a cold compile's cost
 * splits into javac's second round (the empty class), javac's compile of the companions, and
 * netcost's own work ({@link ColdBenchmark}).
 */
public final class CompanionCopyProcessor extends AbstractProcessor {
    /** The option naming the folder of generated sources, one file per companion. */
    static final String FOLDER = "netcost.bench.companions";

    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.netcost.Network");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(FOLDER);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written || annotations.isEmpty()) {
            return false;
        }
        Element network = round.getElementsAnnotatedWith(annotations.iterator().next()).iterator().next();
        Path folder = Path.of(processingEnv.getOptions().get(FOLDER));
        try {
            copy(folder, folder, network);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written = true;
        return false;
    }

    /**
     * Writes every source under {@code dir}, named by its path from {@code root}. A plain walk,
     * with no stream or lambda, so that the floor pays nothing netcost does not.
     */
    private void copy(Path root, Path dir, Element network) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    copy(root, entry, network);
                } else if (entry.toString().endsWith(".java")) {
                    String relative = root.relativize(entry).toString();
                    String name = relative.substring(0, relative.length() - ".java".length())
                            .replace(entry.getFileSystem().getSeparator(), ".");
                    try (Writer out = processingEnv.getFiler().createSourceFile(name, network).openWriter()) {
                        out.write(Files.readString(entry));
                    }
                }
            }
        }
    }
}
