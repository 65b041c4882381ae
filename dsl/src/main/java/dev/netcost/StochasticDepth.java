package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stochastic depth (torchvision's {@code StochasticDepth}, timm's {@code DropPath}): in training it
 * drops a residual branch at random; at inference it is the identity and costs nothing. Declared
 * so that a reader of the network sees it where PyTorch has it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface StochasticDepth {
    /** Probability of dropping the branch during training, from 0 to 1. */
    double p() default 0.0;

    /** What is dropped together: one sample's branch ({@code "row"}) or the whole batch's. */
    Mode mode() default Mode.ROW;

    /** torchvision's {@code mode} argument. */
    enum Mode {
        /** {@code "row"}: each sample of the batch on its own. */
        ROW,
        /** {@code "batch"}: the whole batch at once. */
        BATCH
    }
}
