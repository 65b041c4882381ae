package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an annotation interface as an op of your own: a layer netcost does not know (a
 * research layer, a vendor's fused kernel, a quantised op), with its shape and its figures
 * written once, as expressions, and checked like netcost's own. The interface's elements are the
 * op's attributes ({@code int}, {@code int[]} or {@code boolean}), so javac checks their names,
 * types and required values wherever the op is used; the op is then used exactly as a built-in
 * one, in networks and blocks, with {@link With}, {@link If} and {@link From}.
 *
 * <pre>{@code
 * @CustomOp(layouts = CustomOp.Layout.FEATURES,
 *         shape = {"C", "H", "W"},
 *         params = "2 * C * squeeze + squeeze + C", buffers = "0",
 *         macs = "2 * C * squeeze",
 *         flops = "2 * numel + 4 * C * squeeze + squeeze + 3 * C",
 *         checks = @CustomOp.Check(require = "squeeze <= C", attribute = "squeeze",
 *                 message = "squeeze must be at most the input's channels"))
 * public @interface SqueezeExcitation {
 *     int squeeze();
 * }
 *
 * @SqueezeExcitation(squeeze = 16) Layer se;
 * }</pre>
 *
 * <p><b>Nothing is assumed.</b> The output shape, the four figures and the layouts have no
 * default, so javac refuses a declaration that leaves one out: an op that computes nothing says
 * {@code macs = "0"}. Only the memory traffic has a default, the rule every op follows.
 *
 * <p><b>Expressions</b> are {@link With}'s language (exact integer arithmetic, comparisons,
 * {@code && || !}, {@code c ? a : b}, {@code max}, {@code min}, {@code divisible}) over:
 * <ul>
 *   <li>the op's attributes by name; an {@code int[]} attribute by index, {@code kernel(0)};
 *   <li>the input's dimensions by name, as its layout names them: {@code C}, {@code (C, L)},
 *       {@code (C, H, W)}, {@code (C, D, H, W)} for a feature map, {@code (H, W, C)} and
 *       {@code (D, H, W, C)} channels last, {@code (T, E)} for tokens; or by index,
 *       {@code dim(0)}, negative from the end; {@code rank}, {@code numel} (its elements) and
 *       {@code in} (its features, as in {@link With});
 *   <li>in the figures and the memory traffic, the output too: {@code outDim(i)} and
 *       {@code outNumel}.
 * </ul>
 * All figures are for one sample; netcost multiplies MACs and FLOPs by the batch.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.ANNOTATION_TYPE)
public @interface CustomOp {
    /**
     * The op's name in the summary, the companion and the reports; empty: the annotation's simple
     * name. A plain name: an ASCII letter, then ASCII letters, digits, {@code _}, {@code .} and
     * {@code -}, at most 40 characters in all.
     */
    String name() default "";

    /** The layouts the op takes its input in; any other is an error at the use. */
    Layout[] layouts();

    /**
     * The output shape for one sample, one expression per dimension: {@code {"C", "H / 2", "W / 2"}}.
     * {@code {}} keeps the input's shape. The output keeps the input's layout, so its rank is one
     * each of {@link #layouts()} can have: channels last 3 or 4, tokens 2 or 3 ({@code (S, T, E)}),
     * channels first any; a vector (one dimension) is taken from any layout.
     */
    String[] shape();

    /** Learnable parameters. */
    String params();

    /** Non-learnable state kept with the model, such as batch norm's running statistics. */
    String buffers();

    /** Multiply-accumulates of one sample. */
    String macs();

    /** Floating-point operations of one sample, a multiply or an add each one. */
    String flops();

    /**
     * Elements one sample reads and writes, apart from the parameters and buffers (read once per
     * pass, as for every op). Empty: the rule every op follows, its input read and its output
     * written, {@code numel + outNumel}.
     */
    String memory() default "";

    /** What makes a use invalid: each a condition that must hold, and what to say when it does not. */
    Check[] checks() default {};

    /** What the axes of the op's input mean. */
    enum Layout {
        /** Channels first: {@code (C)}, {@code (C, L)}, {@code (C, H, W)}, {@code (C, D, H, W)}. */
        FEATURES,
        /** Channels last: {@code (H, W, C)}, {@code (D, H, W, C)}. */
        CHANNELS_LAST,
        /** A sequence of tokens {@code (T, E)}. */
        TOKENS
    }

    /** A condition every use must meet, with the message to give when it does not. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({})
    @interface Check {
        /** A boolean expression that holds for a valid use: {@code "C % groups == 0"}. */
        String require();

        /** What is wrong and how to fix it; netcost puts the layer and its input in front. */
        String message();

        /** The attribute the error goes on at the use; empty: the annotation as a whole. */
        String attribute() default "";
    }
}
