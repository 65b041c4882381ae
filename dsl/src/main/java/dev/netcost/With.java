package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives attributes of the layer (or arguments of the block) on the same field as expressions
 * over the enclosing block's parameters: {@code @Conv(kernel = 3, padding = 1)
 * @With(out = "width", stride = "stride", groups = "groups")}. An attribute is given either on
 * the layer annotation or here, never both.
 *
 * <p>Expressions are integer arithmetic, exact and checked at compile time: the block's
 * parameters; {@code in}, the channels coming into the block (or network), or the width E of
 * tokens {@code (T, E)}; integer literals;
 * {@code + - * / %} ({@code /} rounds down, as Python's {@code //}); comparisons;
 * {@code && || !}; {@code c ? a : b}; and {@code max(a, b)}, {@code min(a, b)} and
 * {@code divisible(v, d)} (torchvision's {@code _make_divisible}: {@code v} rounded to a multiple
 * of {@code d}, never more than 10% below it).
 *
 * <p>A per-dimension attribute takes one expression per dimension, separated by commas:
 * {@code @With(kernel = "kh, kw", padding = "kh / 2, kw / 2")}, as Inception-v3's 1 x 7 convolutions need.
 *
 * <p>The named elements cover the layer attributes; {@link #args()} gives any attribute or block
 * parameter by name ({@code "squeeze = max(1, in / 4)"}). A block parameter whose name is one of
 * the named elements ({@code out}, {@code stride}...) may be given either way.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface With {
    String out() default "";

    String kernel() default "";

    String stride() default "";

    String padding() default "";

    String dilation() default "";

    String groups() default "";

    String outputPadding() default "";

    String output() default "";

    String parts() default "";

    String index() default "";

    String bias() default "";

    String ceilMode() default "";

    String heads() default "";

    String kvHeads() default "";

    String causal() default "";

    String rotary() default "";

    String vocab() default "";

    String dim() default "";

    String length() default "";

    String tokens() default "";

    String types() default "";

    String window() default "";

    String shift() default "";

    /** A recurrent layer's {@code hidden}. */
    String hidden() default "";

    /** A recurrent layer's {@code layers}. */
    String layers() default "";

    /** Any attribute or parameter as {@code "name = expression"}. */
    String[] args() default {};
}
