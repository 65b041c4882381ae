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
        return Optional.ofNullable(written.get(attr.javaName()));
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

    /** An {@code int[]} attribute; javac gives {@code kernel = 3} as a one-element list. */
    List<Integer> ints(Attr attr) {
        Object value = raw(attr);
        if (!(value instanceof List<?> list)) {
            throw new UnreadableValueException(attr.javaName() + " is not an array: " + value);
        }
        List<Integer> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof AnnotationValue av)) {
                throw new UnreadableValueException(attr.javaName() + " holds " + element);
            }
            out.add(as(av.getValue(), Integer.class, attr));
        }
        return out;
    }

    private Object raw(Attr attr) {
        AnnotationValue value = withDefaults.get(attr.javaName());
        if (value == null) {
            throw new UnreadableValueException(attr.javaName() + " has no value");
        }
        return value.getValue();
    }

    private static <T> T as(Object value, Class<T> type, Attr attr) {
        if (!type.isInstance(value)) {
            throw new UnreadableValueException(attr.javaName() + " is not a " + type.getSimpleName() + ": " + value);
        }
        return type.cast(value);
    }
}
