package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * BERT's token-type (segment) embeddings: a learned {@code (types, E)} table, one row of it added
 * to each token of {@code (T, E)}. Parameters {@code types * E}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface TokenTypeEmbedding {
    /** Rows of the table: BERT's {@code type_vocab_size}. */
    int types() default 2;
}
