package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a network. Its fields of type {@link Layer} that carry a layer
 * annotation, or the annotation of a {@link Block}, are the layers, run in declaration order,
 * each on the output of the one before unless {@link From} or a merge ({@link Add},
 * {@link Concat}, {@link Mul}) names other inputs.
 *
 * <p>At compile time netcost infers every shape, reports shape errors on the annotation value
 * at fault, and generates {@code <ClassName>Cost} in the same package with the network's
 * parameters, buffers, MACs and FLOPs as {@code static final} constants.
 *
 * <pre>{@code
 * @Network(input = {3, 224, 224})
 * class Tiny {
 *     @Conv(out = 16, kernel = 3, padding = 1) Layer conv;
 *     @ReLU Layer relu;
 *     @GlobalAvgPool Layer pool;
 *     @Flatten Layer flatten;
 *     @Linear(out = 10) Layer fc;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
    /**
     * The shape of one input sample, channels first. Its rank decides what the network is:
     * {@code {F}} a vector, {@code {C, L}} 1-d, {@code {C, H, W}} 2-d, {@code {C, D, H, W}} 3-d;
     * {@code {T}}, token ids, for a network that starts with an {@link Embedding}. Layers read it
     * as {@code "input"}. Empty, the default, when the network declares its inputs as
     * {@link Input} fields instead.
     */
    int[] input() default {};

    /**
     * What {@link #input()} holds, as an {@link Input}'s {@code kind}: {@code IDS} for token ids,
     * which the summary and the reports then name so; {@code TOKENS} for tokens already embedded.
     */
    InputKind inputKind() default InputKind.FEATURES;

    /** Samples per forward pass. Multiplies every MAC and FLOP figure, never a parameter count. */
    int batch() default 1;

    /** The element type of weights and activations, for the memory figures. */
    DType dtype() default DType.FLOAT32;
}
