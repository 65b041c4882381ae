package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link Network} as a named output: a detector's heads, DeepLab's {@code out}
 * and {@code aux}, an encoder-decoder's logits. Without any, a network's output is its last field;
 * with some, its outputs are exactly the fields so marked, and the last field, if not one of them,
 * must be read by another.
 *
 * <p>Each output gets its shape ({@code AUX_OUTPUT_SHAPE}) and the figures of the layers that
 * only it needs ({@code AUX_ONLY_PARAMS}, {@code AUX_ONLY_MACS}, {@code AUX_ONLY_FLOPS}): what
 * dropping that output would save.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Output {}
