package dev.netcost.processor.read;

import dev.netcost.Network;
import dev.netcost.processor.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds layer annotations on fields of classes that are not networks, and {@code @Budget} or
 * {@code @Decoder} on classes that are not: they would be silently ignored.
 */
public final class StrayLayers {
    private StrayLayers() {}

    public static List<LocatedProblem> find(RoundEnvironment round, Elements elements) {
        List<LocatedProblem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>(LayerAnnotations.names());
        // Blocks declared in this compilation: a use of one outside a network is as silent.
        TypeElement block = elements.getTypeElement(LayerAnnotations.BLOCK);
        if (block != null) {
            for (Element declared : round.getElementsAnnotatedWith(block)) {
                if (declared instanceof TypeElement type) {
                    names.add(type.getQualifiedName().toString());
                }
            }
        }
        // And ops users declare, as silent outside a network.
        TypeElement customOp = elements.getTypeElement(UserOps.CUSTOM_OP);
        if (customOp != null) {
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
                if (NetworkReader.mirror(owner, Network.class.getCanonicalName()).isPresent() || isBlockLayers(owner)) {
                    continue;
                }
                AnnotationMirror mirror = NetworkReader.mirror(field, name).orElseThrow();
                problems.add(LocatedProblem.of(Message.LAYER_OUTSIDE_NETWORK,
                        new SourceLocation(field, mirror, Optional.empty()), field.getSimpleName(),
                        NetworkReader.simpleName(mirror), owner.getSimpleName()));
            }
        }
        for (String name : List.of(LayerAnnotations.BUDGET, LayerAnnotations.DECODER)) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation == null) {
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

    /** The {@code Layers} class of a {@code @Block}, whose fields are the block's layers. */
    private static boolean isBlockLayers(Element owner) {
        Element enclosing = owner.getEnclosingElement();
        return owner.getSimpleName().contentEquals("Layers") && enclosing != null
                && NetworkReader.mirror(enclosing, LayerAnnotations.BLOCK).isPresent();
    }
}
