package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Group normalization, as PyTorch's {@code GroupNorm(num_groups, C, affine)}: the channels of a
 * channels-first map (or vector) split into {@code groups} groups of equal size, each normalized
 * over its channels and positions; with {@code affine} a learned scale and shift per channel.
 * Parameters {@code 2C} with {@code affine}; no buffers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GroupNorm {
    /** The groups, PyTorch's {@code num_groups}; must divide the channels. Required: written here or given by {@link With}. */
    @Required
    int groups() default 0;

    /** Whether there is a learned scale and shift per channel, as PyTorch's {@code affine}. */
    boolean affine() default true;
}
