package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an attribute of a layer annotation that the user must give: written on the annotation,
 * or, inside a block, given by {@link With}. Such an attribute still declares a default, because
 * javac would otherwise demand it on the annotation even where {@code @With} gives it; the
 * default is never used.
 *
 * <p>netcost reads this mark from the layer annotations themselves, so which attributes are
 * required is said once, here in the DSL, and not again in the processor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Required {}
