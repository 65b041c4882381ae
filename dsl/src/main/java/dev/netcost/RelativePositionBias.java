package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * T5's relative position bias: a learned {@code (buckets, heads)} table,
 * {@code relative_attention_bias = nn.Embedding(buckets, heads)}, from which each pair of tokens
 * {@code (i, j)} takes one bias per head by the bucket its distance {@code j - i} falls in, added to
 * the attention scores. On tokens {@code (T, E)}, which it leaves unchanged: declare it where the
 * table is, before the attention of the first layer of a stack; T5 shares it with the stack's other
 * layers, so it is declared once per stack (t5-small: {@code 32 * 8 = 256} parameters in its encoder
 * and as many in its decoder).
 *
 * <p>Parameters {@code buckets * heads}; no MACs; FLOPs {@code heads * T * T}, the bias added to
 * one layer's scores (see the cost model).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RelativePositionBias {
    /** Rows of the table: the buckets distances fall in (T5's {@code relative_attention_num_buckets}). */
    int buckets() default 32;

    /**
     * Attention heads, one bias each: the heads of the attention it biases. Required: written here or
     * given by {@link With}.
     */
    @Required
    int heads() default 0;

    /**
     * The distance from which every distance falls in the last bucket (T5's
     * {@code relative_attention_max_distance}); it chooses buckets and changes no figure.
     */
    int maxDistance() default 128;

    /**
     * Whether distances before and after a token have buckets of their own (T5's encoder), or only
     * those before it (T5's decoder, causal); it changes no figure.
     */
    boolean bidirectional() default true;
}
