package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Element-wise product with broadcasting, as squeeze-and-excitation scales a feature map:
 * {@code (C, 1, 1)} times {@code (C, H, W)}. Shapes are aligned on their last dimension, and
 * each pair of dimensions must be equal or one of them 1, as in PyTorch.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Mul {
    /** The tensors to multiply: names of earlier fields, or {@code "input"}. At least two. */
    String[] value();
}
