package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * MobileViT's unfolding of a map into patches: {@code (C, H, W)} to {@code (P, N, C)}, with
 * {@code P = ph * pw} the positions of a patch and {@code N = (H / ph) * (W / pw)} the patches.
 * The result is P sequences of N tokens each, as MobileViT's {@code (B*P, N, C)}: attention after it
 * works within each sequence, so its products cost {@code P * N^2}, not {@code (P * N)^2}.
 * {@link Fold} folds them back. Every spatial size must divide by its patch (MobileViT would
 * resize the map by interpolation, which netcost does not model). Reshapes and transposes: free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Unfold {
    /**
     * The patch: one value for every spatial dimension, or one per dimension. Required: written
     * here or given by {@link With}.
     */
    @Required
    int[] patch() default {};
}
