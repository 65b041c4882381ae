package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a block parameter that applies to the first instance of a {@link Repeat} only; later
 * instances take the parameter's default. This is how a stage of ResNet, MobileNetV2 or
 * EfficientNet strides: only its first block does. The parameter must have a default.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FirstOnly {}
