package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Learned absolute position embeddings added to tokens {@code (T, E)}: row {@code t} of a
 * {@code (length, E)} table is added to token {@code t}, as BERT's and GPT-2's
 * {@code position_embeddings} and ViT's {@code pos_embedding}. The sequence may not be longer
 * than the table. Parameters {@code length * E}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PositionEmbedding {
    /** Rows of the table: the longest sequence the network takes. Required: written here or given by {@link With}. */
    @Required
    int length() default 0;
}
