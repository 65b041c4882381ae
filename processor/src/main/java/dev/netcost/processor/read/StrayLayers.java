package dev.netcost.processor.read;

import dev.netcost.Network;
import dev.netcost.processor.model.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds layer annotations on fields of classes that are not networks or on what is no field (a
 * class, a parameter: where an op you declare, which has no {@code @Target}, may go), and {@code @Budget},
 * {@code @Decoder} or {@code @Roofline} on classes that are not: they would be silently ignored.
 */
public final class StrayLayers {
    private StrayLayers() {}

    /**
     * The stray uses in this round. {@code present} are the annotations of netcost's the round
     * holds, as javac passes them to {@code process}: only they are looked for, each in one pass
     * over the round, where looking for every layer annotation made javac complete each of them
     * from the DSL's jar and walk the round once per annotation (docs/architecture.md).
     */
    public static List<LocatedProblem> find(Set<? extends TypeElement> present, RoundEnvironment round,
            Elements elements) {
        List<LocatedProblem> problems = new ArrayList<>();
        Set<String> here = new HashSet<>();
        for (TypeElement annotation : present) {
            here.add(annotation.getQualifiedName().toString());
        }
        List<String> names = new ArrayList<>();
        for (String name : LayerAnnotations.names()) {
            if (here.contains(name)) {
                names.add(name); // in the registry's order, so that the problems keep theirs
            }
        }
        // Blocks declared in this round: a use of one outside a network is as silent.
        TypeElement block = elements.getTypeElement(LayerAnnotations.BLOCK);
        if (block != null && here.contains(LayerAnnotations.BLOCK)) {
            for (Element declared : round.getElementsAnnotatedWith(block)) {
                if (declared instanceof TypeElement type) {
                    names.add(type.getQualifiedName().toString());
                }
            }
        }
        // And ops users declare, as silent outside a network.
        TypeElement customOp = elements.getTypeElement(UserOps.CUSTOM_OP);
        if (customOp != null && here.contains(UserOps.CUSTOM_OP)) {
            for (Element declared : round.getElementsAnnotatedWith(customOp)) {
                if (declared instanceof TypeElement type) {
                    names.add(type.getQualifiedName().toString());
                }
            }
        }
        for (String name : names) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation == null) {
                continue;
            }
            for (Element field : round.getElementsAnnotatedWith(annotation)) {
                Element owner = field.getEnclosingElement();
                boolean onField = field.getKind() == ElementKind.FIELD && owner instanceof TypeElement;
                if (onField && (NetworkReader.mirror(owner, Network.class.getCanonicalName()).isPresent()
                        || isBlockLayers(owner)) || !declaredHere(field, name, elements)) {
                    continue;
                }
                AnnotationMirror mirror = NetworkReader.mirror(field, name).orElseThrow();
                SourceLocation where = new SourceLocation(field, mirror, Optional.empty());
                if (onField) {
                    problems.add(LocatedProblem.of(Message.LAYER_OUTSIDE_NETWORK, where, field.getSimpleName(),
                            NetworkReader.simpleName(mirror), owner.getSimpleName()));
                } else {
                    // A class, a parameter, a method: what it is names the class, which an owner's name may not
                    // (a top-level class's owner is its package, the unnamed one without a name).
                    problems.add(LocatedProblem.of(Message.LAYER_NOT_ON_FIELD, where, field.getSimpleName(),
                            NetworkReader.simpleName(mirror), what(field)));
                }
            }
        }
        for (String name : List.of(LayerAnnotations.BUDGET, LayerAnnotations.DECODER, LayerAnnotations.ROOFLINE)) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation == null || !here.contains(name)) {
                continue;
            }
            for (Element type : round.getElementsAnnotatedWith(annotation)) {
                if (NetworkReader.mirror(type, Network.class.getCanonicalName()).isEmpty()) {
                    AnnotationMirror mirror = NetworkReader.mirror(type, name).orElseThrow();
                    problems.add(LocatedProblem.of(Message.NETWORK_ANNOTATION_WITHOUT_NETWORK,
                            new SourceLocation(type, mirror, Optional.empty()), type.getSimpleName(),
                            NetworkReader.simpleName(mirror)));
                }
            }
        }
        return problems;
    }

    /**
     * Whether {@code element} is written in the source, and not one javac makes of it: a record's
     * component gives its field, its accessor and its constructor's parameter the component's
     * annotations, and one mistake is said once, on the field.
     */
    private static boolean declaredHere(Element element, String annotation, Elements elements) {
        if (element.getKind() == ElementKind.RECORD_COMPONENT) {
            return false;
        }
        Element owner = element.getEnclosingElement();
        if (element.getKind() == ElementKind.PARAMETER && owner != null
                && elements.getOrigin(owner) != Elements.Origin.EXPLICIT) {
            return false;
        }
        Element type = element.getKind() == ElementKind.PARAMETER && owner != null ? owner.getEnclosingElement()
                : owner;
        if (element.getKind() != ElementKind.FIELD && type != null && type.getKind() == ElementKind.RECORD) {
            // The component's field carries the annotation too, where javac gives it: said there.
            for (Element member : type.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD
                        && member.getSimpleName().contentEquals(element.getSimpleName())
                        && NetworkReader.mirror(member, annotation).isPresent()) {
                    return false;
                }
            }
        }
        return elements.getOrigin(element) == Elements.Origin.EXPLICIT;
    }

    /**
     * What {@code element} is, for a message: {@code a class}, {@code an enum constant of E},
     * {@code a parameter of L.m}, {@code a parameter of the constructor of L}.
     */
    private static String what(Element element) {
        String kind = element.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String article = "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
        if (element instanceof TypeElement) {
            return article + kind;
        }
        Element owner = element.getEnclosingElement();
        if (owner instanceof ExecutableElement executable) {
            String type = executable.getEnclosingElement().getSimpleName().toString();
            return article + kind + (executable.getKind() == ElementKind.CONSTRUCTOR
                    ? " of the constructor of " + type : " of " + type + "." + executable.getSimpleName());
        }
        return article + kind + " of " + owner.getSimpleName();
    }

    /** The {@code Layers} class of a {@code @Block}, whose fields are the block's layers. */
    private static boolean isBlockLayers(Element owner) {
        Element enclosing = owner.getEnclosingElement();
        return owner.getSimpleName().contentEquals("Layers") && enclosing != null
                && NetworkReader.mirror(enclosing, LayerAnnotations.BLOCK).isPresent();
    }
}
