package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A feature map as a sequence of tokens, one per position, as ViT's
 * {@code x.flatten(2).transpose(1, 2)} after its patch convolution: {@code (C, H, W)} to
 * {@code (H * W, C)}, {@code (C, L)} to {@code (L, C)}. Free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ToTokens {}
