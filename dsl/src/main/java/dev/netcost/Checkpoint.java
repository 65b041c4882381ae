package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a block use of a network whose activations are checkpointed in training, as
 * {@code torch.utils.checkpoint} does: the forward pass keeps only what the block reads, and the
 * backward pass runs the block's forward again before its backward. With {@link Repeat}, each
 * instance is checkpointed on its own, as Hugging Face's {@code gradient_checkpointing_enable()}
 * does per decoder layer. Counts only in a network with {@link Training}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Checkpoint {}
