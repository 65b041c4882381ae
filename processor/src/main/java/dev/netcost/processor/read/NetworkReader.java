package dev.netcost.processor.read;

import dev.netcost.Layer;
import dev.netcost.Network;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.ProblemKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @Network} class into a {@link NetworkDecl}. */
public final class NetworkReader {
    private final Elements elements;
    private final Types types;

    public NetworkReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
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
        List<LocatedProblem> problems = new ArrayList<>();
        boolean complete = true;

        List<LayerDecl> layers = new ArrayList<>();
        Map<String, VariableElement> byStem = new HashMap<>();
        boolean anyLayerAnnotation = false;
        TypeMirror layerType = elements.getTypeElement(Layer.class.getCanonicalName()).asType();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() != ElementKind.FIELD) {
                continue;
            }
            VariableElement field = (VariableElement) member;
            List<AnnotationMirror> layerMirrors = layerMirrors(field);
            if (layerMirrors.isEmpty()) {
                continue;
            }
            anyLayerAnnotation = true;
            AnnotationMirror mirror = layerMirrors.get(0);
            String name = field.getSimpleName().toString();
            if (field.asType().getKind() == TypeKind.ERROR) {
                complete = false; // javac reports the unknown type
                continue;
            }
            if (!types.isSameType(field.asType(), layerType)) {
                problems.add(new LocatedProblem(ProblemKind.FIELD_TYPE, at(field, mirror), name + ": a layer field"
                        + " must have the type dev.netcost.Layer, not " + field.asType() + "; declare it as"
                        + " `Layer " + name + ";`"));
                continue;
            }
            if (layerMirrors.size() > 1) {
                problems.add(new LocatedProblem(ProblemKind.TWO_LAYERS, at(field, layerMirrors.get(1)), name
                        + ": a field declares one layer, but it has " + simpleNames(layerMirrors) + "; move "
                        + simpleName(layerMirrors.get(1)) + " to a field of its own after this one"));
                continue;
            }
            String qualified = qualifiedName(mirror);
            AnnotationValues values = new AnnotationValues(mirror, elements);
            try {
                LayerDecl decl = new LayerDecl(layers.size(), name, LayerAnnotations.read(qualified, values));
                VariableElement clash = byStem.putIfAbsent(decl.constantStem(), field);
                if (clash != null) {
                    problems.add(new LocatedProblem(ProblemKind.CONSTANT_CLASH, at(field, mirror), name
                            + ": its constants would be named " + decl.constantStem() + "_*, as those of "
                            + clash.getSimpleName() + " are; rename one of the two fields"));
                    continue;
                }
                layers.add(decl);
                sources.addLayer(field, mirror, values);
            } catch (UnreadableValueException e) {
                complete = false;
            }
        }

        List<Integer> input = List.of();
        int batch = 1;
        try {
            input = networkValues.ints(Attr.INPUT);
            batch = networkValues.integer(Attr.BATCH);
        } catch (UnreadableValueException e) {
            complete = false;
        }
        NetworkDecl decl = new NetworkDecl(elements.getPackageOf(type).getQualifiedName().toString(),
                simpleNames(type), input, batch, layers);

        if (!anyLayerAnnotation) {
            problems.add(new LocatedProblem(ProblemKind.NO_LAYERS, sources.network(), decl.name()
                    + " declares no layers; add fields such as `@Conv(out = 16, kernel = 3) Layer conv1;`"));
        }
        if (typesBeingCompiled.contains(decl.companionQualifiedName())) {
            problems.add(new LocatedProblem(ProblemKind.NAME_TAKEN, sources.network(), "netcost generates "
                    + decl.companionQualifiedName() + " for " + decl.name() + ", but a type of that name is"
                    + " already declared; rename that type or the network"));
        }
        return new ReadNetwork(decl, sources, problems, complete);
    }

    /** The annotation mirrors on {@code element} that declare a layer, in source order. */
    static List<AnnotationMirror> layerMirrors(Element element) {
        List<AnnotationMirror> found = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (LayerAnnotations.isLayerAnnotation(qualifiedName(mirror))) {
                found.add(mirror);
            }
        }
        return found;
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

    private static String simpleNames(List<AnnotationMirror> mirrors) {
        List<String> names = new ArrayList<>();
        for (AnnotationMirror mirror : mirrors) {
            names.add(simpleName(mirror));
        }
        return String.join(" and ", names);
    }

    private static SourceLocation at(Element element, AnnotationMirror mirror) {
        return new SourceLocation(element, mirror, Optional.empty());
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
