package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Element-wise product with broadcasting, as squeeze-and-excitation scales a feature map:
 * {@code (C, 1, 1)} times {@code (C, H, W)}. The tensors must have one rank, and each pair of
 * dimensions must be equal or one of them 1, as in PyTorch: shapes here leave out the batch, which
 * PyTorch puts in front, so a tensor of fewer dimensions would meet the wrong axes there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Mul {
    /** The tensors to multiply: names of earlier fields, or {@code "input"}. At least two. */
    String[] value();
}
