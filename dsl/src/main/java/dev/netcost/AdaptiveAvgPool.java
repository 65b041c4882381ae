package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adaptive average pooling to a fixed output size, as PyTorch's {@code AdaptiveAvgPool1d/2d/3d}:
 * output cell {@code i} of {@code o} averages input cells {@code [floor(i*n/o), ceil((i+1)*n/o))}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AdaptiveAvgPool {
    /** Output size: one value for every spatial dimension or one per dimension. Required: written here or given by {@link With}. */
    @Required
    int[] output() default {};
}
