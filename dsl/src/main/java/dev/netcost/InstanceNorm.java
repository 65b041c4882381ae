package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Instance normalization, as PyTorch's {@code InstanceNorm1d/2d/3d(C, affine, track_running_stats)}
 * with its defaults: each channel of each sample normalized over its positions, so it takes a
 * map {@code (C, L)}, {@code (C, H, W)} or {@code (C, D, H, W)}. Parameters {@code 2C} with
 * {@code affine}; buffers {@code 2C} (running mean and variance) with {@code trackRunningStats}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface InstanceNorm {
    /** Whether there is a learned scale and shift per channel, as PyTorch's {@code affine}. */
    boolean affine() default false;

    /**
     * Whether it keeps a running mean and variance, as PyTorch's {@code track_running_stats}; PyTorch's
     * inference then normalizes with them, as batch norm does.
     */
    boolean trackRunningStats() default false;
}
