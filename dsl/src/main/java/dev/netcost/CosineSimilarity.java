package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cosine similarity of two vectors of one width, {@code (E)} and {@code (E)}, as one logit
 * {@code (1)}: CLIP's {@code logit_scale.exp() * (x / norm(x)) . (y / norm(y))} of an image's and a
 * text's features. Each name is a field declared above this one, or {@code "input"}:
 * {@code @CosineSimilarity({"image", "text"})}.
 *
 * <p>Parameters: 1 with {@code logitScale} (CLIP's learned {@code logit_scale}), else 0. MACs
 * {@code 3E}: the dot product and the two squared norms. Per sample, one pair: CLIP's batch of N
 * images against N texts makes N x N logits, which netcost's figures, N pairs for a batch of N, do
 * not count (see the cost model).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface CosineSimilarity {
    /** The two vectors to compare: names of earlier fields, or {@code "input"}. Exactly two. */
    String[] value();

    /** Whether the similarity is scaled by a learned temperature, {@code exp(logit_scale)}, as CLIP's logits are. */
    boolean logitScale() default true;
}
