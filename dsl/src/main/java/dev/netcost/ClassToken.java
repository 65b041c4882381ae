package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Learned tokens put before the sequence, as ViT's class token: {@code (T, E)} to
 * {@code (T + tokens, E)}. Parameters {@code tokens * E}; no compute (a concatenation).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ClassToken {
    /** How many learned tokens: 1 for ViT, 2 for DeiT's class and distillation tokens. */
    int tokens() default 1;
}
