package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A learned scale per channel, multiplying every element: ConvNeXt's {@code layer_scale}, a
 * parameter of shape {@code (C, 1, 1)} by which its block's output is multiplied, and CaiT's and
 * timm's {@code LayerScale} on tokens. C parameters, one multiply per element; the shape is
 * unchanged.
 *
 * <p>C is where the layout keeps its channels: the first axis of a channels-first map
 * {@code (C, H, W)} (and the F of a vector {@code (F)}), the last axis of tokens {@code (T, E)} and
 * of a channels-last map {@code (H, W, C)}. Its initial value (ConvNeXt's {@code 1e-6}) changes no
 * figure, so it is not declared.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerScale {}
