package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Root-mean-square normalization over the last dimension, as LLaMA's {@code RMSNorm(E)}: no
 * mean, no shift. Parameters {@code E}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RMSNorm {}
