package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One token of a sequence, {@code (T, E)} to {@code (E)}, as ViT's and BERT's pooler's
 * {@code x[:, 0]}: the class token. Free (a view).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SelectToken {
    /** Which token, from 0; negative counts from the end, as Python's {@code x[:, -1]}. */
    int index() default 0;
}
