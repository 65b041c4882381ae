package dev.netcost.processor.read;

import dev.netcost.processor.model.Attr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Typed access to one annotation's values, defaults included, by {@link Attr}. */
final class AnnotationValues {
    private final Map<String, AnnotationValue> withDefaults = new HashMap<>();
    private final Map<String, AnnotationValue> written = new HashMap<>();

    AnnotationValues(AnnotationMirror mirror, Elements elements) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                elements.getElementValuesWithDefaults(mirror).entrySet()) {
            withDefaults.put(e.getKey().getSimpleName().toString(), e.getValue());
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                mirror.getElementValues().entrySet()) {
            written.put(e.getKey().getSimpleName().toString(), e.getValue());
        }
    }

    /** The value as the user wrote it, if they did. */
    Optional<AnnotationValue> written(Attr attr) {
        return written(attr.javaName());
    }

    /** The value of element {@code name} as the user wrote it, if they did. */
    Optional<AnnotationValue> written(String name) {
        return Optional.ofNullable(written.get(name));
    }

    /** The names of the elements the user wrote, in a fixed order. */
    java.util.SortedSet<String> writtenNames() {
        return new java.util.TreeSet<>(written.keySet());
    }

    /** A {@code String} element, with its default. */
    String string(String name) {
        return as(raw(name), String.class, name);
    }

    /** A {@code String[]} element, with its default. */
    List<String> strings(String name) {
        Object value = raw(name);
        if (!(value instanceof List<?> list)) {
            throw new UnreadableValueException(name, name + " is not an array: " + value);
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof AnnotationValue av)) {
                throw new UnreadableValueException(name, name + " holds " + element);
            }
            out.add(as(av.getValue(), String.class, name));
        }
        return out;
    }

    /** An element's value as javac gives it: {@code Integer}, {@code Boolean}, a list... */
    Object value(String name) {
        return raw(name);
    }

    int integer(Attr attr) {
        return as(raw(attr), Integer.class, attr);
    }

    boolean bool(Attr attr) {
        return as(raw(attr), Boolean.class, attr);
    }

    double real(Attr attr) {
        return as(raw(attr), Double.class, attr);
    }

    /** An enum attribute, as the name of its constant: {@code BILINEAR}. */
    String choice(Attr attr) {
        Object value = raw(attr);
        if (!(value instanceof VariableElement constant)) {
            throw new UnreadableValueException(attr.javaName(), attr.javaName() + " is not an enum constant: " + value);
        }
        return constant.getSimpleName().toString();
    }

    /** An {@code int[]} attribute; javac gives {@code kernel = 3} as a one-element list. */
    List<Integer> ints(Attr attr) {
        Object value = raw(attr);
        if (!(value instanceof List<?> list)) {
            throw new UnreadableValueException(attr.javaName(), attr.javaName() + " is not an array: " + value);
        }
        List<Integer> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof AnnotationValue av)) {
                throw new UnreadableValueException(attr.javaName(), attr.javaName() + " holds " + element);
            }
            out.add(as(av.getValue(), Integer.class, attr));
        }
        return out;
    }

    private Object raw(Attr attr) {
        return raw(attr.javaName());
    }

    private Object raw(String name) {
        AnnotationValue value = withDefaults.get(name);
        if (value == null) {
            throw new UnreadableValueException(name, name + " has no value");
        }
        return value.getValue();
    }

    private static <T> T as(Object value, Class<T> type, Attr attr) {
        return as(value, type, attr.javaName());
    }

    private static <T> T as(Object value, Class<T> type, String name) {
        // javac gives an unresolvable value as a string such as "<error>": not ours to report.
        if (!type.isInstance(value)) {
            throw new UnreadableValueException(name, name + " is not a " + type.getSimpleName() + ": " + value);
        }
        return type.cast(value);
    }
}
