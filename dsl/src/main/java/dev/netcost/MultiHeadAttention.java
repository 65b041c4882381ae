package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Self-attention on tokens {@code (T, E)}, with its q, k, v and output projections, as
 * PyTorch's {@code MultiheadAttention}: {@code (T, E)} to {@code (T, E)}. Each of {@code heads}
 * heads is {@code E / heads} wide. {@code kvHeads} below {@code heads} makes it grouped-query
 * attention (LLaMA-3, Mistral); {@code kvHeads = 1} is multi-query attention.
 *
 * <p>MACs: the projections, {@code 2 T E^2 + 2 T E (kvHeads * E / heads)}, the scores
 * {@code T^2 E} and the weighted sum {@code T^2 E}. A causal mask changes no counted MAC: like
 * PyTorch's counters, netcost counts the full products. Each projection's bias is a parameter
 * per output and one add per output element; openai-whisper's attention, whose key projection has
 * none, is {@code @MultiHeadAttention(heads = 6, keyBias = false)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MultiHeadAttention {
    /** Query heads; E must divide by it. Required: written here or given by {@link With}. */
    @Required
    int heads() default 0;

    /** Key and value heads, dividing {@code heads}; 0, the default, means as many as {@code heads}. */
    int kvHeads() default 0;

    /**
     * Whether the four projections have biases (BERT, GPT-2, ViT: yes; LLaMA: no). A projection
     * has its bias when this and its own switch ({@link #queryBias()}, {@link #keyBias()},
     * {@link #valueBias()}, {@link #outBias()}) are true.
     */
    boolean bias() default true;

    /** Whether the query projection has a bias, when {@link #bias()} does. */
    boolean queryBias() default true;

    /** Whether the key projection has a bias, when {@link #bias()} does: Whisper's has none ({@code false}). */
    boolean keyBias() default true;

    /** Whether the value projection has a bias, when {@link #bias()} does. */
    boolean valueBias() default true;

    /** Whether the output projection has a bias, when {@link #bias()} does: Qwen2's has none ({@code false}). */
    boolean outBias() default true;

    /** Whether each token attends only to those before it, as in a decoder. */
    boolean causal() default false;

    /** Whether q and k get rotary position embeddings (LLaMA, Mistral): their FLOPs, no parameters. */
    boolean rotary() default false;
}
