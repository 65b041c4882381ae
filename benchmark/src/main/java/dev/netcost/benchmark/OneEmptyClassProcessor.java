package dev.netcost.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The least a generating processor can do: one empty class per {@code @Network}. What javac
 * spends on top of a plain compile here is the price of any processor that generates a source
 * file (a second round of entering and annotating every class), not netcost's work. Public, so
 * that javac can load it by name from a processor path in the cold runs ({@link ColdBenchmark}).
 */
public final class OneEmptyClassProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.netcost.Network");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element network : round.getElementsAnnotatedWith(annotation)) {
                String pkg = ((PackageElement) network.getEnclosingElement()).getQualifiedName().toString();
                String name = network.getSimpleName() + "Empty";
                try (Writer out = processingEnv.getFiler()
                        .createSourceFile(pkg + "." + name, network).openWriter()) {
                    out.write("package " + pkg + ";\nfinal class " + name + " {}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }
}
