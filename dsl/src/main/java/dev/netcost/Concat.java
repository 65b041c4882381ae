package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Concatenation along the channel axis (the first), as Inception and DenseNet do: the tensors
 * must agree on every other dimension. Each name is a field declared above this one, or
 * {@code "input"}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concat {
    /** The tensors to join, in order: names of earlier fields, or {@code "input"}. At least two. */
    String[] value();
}
