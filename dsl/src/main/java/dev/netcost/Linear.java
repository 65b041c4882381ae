package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A fully connected layer on a vector, as PyTorch's {@code Linear}. Put {@link Flatten} before it on a feature map. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Linear {
    /** Output features. Required: written here or given by {@link With}. */
    @Required
    int out() default 0;

    /** Whether the layer adds a learnable bias per output feature. */
    boolean bias() default true;
}
