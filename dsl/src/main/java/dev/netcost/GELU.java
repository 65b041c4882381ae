package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gaussian error linear unit, as PyTorch's {@code GELU(approximate)}: exact by default, or in its
 * tanh form with {@code approximate = Approximate.TANH}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GELU {
    /** The exact form ({@link Approximate#NONE}) or the tanh form ({@link Approximate#TANH}). */
    Approximate approximate() default Approximate.NONE;
}
