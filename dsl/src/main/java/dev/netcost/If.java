package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a layer or block only when a condition on the block's parameters holds, as
 * torchvision's {@code if stride != 1 or inplanes != planes * 4: downsample = ...}. When the
 * condition is false the field is the identity: it passes its input on unchanged, so later
 * fields may still name it.
 *
 * <p>The condition is an expression as in {@link With}: {@code @If("stride != 1 || in != out")}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface If {
    /** A boolean expression over the block's parameters and {@code in}. */
    String value();
}
