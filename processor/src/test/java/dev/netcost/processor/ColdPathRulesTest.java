package dev.netcost.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules the processor's code follows so that a cold compile, javac in a fresh JVM as Maven and
 * the command line run it, pays little for netcost (docs/architecture.md, "Cold builds"). Each is
 * read from the class files javac made of the processor and the DSL, so that a lambda slipped into any class,
 * on whatever path, fails here rather than a build later.
 */
class ColdPathRulesTest {
    /**
     * A lambda or method reference: its first call spins a class at run time, through
     * {@code LambdaMetafactory}, in code the JIT then compiles too; a loop or a named class costs nothing
     * of the kind.
     */
    private static final String LAMBDA = "java/lang/invoke/LambdaMetafactory";
    /**
     * A string concatenation through {@code invokedynamic}: its first run links a method handle chain
     * per call site. The processor is compiled with {@code -XDstringConcat=inline} instead.
     */
    private static final String CONCAT = "java/lang/invoke/StringConcatFactory";

    @Test
    void noClassOfTheProcessorOrTheDslSpinsLambdasOrLinksConcatenations() throws IOException, URISyntaxException {
        List<String> offenders = new ArrayList<>();
        // The DSL's classes run inside the processor too: Summary renders every summary.
        for (Class<?> of : List.of(NetworkProcessor.class, dev.netcost.Network.class)) {
            Path classes = Path.of(of.getProtectionDomain().getCodeSource().getLocation().toURI());
            int read = 0;
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    read++;
                    // The bootstrap's class is named in the constant pool as modified UTF-8, which for
                    // these ASCII names is their bytes: present exactly when the class has such a call site.
                    String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String bootstrap : List.of(LAMBDA, CONCAT)) {
                        if (pool.contains(bootstrap)) {
                            offenders.add(classes.relativize(file) + " (" + bootstrap + ")");
                        }
                    }
                }
            }
            assertWithMessage("class files read from %s", classes).that(read).isGreaterThan(50);
        }
        assertWithMessage("classes with a lambda, a method reference or an indy concatenation")
                .that(offenders).isEmpty();
    }
}
