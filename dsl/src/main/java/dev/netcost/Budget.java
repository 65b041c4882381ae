package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits on a network's figures, checked at compile time: a figure over its limit is a compile
 * error on that limit, with the figure, the limit, by how much it is over, and the three fields
 * that contribute most. Each limit is optional; an unwritten one does not apply.
 *
 * <pre>{@code
 * @Budget(maxMacs = 600_000_000L, maxParamBytes = 16_000_000L)
 * @Network(input = {3, 224, 224})
 * class EdgeNet { ... }
 * }</pre>
 *
 * <p>With {@code level = Level.WARNING} an overrun is a warning instead, which
 * {@code @SuppressWarnings("netcost:budget")} silences. The companion class is generated either
 * way, so code that reads its constants still compiles.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Budget {
    /** The most {@code PARAMS}. */
    long maxParams() default Long.MAX_VALUE;

    /** The most {@code MACS}, for the whole batch. */
    long maxMacs() default Long.MAX_VALUE;

    /** The most {@code FLOPS}, for the whole batch. */
    long maxFlops() default Long.MAX_VALUE;

    /** The most {@code PEAK_MEMORY_BYTES}: parameters and the activation peak. */
    long maxPeakMemoryBytes() default Long.MAX_VALUE;

    /** The most {@code PARAM_BYTES}: parameters and buffers in the network's dtype. */
    long maxParamBytes() default Long.MAX_VALUE;

    /**
     * The most {@code ACTIVE_PARAMS}: the parameters one token's inference pass uses, in a network
     * with a {@link MixtureOfExperts}; in any other network every parameter but those of
     * {@link TrainingOnly} layers is active, so this bounds {@code PARAMS - TRAINING_ONLY_PARAMS}.
     */
    long maxActiveParams() default Long.MAX_VALUE;

    /**
     * The most {@code TRAINING_PEAK_BYTES}: the model states of a training step (weights, gradients,
     * master weights, optimizer state) and its activation peak; needs {@link Training}.
     */
    long maxTrainingMemoryBytes() default Long.MAX_VALUE;

    /** The most {@code STEP_FLOPS}: forward, backward and recomputation of one training step; needs {@link Training}. */
    long maxStepFlops() default Long.MAX_VALUE;

    /**
     * The most roofline time of one inference of the batch, in nanoseconds ({@code <DEVICE>_NANOS}),
     * on each of the devices {@link #device()} and {@link #customDevice()} name, or on every device
     * of {@link Roofline} when they name none; needs {@link Roofline}. 30 frames a second is
     * {@code 33_333_333L}.
     */
    long maxInferenceNanos() default Long.MAX_VALUE;

    /**
     * The most roofline time of one decode step of the batch at the context, in nanoseconds
     * ({@code <DEVICE>_DECODE_NANOS}), on the same devices; needs {@link Roofline} and {@link Decoder}.
     * 50 tokens a second for one sequence is {@code 20_000_000L}.
     */
    long maxDecodeNanosPerToken() default Long.MAX_VALUE;

    /**
     * Devices of {@link Roofline#value()} that the time limits hold on. The limits hold on the devices
     * this and {@link #customDevice()} name together, or on every device of {@link Roofline} when
     * both are empty: {@code device = Hardware.L4} alone leaves out every custom device.
     */
    Hardware[] device() default {};

    /**
     * Devices of {@link Roofline#custom()} that the time limits hold on. The limits hold on the
     * devices this and {@link #device()} name together, or on every device of {@link Roofline} when
     * both are empty: {@code customDevice = OrinNx.class} alone leaves out every device of
     * {@link Hardware}.
     */
    Class<?>[] customDevice() default {};

    /** Whether an overrun fails the build or only warns. */
    Level level() default Level.ERROR;

    /** How an overrun is reported. */
    enum Level {
        ERROR,
        WARNING
    }
}
