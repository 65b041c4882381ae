package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * MobileViT's folding of the sequences that {@link Unfold} makes back into a map: {@code (P, N, E)}
 * to {@code (E, H, W)}, with {@code P = ph * pw} and {@code N = (H / ph) * (W / pw)}. Give the
 * patch and the size of the map the unfold took. Reshapes and transposes: free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Fold {
    /**
     * The patch: one value for every dimension of {@code size}, or one per dimension. Required:
     * written here or given by {@link With}.
     */
    @Required
    int[] patch() default {};

    /** The map's spatial sizes, one per dimension: {@code {H, W}}. Required: written here or given by {@link With}. */
    @Required
    int[] size() default {};
}
