package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uses a block several times in a row, each on the output of the one before, as torchvision's
 * {@code _make_layer} does: {@code @Bottleneck(width = 256, out = 1024, stride = 2) @Repeat(6)}.
 * Parameters marked {@link FirstOnly} (the stride) take their value in the first repeat only.
 * The instances are named {@code layer3[0]} to {@code layer3[5]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Repeat {
    /** How many instances; at least 1. */
    int value();
}
