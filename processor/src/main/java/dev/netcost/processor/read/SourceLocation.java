package dev.netcost.processor.read;

import dev.netcost.Network;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Where a diagnostic goes, as javac's {@code Messager} takes it: the element, the annotation
 * on it, and the value at fault if the user wrote one (a default value has no position in the
 * source, so the annotation itself is underlined instead).
 */
public record SourceLocation(Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value) {
    public SourceLocation(Element element, AnnotationMirror annotation, Optional<AnnotationValue> value) {
        this(element, Optional.of(annotation), value);
    }

    /** On a network's {@code @Network} annotation. */
    public static SourceLocation onNetwork(TypeElement network) {
        return new SourceLocation(network, NetworkReader.mirror(network, Network.class.getCanonicalName()),
                Optional.empty());
    }

    public SourceLocation {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(value, "value");
    }
}
