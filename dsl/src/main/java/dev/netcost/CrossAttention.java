package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cross-attention: the queries are the layer's input, tokens {@code (T, E)}; the keys and values
 * are projected from the tokens {@code (S, Ekv)} of another tensor, the one {@link #memory()}
 * names (an encoder's output), as PyTorch's {@code MultiheadAttention(query, key=memory,
 * value=memory)} and the decoder layers of Whisper and T5 compute it. The output is
 * {@code (T, E)}. Each of {@code heads} heads is {@code E / heads} wide; {@code kvHeads} below
 * {@code heads} makes it grouped-query attention.
 *
 * <p>Whisper's decoder attends to its encoder's output {@code encoded}, its key projection without
 * a bias: {@code @CrossAttention(heads = 6, memory = "encoded", keyBias = false)}.
 *
 * <p>With {@code E' = kvHeads * E / heads}, MACs: the q and out projections {@code 2 T E^2}, the k
 * and v projections of the memory {@code 2 S Ekv E'}, the scores {@code T S E} and the weighted
 * sum {@code T S E}. In a decoder, the keys and values of the memory are computed once, at prefill.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface CrossAttention {
    /** Query heads; E must divide by it. Required: written here or given by {@link With}. */
    @Required
    int heads() default 0;

    /** Key and value heads, dividing {@code heads}; 0, the default, means as many as {@code heads}. */
    int kvHeads() default 0;

    /**
     * The tensor whose tokens {@code (S, Ekv)} the queries attend to: a field above,
     * {@code "input"}, or a block's tensor parameter; a constant name. Required.
     */
    @Required
    String memory() default "";

    /**
     * The width Ekv of the memory's tokens, which the key and value projections take, PyTorch's
     * {@code kdim} (and {@code vdim}); 0, the default, means the queries' width E, as
     * {@code kdim=None}. It must be the memory's width.
     */
    int keyWidth() default 0;

    /**
     * Whether the four projections have biases. A projection has its bias when this and its own
     * switch ({@link #queryBias()}, {@link #keyBias()}, {@link #valueBias()}, {@link #outBias()})
     * are true.
     */
    boolean bias() default true;

    /** Whether the query projection has a bias, when {@link #bias()} does. */
    boolean queryBias() default true;

    /** Whether the key projection has a bias, when {@link #bias()} does: Whisper's has none ({@code false}). */
    boolean keyBias() default true;

    /** Whether the value projection has a bias, when {@link #bias()} does. */
    boolean valueBias() default true;

    /** Whether the output projection has a bias, when {@link #bias()} does. */
    boolean outBias() default true;
}
