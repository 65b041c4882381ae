package dev.netcost.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Finds an annotation that javac could not resolve ({@code @Cnov}): javac reports it, and leaves
 * it out of the element's annotation mirrors, so only the source tree still shows it. Without
 * javac's {@link Trees} (another compiler), nothing is found, and a misspelt layer reads as a
 * field without a layer, as it did before.
 */
final class UnresolvedAnnotations {
    private final Optional<Trees> trees;

    private UnresolvedAnnotations(Optional<Trees> trees) {
        this.trees = trees;
    }

    static UnresolvedAnnotations of(ProcessingEnvironment env) {
        try {
            return new UnresolvedAnnotations(Optional.of(Trees.instance(env)));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new UnresolvedAnnotations(Optional.empty());
        }
    }

    /** The first annotation written on {@code field} that javac did not resolve, as written: {@code Cnov}. */
    Optional<String> on(Element field) {
        if (trees.isEmpty()) {
            return Optional.empty();
        }
        Tree tree = trees.get().getTree(field);
        if (!(tree instanceof VariableTree variable)
                || variable.getModifiers().getAnnotations().size() == field.getAnnotationMirrors().size()) {
            return Optional.empty();
        }
        for (AnnotationTree annotation : variable.getModifiers().getAnnotations()) {
            Tree type = annotation.getAnnotationType();
            String simple = type instanceof MemberSelectTree select ? select.getIdentifier().toString() : type.toString();
            boolean resolved = false;
            for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
                resolved |= mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simple);
            }
            if (!resolved) {
                return Optional.of(type.toString());
            }
        }
        return Optional.empty();
    }
}
