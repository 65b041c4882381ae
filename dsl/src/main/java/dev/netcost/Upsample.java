package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Up-sampling (or any resizing) of a channels-first map {@code (C, L)}, {@code (C, H, W)} or
 * {@code (C, D, H, W)}, as PyTorch's {@code nn.Upsample} and {@code F.interpolate}: the channels
 * are kept, the spatial size is set by exactly one of {@link #scale()}, {@link #size()} and
 * {@link #like()}.
 *
 * <p>{@code like} names another tensor, a field above or {@code "input"}, whose spatial size the
 * output takes, as DeepLab's head does with {@code F.interpolate(x, size=input.shape[-2:],
 * mode="bilinear", align_corners=False)}:
 * {@code @Upsample(mode = Interpolation.BILINEAR, like = "input")}. The layer then reads that
 * tensor too (its shape, not its elements), which keeps it alive until here.
 *
 * <p>No parameters and no MACs; FLOPs per output element by the mode (see the cost model).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Upsample {
    /**
     * An integer scale factor: one value for every spatial dimension, or one per dimension; the
     * output is {@code n * scale}, as PyTorch's {@code scale_factor}.
     */
    int[] scale() default {};

    /** The output's spatial size: one value for every spatial dimension, or one per dimension. */
    int[] size() default {};

    /** A field above, or {@code "input"}, whose spatial size the output takes: a constant name. */
    String like() default "";

    /** How values between the input's cells are computed; PyTorch's default is nearest. */
    Interpolation mode() default Interpolation.NEAREST;

    /**
     * PyTorch's {@code align_corners}: the corner cells of input and output aligned. Only for the
     * interpolating modes; PyTorch refuses it with {@code NEAREST}. It changes no figure.
     */
    boolean alignCorners() default false;
}
