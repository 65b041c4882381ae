package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Leaky rectified linear unit, as PyTorch's {@code LeakyReLU(negative_slope)}: {@code x} if positive, else {@code negativeSlope * x}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LeakyReLU {
    /** The slope below zero, as PyTorch's {@code negative_slope}; it changes neither shape nor cost. */
    double negativeSlope() default 0.01;
}
