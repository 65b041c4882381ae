package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Global average pooling: every channel to one value, keeping the rank as PyTorch's
 * {@code AdaptiveAvgPool2d(1)} does ({@code (C, H, W)} to {@code (C, 1, 1)}); add {@link Flatten}
 * before a {@link Linear}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GlobalAvgPool {}
