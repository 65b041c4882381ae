package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of {@code parts} equal slices of the last axis, as {@code x.chunk(parts, dim=-1)[index]}:
 * GEGLU and gated MLPs split one linear layer's output into a value and a gate. On tokens
 * {@code (T, E)} to {@code (T, E / parts)}, on a channels-last map and on a vector. The last axis
 * must divide by {@code parts}. For the channels of a map with its channels first, see
 * {@link ChannelSplit}. A view: free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Chunk {
    /** How many equal slices the last axis is cut into. */
    int parts() default 2;

    /** Which slice this layer is, from 0. */
    int index() default 0;
}
