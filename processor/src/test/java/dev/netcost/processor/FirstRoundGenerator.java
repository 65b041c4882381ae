package dev.netcost.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Writes one source file in javac's first round, as a processor that generates code would: what
 * netcost reads from it (a constant, an op) does not exist before the second round.
 */
final class FirstRoundGenerator extends AbstractProcessor {
    private final String qualifiedName;
    private final String text;
    private boolean done;

    FirstRoundGenerator(String qualifiedName, String text) {
        this.qualifiedName = qualifiedName;
        this.text = text;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!done) {
            done = true;
            try (Writer w = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
                w.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
