package dev.netcost.processor.read;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where each part of a network was declared, so that a {@link Problem} from the pure core can
 * be placed on the exact annotation value at fault.
 */
public final class SourceMap {
    /** One annotated element: the class with {@code @Network}, or a field with its layer annotation. */
    private record Declared(Element element, AnnotationMirror annotation, AnnotationValues values) {
        SourceLocation at(Optional<Attr> attr) {
            return new SourceLocation(element, annotation, attr.flatMap(values::written));
        }
    }

    private final Declared network;
    private final List<Declared> layers = new ArrayList<>();

    SourceMap(Element type, AnnotationMirror networkAnnotation, AnnotationValues values) {
        this.network = new Declared(type, networkAnnotation, values);
    }

    void addLayer(Element field, AnnotationMirror annotation, AnnotationValues values) {
        layers.add(new Declared(field, annotation, values));
    }

    /** The source position of a problem: its layer's annotation, or {@code @Network}, on the attribute at fault. */
    public SourceLocation locate(Problem problem) {
        Declared declared = problem.layer().isPresent() ? layers.get(problem.layer().getAsInt()) : network;
        return declared.at(problem.fault().attr());
    }

    /** The {@code @Network} annotation on the class. */
    public SourceLocation network() {
        return network.at(Optional.empty());
    }
}
