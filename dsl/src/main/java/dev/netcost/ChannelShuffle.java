package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * ShuffleNet's channel shuffle: the channels, seen as {@code groups} rows, transposed. The shape
 * is unchanged and nothing is computed; the channels must divide by {@code groups}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ChannelShuffle {
    /** The number of channel groups. */
    int groups() default 2;
}
