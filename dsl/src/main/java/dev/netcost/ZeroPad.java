package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Zero padding of a channels-first map, as PyTorch's {@code nn.ZeroPad2d} and
 * {@code F.pad(x, padding)}: the channels are kept and each spatial dimension grows by the zeros
 * added on its two sides. No parameters, MACs or FLOPs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ZeroPad {
    /**
     * The zeros added: one value for every side, or two per spatial dimension in PyTorch's order,
     * the last dimension first: {@code {left, right}} on {@code (C, L)},
     * {@code {left, right, top, bottom}} on {@code (C, H, W)},
     * {@code {left, right, top, bottom, front, back}} on {@code (C, D, H, W)}. Required: written
     * here or given by {@link With}.
     */
    @Required
    int[] padding() default {};
}
