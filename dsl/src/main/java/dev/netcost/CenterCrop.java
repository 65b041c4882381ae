package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A centre crop of a channels-first map to the spatial size of another tensor, as the original
 * (unpadded) U-Net crops each skip connection to the size of the up-sampled map it joins:
 * {@code @CenterCrop(like = "up4") @From("enc4") Layer crop4;}. The channels are kept; the
 * window starts at {@code floor((n - m) / 2)} in each dimension. The layer reads the tensor
 * {@code like} names (its shape, not its elements). No parameters, MACs or FLOPs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface CenterCrop {
    /** A field above, or {@code "input"}, whose spatial size to crop to: a constant name. Required. */
    @Required
    String like() default "";
}
