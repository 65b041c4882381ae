package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a layer or block read an earlier tensor instead of the output of the field just above
 * it: the name of an earlier field, or {@code "input"} for the input of the network or block.
 * Several layers may read the same tensor; that is how branches are declared.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface From {
    /** An earlier field's name, or {@code "input"}. */
    String value();
}
