package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a layer or block use that runs only in training, as Inception-v3's auxiliary classifier,
 * which torchvision's {@code forward} calls only when {@code self.training}:
 * {@code @InceptionAux(classes = 1000) @TrainingOnly Layer auxLogits;}.
 *
 * <p>Its weights are stored with the model, so its parameters and buffers count in
 * {@code PARAMS}, {@code BUFFERS} and {@code PARAM_BYTES}. Inference never runs it, so its MACs,
 * FLOPs, activations and memory traffic count in none of the inference figures ({@code MACS},
 * {@code FLOPS}, {@code MEMORY_ACCESS_BYTES}, peak memory); the companion gives them apart
 * ({@code TRAINING_ONLY_MACS}...), and its rows are marked. No layer that runs at inference may
 * read its output: the field after it names its input with {@link From}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface TrainingOnly {}
