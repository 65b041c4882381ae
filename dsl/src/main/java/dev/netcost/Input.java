package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a named input of a {@link Network}, besides or instead of {@code @Network(input)}: an
 * encoder-decoder's token ids beside its audio frames, a text tower's tokens beside an image.
 * The field's name is the input's: later fields read it with {@link From} or in a merge, and the
 * field just below reads it by default, as a layer reads the field above it.
 *
 * <pre>{@code
 * @Network(input = {80, 3000})            // "input": 80 mel bins x 3,000 frames
 * @Decoder("tokens")
 * class Whisper {
 *     ...encoder layers...
 *     @Input(shape = 448, kind = InputKind.IDS) Layer tokens;
 *     @Embedding(vocab = 51865, dim = 384) Layer embed;   // reads tokens
 *     ...
 * }
 * }</pre>
 *
 * <p>An input has no parameters and no figures; the companion gives its shape and bytes. Only a
 * network declares inputs: a block reads tensors through its {@code String} parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Input {
    /** One sample's shape, in the layout {@link #kind()} says. Required. */
    @Required
    int[] shape() default {};

    /**
     * What the input holds: the layout the layers below see, checked against the shape's rank.
     * Token ids only an {@link Embedding} reads.
     */
    InputKind kind() default InputKind.FEATURES;
}
