package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of {@code parts} equal slices of the channels, as ShuffleNetV2's {@code x.chunk(2, dim=1)}:
 * {@code (C, H, W)} to {@code (C / parts, H, W)}. The channels must divide by {@code parts}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ChannelSplit {
    /** How many equal slices the channels are cut into. */
    int parts() default 2;

    /** Which slice this layer is, from 0. */
    int index() default 0;
}
