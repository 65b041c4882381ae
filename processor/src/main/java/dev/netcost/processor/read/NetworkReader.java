package dev.netcost.processor.read;

import dev.netcost.Budget;
import dev.netcost.DType;
import dev.netcost.InputKind;
import dev.netcost.Network;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.BudgetDecl;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.TrainingDecl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @Network} class, and every block it uses, into a {@link NetworkDecl}. */
public final class NetworkReader {
    private final Elements elements;
    private final Types types;
    private final OpSignatures signatures;
    private final UnresolvedAnnotations misspelt;
    private final UserOps userOps;
    /** Whether the compiler can place a problem on one item of an array (javac; not ECJ). */
    private final boolean itemValues;

    /** @param env the processing environment; javac's also gives the source trees */
    public NetworkReader(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.signatures = new OpSignatures(elements);
        this.misspelt = UnresolvedAnnotations.of(env);
        this.itemValues = SourceTrees.of(env).isPresent();
        this.userOps = new UserOps(elements, itemValues);
    }

    /**
     * Reads {@code type}.
     *
     * @param typesBeingCompiled the qualified names of the types compiled from source now, to
     *     tell a user's class that takes the companion's name from a stale earlier output
     */
    public ReadNetwork read(TypeElement type, Set<String> typesBeingCompiled) {
        AnnotationMirror networkMirror = mirror(type, Network.class.getCanonicalName()).orElseThrow();
        AnnotationValues networkValues = new AnnotationValues(networkMirror, elements);
        SourceMap sources = new SourceMap(type, networkMirror, networkValues);
        FieldReader fields = new FieldReader(elements, types, sources, signatures, misspelt, userOps);

        // A network that extends a network has its layers first, as Java initialises the
        // superclass's fields first: the layers run in that order, outermost superclass first.
        List<SourceMap.Field> nodeSources = new ArrayList<>();
        List<NodeDecl> nodes = new ArrayList<>();
        boolean anyAnnotated = false;
        for (TypeElement owner : networkLineage(type)) {
            anyAnnotated |= fields.read(owner, nodeSources, nodes).anyAnnotated();
        }
        for (SourceMap.Field nodeSource : nodeSources) {
            sources.addNode(nodeSource);
        }

        List<Integer> input = List.of();
        int batch = 1;
        DType dtype = DType.FLOAT32;
        InputKind inputKind = InputKind.FEATURES;
        List<Unresolved> unresolved = new ArrayList<>(fields.unresolved());
        String name = String.join(".", simpleNames(type));
        try {
            input = networkValues.ints(Attr.INPUT);
            inputKind = InputKind.valueOf(networkValues.choice(Attr.INPUT_KIND));
            batch = networkValues.integer(Attr.BATCH);
            Object dtypeValue = networkValues.value(Attr.DTYPE.javaName());
            if (dtypeValue instanceof VariableElement constant) {
                dtype = DType.valueOf(constant.getSimpleName().toString());
            } else {
                unresolved.add(new Unresolved(name, "the value of dtype"));
            }
        } catch (UnreadableValueException e) {
            unresolved.add(new Unresolved(name, "the value of " + e.element()));
        }
        Optional<BudgetDecl> budget = Optional.empty();
        Optional<AnnotationMirror> budgetMirror = mirror(type, Budget.class.getCanonicalName());
        if (budgetMirror.isPresent()) {
            AnnotationValues values = new AnnotationValues(budgetMirror.get(), elements);
            sources.setBudget(new SourceMap.Annotated(budgetMirror.get(), values));
            Map<Attr, Long> limits = new EnumMap<>(Attr.class);
            for (Attr limit : Attr.BUDGET_LIMITS) {
                if (values.written(limit).isPresent() && values.value(limit.javaName()) instanceof Long l) {
                    limits.put(limit, l);
                }
            }
            boolean warning = values.value("level") instanceof VariableElement level
                    && level.getSimpleName().contentEquals(Budget.Level.WARNING.name());
            budget = Optional.of(new BudgetDecl(limits, warning));
        }
        List<LocatedProblem> trainingProblems = new ArrayList<>();
        Optional<TrainingDecl> training = new TrainingReader(elements).read(type, sources, nodes, nodeSources, budget,
                trainingProblems, unresolved);
        Optional<AnnotationMirror> decoderMirror = mirror(type, LayerAnnotations.DECODER);
        String decodes = "";
        if (decoderMirror.isPresent()) {
            AnnotationValues values = new AnnotationValues(decoderMirror.get(), elements);
            sources.setDecoder(new SourceMap.Annotated(decoderMirror.get(), values));
            decodes = values.string("value");
        }
        Optional<AnnotationMirror> rooflineMirror = mirror(type, LayerAnnotations.ROOFLINE);
        if (rooflineMirror.isPresent()) {
            AnnotationMirror roofline = rooflineMirror.get();
            sources.setRoofline(new SourceMap.Annotated(roofline, new AnnotationValues(roofline, elements)));
        }
        List<LocatedProblem> rooflineProblems = new ArrayList<>();
        List<DeviceDecl> devices = new RooflineReader(elements, itemValues).read(type, dtype,
                decoderMirror.isPresent(), budgetMirror, budget, typesBeingCompiled, rooflineProblems, unresolved);
        NetworkDecl decl = new NetworkDecl(elements.getPackageOf(type).getQualifiedName().toString(),
                simpleNames(type), input, batch, dtype, nodes, fields.blocks(), budget,
                decoderMirror.isPresent(), fields.outputs(), decodes, inputKind, training, devices);

        List<LocatedProblem> problems = new ArrayList<>(fields.problems());
        problems.addAll(trainingProblems);
        problems.addAll(rooflineProblems);
        if (!anyAnnotated) {
            problems.add(LocatedProblem.of(Message.NETWORK_WITHOUT_LAYERS, sources.network(), decl.name()));
        }
        if (typesBeingCompiled.contains(decl.companionQualifiedName())) {
            problems.add(LocatedProblem.of(Message.COMPANION_NAME_DECLARED, sources.network(),
                    decl.companionQualifiedName(), decl.name()));
        }
        return new ReadNetwork(decl, sources, problems, unresolved);
    }

    /** The mistakes of the declaration of an op a user declared ({@code @CustomOp}), which no network may use. */
    public List<LocatedProblem> userOpProblems(TypeElement type) {
        return userOps.problems(type);
    }

    /** {@code type} and the networks it extends, outermost superclass first. */
    private static List<TypeElement> networkLineage(TypeElement type) {
        Deque<TypeElement> lineage = new ArrayDeque<>();
        for (Element current = type; current instanceof TypeElement t; ) {
            if (t != type && mirror(t, Network.class.getCanonicalName()).isEmpty()) {
                break;
            }
            lineage.addFirst(t);
            current = t.getSuperclass() instanceof DeclaredType declared ? declared.asElement() : null;
        }
        return List.copyOf(lineage);
    }

    static Optional<AnnotationMirror> mirror(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (qualifiedName(mirror).equals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    static String simpleName(AnnotationMirror mirror) {
        return "@" + mirror.getAnnotationType().asElement().getSimpleName();
    }

    /** {@code Outer.Inner} as {@code [Outer, Inner]}. */
    private static List<String> simpleNames(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        Element current = type;
        while (current instanceof TypeElement) {
            names.addFirst(current.getSimpleName().toString());
            current = current.getEnclosingElement();
        }
        return List.copyOf(names);
    }
}
