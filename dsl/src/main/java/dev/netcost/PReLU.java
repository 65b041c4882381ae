package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A leaky ReLU whose slopes are learned, as PyTorch's {@code PReLU(num_parameters)}: one slope
 * shared by every element, or one per channel of a channels-first map. PyTorch weights axis 1 of
 * {@code (N, C, ...)}; on tokens {@code (N, T, E)} that axis is T, and on a channels-last map H, so
 * netcost takes more than one slope only on a channels-first map.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PReLU {
    /** The learned slopes: 1, or the input's channels; PyTorch's {@code num_parameters}. */
    int parameters() default 1;
}
