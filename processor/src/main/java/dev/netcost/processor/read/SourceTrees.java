package dev.netcost.processor.read;

import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * javac's source trees, where the compiler is javac: what its model hides from a processor
 * (local classes, annotations it could not resolve) is only there. Another compiler (ECJ), or
 * an environment wrapped by a build tool, has none, and what needs them is then not found.
 */
final class SourceTrees {
    private SourceTrees() {}

    static Optional<Trees> of(ProcessingEnvironment env) {
        try {
            return Optional.of(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return Optional.empty();
        }
    }
}
