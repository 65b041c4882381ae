package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A learned lookup table, as PyTorch's {@code Embedding}: token ids {@code (T)} to token vectors
 * {@code (T, dim)}. Declare the network's input as the token ids, {@code @Network(input = {T})},
 * and put the embedding first. Parameters {@code vocab * dim}; no MACs (a lookup).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Embedding {
    /** Rows of the table: the vocabulary size. Required: written here or given by {@link With}. */
    @Required
    int vocab() default 0;

    /** Width of each token vector, E. Required: written here or given by {@link With}. */
    @Required
    int dim() default 0;
}
