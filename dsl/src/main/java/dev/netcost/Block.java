package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an annotation interface as a reusable block of layers, such as ResNet's bottleneck.
 * The interface's elements are the block's parameters, so javac checks their names, types and
 * required values wherever the block is used. Its layers are the {@link Layer} fields of its
 * nested class {@code Layers}, declared as a network's are; their attributes may depend on the
 * parameters through {@link With} and {@link If}.
 *
 * <pre>{@code
 * @Block
 * @interface Bottleneck {
 *     int width();
 *     int out();
 *     @FirstOnly int stride() default 1;
 *
 *     class Layers {
 *         @Conv(kernel = 1, bias = false) @With(out = "width") Layer conv1;
 *         ...
 *         @Add({"bn3", "downsample"}) Layer add;
 *         @ReLU Layer relu;
 *     }
 * }
 *
 * // in a network or another block:
 * @Bottleneck(width = 256, out = 1024, stride = 2) @Repeat(6) Layer layer3;
 * }</pre>
 *
 * <p>A block's output is its last field's. Parameters may be {@code int} or {@code boolean}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Block {}
