package dev.netcost.processor.check;

import java.util.Arrays;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/** Whether {@code @SuppressWarnings} silences a netcost warning on an element. */
final class Suppressions {
    private Suppressions() {}

    /**
     * True when the element, or a class enclosing it, carries {@code @SuppressWarnings} naming
     * {@code key}: on the field for one layer, on the network or block for all of its layers.
     */
    static boolean suppressed(Element element, String key) {
        for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            SuppressWarnings annotation = e.getAnnotation(SuppressWarnings.class);
            if (annotation != null && Arrays.asList(annotation.value()).contains(key)) {
                return true;
            }
        }
        return false;
    }
}
