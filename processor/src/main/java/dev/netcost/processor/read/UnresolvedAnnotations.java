package dev.netcost.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds an annotation that javac could not resolve ({@code @Cnov}): javac 17 reports it, and
 * leaves it out of the element's annotation mirrors, so only the source tree still shows it.
 * (javac 25 and ECJ keep it among the mirrors as an error type, which the reader sees itself.)
 * Without javac's {@link Trees} (another compiler), nothing is found here.
 */
final class UnresolvedAnnotations {
    private final Optional<Trees> trees;

    private UnresolvedAnnotations(Optional<Trees> trees) {
        this.trees = trees;
    }

    static UnresolvedAnnotations of(ProcessingEnvironment env) {
        return new UnresolvedAnnotations(SourceTrees.of(env));
    }

    /**
     * The fields of {@code owner} as written, by name. Looked up once per class: javac finds the
     * tree of one field by scanning its class, so a lookup per field would be quadratic in the
     * fields (11 s for a chain of 10,000 layers).
     */
    InClass in(TypeElement owner) {
        Map<String, VariableTree> fields = new HashMap<>();
        ClassTree type = trees.isPresent() ? trees.get().getTree(owner) : null;
        if (type != null) {
            for (Tree member : type.getMembers()) {
                if (member instanceof VariableTree field) {
                    fields.put(field.getName().toString(), field);
                }
            }
        }
        return new InClass(fields);
    }

    /** One class's fields as written. */
    static final class InClass {
        private final Map<String, VariableTree> fields;

        private InClass(Map<String, VariableTree> fields) {
            this.fields = fields;
        }

        /** The first annotation written on {@code field} that javac did not resolve, as written: {@code Cnov}. */
        Optional<String> on(Element field) {
            VariableTree variable = fields.get(field.getSimpleName().toString());
            if (variable == null || variable.getModifiers().getAnnotations().size() == field.getAnnotationMirrors().size()) {
                return Optional.empty();
            }
            for (AnnotationTree annotation : variable.getModifiers().getAnnotations()) {
                Tree type = annotation.getAnnotationType();
                String simple = type instanceof MemberSelectTree select ? select.getIdentifier().toString()
                        : type.toString();
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
}
