package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a layer or block use whose parameters get no gradient in training
 * ({@code requires_grad = False}): no weight gradient is computed, stored or updated, and the
 * optimizer keeps no state for it. Gradients still flow through it to the layers before it.
 * Counts only in a network with {@link Training}.
 *
 * <pre>{@code
 * @Embedding(vocab = 32000, dim = 4096) @Frozen Layer embed;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Frozen {}
