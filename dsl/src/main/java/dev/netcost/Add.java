package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Element-wise sum of two or more earlier tensors of the same shape: a residual connection.
 * Each name is a field declared above this one, or {@code "input"} for the input of the network
 * or block: {@code @Add({"bn3", "downsample"})}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {
    /** The tensors to add: names of earlier fields, or {@code "input"}. At least two. */
    String[] value();
}
