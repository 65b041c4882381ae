package dev.netcost.processor.read;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.OpKind;
import java.util.List;
import java.util.Optional;

/**
 * What a layer annotation declares, as read from the annotation itself: its attributes in
 * declaration order and those marked {@code @Required}.
 */
record OpSignature(OpKind kind, List<Attr> attrs, List<Attr> required) {
    OpSignature {
        attrs = List.copyOf(attrs);
        required = List.copyOf(required);
    }

    /** The attribute of this op that the user writes as {@code name}. */
    Optional<Attr> attr(String name) {
        for (Attr a : attrs) {
            if (a.javaName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** {@code @Conv}. */
    String annotation() {
        return "@" + kind.annotationName();
    }
}
