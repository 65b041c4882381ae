package dev.netcost.processor.read;

import dev.netcost.Required;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.OpKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Every op's {@link OpSignature}, read once per compilation from the layer annotations as javac
 * sees them: the elements in declaration order, and {@link Required} on those without a usable
 * default. The annotations are the one place that says what an op takes.
 */
final class OpSignatures {
    private final Map<OpKind, OpSignature> byKind = new EnumMap<>(OpKind.class);
    private final Elements elements;

    OpSignatures(Elements elements) {
        this.elements = elements;
    }

    /**
     * The signature of {@code kind}, read the first time an op of that kind is: reading all of
     * them up front made javac complete every layer annotation of the DSL for a network that uses
     * three (docs/architecture.md).
     */
    OpSignature of(OpKind kind) {
        OpSignature known = byKind.get(kind);
        if (known == null) {
            known = read(kind);
            byKind.put(kind, known);
        }
        return known;
    }

    private OpSignature read(OpKind kind) {
        String required = Required.class.getCanonicalName();
        TypeElement annotation = elements.getTypeElement(kind.qualifiedName());
        List<Attr> attrs = new ArrayList<>();
        List<Attr> needed = new ArrayList<>();
        for (Element member : annotation.getEnclosedElements()) {
            if (!(member instanceof ExecutableElement element)) {
                continue;
            }
            String name = element.getSimpleName().toString();
            if (kind.namesItsInputs() && name.equals("value")) {
                continue; // the tensors a merge (or @FinalState) reads, not an attribute of the op
            }
            Attr attr = attrOf(kind, name, element.getReturnType());
            attrs.add(attr);
            if (NetworkReader.mirror(element, required).isPresent()) {
                needed.add(attr);
            }
        }
        return new OpSignature(kind, attrs, needed);
    }

    /**
     * The {@link Attr} an annotation element is. The DSL and {@code Attr} must agree on the name
     * and on what the value holds; a mismatch is a bug in netcost, which {@code OpRegistryTest}
     * catches before any user can.
     */
    private static Attr attrOf(OpKind kind, String name, TypeMirror type) {
        Optional<Attr.Kind> holds = holds(type);
        for (Attr attr : Attr.values()) {
            if (attr.javaName().equals(name) && holds.isPresent() && attr.kind() == holds.get()) {
                return attr;
            }
        }
        throw new IllegalStateException("@" + kind.annotationName() + "." + name + "() of type " + type
                + " is no attribute netcost knows: add it to Attr");
    }

    private static Optional<Attr.Kind> holds(TypeMirror type) {
        if (type instanceof ArrayType array) {
            return array.getComponentType().getKind() == TypeKind.INT ? Optional.of(Attr.Kind.INTS) : Optional.empty();
        }
        if (type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM) {
            return Optional.of(Attr.Kind.CHOICE);
        }
        if (type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.String")) {
            return Optional.of(Attr.Kind.TENSOR);
        }
        return switch (type.getKind()) {
            case INT -> Optional.of(Attr.Kind.INT);
            case BOOLEAN -> Optional.of(Attr.Kind.BOOLEAN);
            case DOUBLE -> Optional.of(Attr.Kind.REAL);
            default -> Optional.empty();
        };
    }
}
