package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a layer share its weight with an earlier layer of the same network or block, as GPT-2's
 * head shares the token embedding's: {@code @Linear(out = 50257, bias = false) @Tied("wte")}.
 * The weight counts once in the parameters; every layer that uses it counts its MACs. The two
 * weights must have the same shape as PyTorch stores them: an embedding's {@code (vocab, dim)}
 * is a linear layer's {@code (out, in)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Tied {
    /** The earlier layer's field name. */
    String value();
}
