package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tokens back to a feature map, channels first: {@code (H*W, E)} to {@code (E, H, W)}, as
 * {@code x.transpose(1, 2).reshape(B, E, H, W)} in PVT, SegFormer and Swin's heads; the inverse
 * of {@link ToTokens}. {@code size = {L}} makes a 1-d map {@code (E, L)}. The product of the
 * sizes must be the number of tokens. A transpose and a reshape: free.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ToMap {
    /**
     * The map's spatial sizes, one per dimension it has: {@code {H, W}}, whose product is the
     * number of tokens. Required: written here or given by {@link With}.
     */
    @Required
    int[] size() default {};
}
