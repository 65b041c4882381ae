package dev.netcost.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.netcost.Network;
import dev.netcost.processor.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Finds netcost's annotations in local and anonymous classes. javac shows a processor no class
 * declared inside a method, so such a network would compile without its checks and without a
 * companion: {@code groups = 5} would pass in silence. The only way to see them is the source
 * tree, through javac's {@link Trees}; where that is not there (another compiler), nothing is found.
 *
 * <p>Inside method bodies the trees are not yet attributed, so an annotation's name is resolved
 * here as javac will: a qualified name as written, else a single-type import, the package's own
 * types, then on-demand imports.
 */
public final class LocalClasses {
    /** One annotation netcost cannot read, with where it stands. */
    public record Found(String text, AnnotationTree annotation, CompilationUnitTree unit) {}

    private final Trees trees;
    private final Elements elements;

    private LocalClasses(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /** Empty where the compiler is not javac. */
    public static Optional<LocalClasses> of(ProcessingEnvironment env) {
        Optional<Trees> trees = SourceTrees.of(env);
        return trees.isPresent() ? Optional.of(new LocalClasses(trees.get(), env.getElementUtils())) : Optional.empty();
    }

    /** Every netcost annotation in a local or anonymous class of these root elements' files. */
    public List<Found> find(Set<? extends Element> roots) {
        Set<CompilationUnitTree> units = new LinkedHashSet<>();
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path != null) {
                units.add(path.getCompilationUnit());
            }
        }
        List<Found> found = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            new Scanner(unit, found).scan(unit, false);
        }
        return found;
    }

    /** Prints each as an error on the annotation. */
    public void report(List<Found> found) {
        for (Found f : found) {
            trees.printMessage(Diagnostic.Kind.ERROR, f.text(), f.annotation(), f.unit());
        }
    }

    /** Walks one file; the flag says whether the tree is inside code (a method, initializer or lambda). */
    private final class Scanner extends TreeScanner<Void, Boolean> {
        private final CompilationUnitTree unit;
        private final List<Found> found;

        Scanner(CompilationUnitTree unit, List<Found> found) {
            this.unit = unit;
            this.found = found;
        }

        @Override
        public Void visitClass(ClassTree tree, Boolean inCode) {
            if (inCode) {
                check(tree, tree.getSimpleName().isEmpty() ? "an anonymous class" : "the local class "
                        + tree.getSimpleName());
            }
            // Members of a class are not code, whatever encloses the class; their bodies are.
            scan(tree.getMembers(), false);
            return null;
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Boolean inCode) {
            scan(tree.getEnclosingExpression(), inCode);
            scan(tree.getArguments(), inCode);
            scan(tree.getClassBody(), true);
            return null;
        }

        @Override
        public Void visitMethod(MethodTree tree, Boolean inCode) {
            scan(tree.getBody(), true);
            return null;
        }

        @Override
        public Void visitBlock(BlockTree tree, Boolean inCode) {
            return super.visitBlock(tree, true); // an initializer, or a body already in code
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean inCode) {
            return super.visitLambdaExpression(tree, true);
        }

        @Override
        public Void visitVariable(VariableTree tree, Boolean inCode) {
            scan(tree.getInitializer(), true);
            return null;
        }

        private void check(ClassTree type, String what) {
            for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
                if (Network.class.getCanonicalName().equals(resolve(annotation))) {
                    found.add(new Found(Message.LOCAL_NETWORK.format(type.getSimpleName(),
                            what), annotation, unit));
                    return; // one error for the network, not one more per layer
                }
            }
            for (Tree member : type.getMembers()) {
                if (member instanceof VariableTree field) {
                    for (AnnotationTree annotation : field.getModifiers().getAnnotations()) {
                        String name = resolve(annotation);
                        if (name != null && isLayer(name)) {
                            found.add(new Found(Message.LAYER_IN_LOCAL_CLASS.format(
                                    field.getName(), "@" + name.substring(name.lastIndexOf('.') + 1), what),
                                    annotation, unit));
                            break;
                        }
                    }
                }
            }
        }

        private boolean isLayer(String qualifiedName) {
            if (LayerAnnotations.isLayerAnnotation(qualifiedName)) {
                return true;
            }
            TypeElement type = elements.getTypeElement(qualifiedName);
            return type != null && NetworkReader.mirror(type, LayerAnnotations.BLOCK).isPresent();
        }

        /** The qualified name javac will give the annotation's type; null if it names no known type. */
        private String resolve(AnnotationTree annotation) {
            Tree type = annotation.getAnnotationType();
            String written = type.toString();
            if (type instanceof MemberSelectTree) {
                return written;
            }
            String onDemand = null;
            for (ImportTree in : unit.getImports()) {
                String imported = in.getQualifiedIdentifier().toString();
                if (in.isStatic()) {
                    continue;
                }
                if (imported.endsWith("." + written)) {
                    return imported;
                }
                if (imported.endsWith(".*") && onDemand == null) {
                    String candidate = imported.substring(0, imported.length() - 1) + written;
                    if (elements.getTypeElement(candidate) != null) {
                        onDemand = candidate;
                    }
                }
            }
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
            if (elements.getTypeElement(pkg + written) != null) {
                return pkg + written;
            }
            return onDemand;
        }
    }
}
