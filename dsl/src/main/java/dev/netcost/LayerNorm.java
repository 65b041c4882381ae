package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalization over the last dimension, as PyTorch's {@code LayerNorm(E)}: on tokens
 * {@code (T, E)}, over each token's E features. Parameters {@code 2E} (scale and shift), {@code E}
 * without bias, none without {@code affine}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerNorm {
    /**
     * Whether the norm learns a scale per feature (and, with {@link #bias()}, a shift), as
     * PyTorch's {@code elementwise_affine}; without, it has no parameters at all.
     */
    boolean affine() default true;

    /** Whether there is a learned shift, as PyTorch's {@code bias}. */
    boolean bias() default true;
}
