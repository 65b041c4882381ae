package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link Network} a decoder language model, run token by token with a KV cache. The
 * generated class then also has the figures of inference: {@code CONTEXT} (the tokens that reach
 * the attention layers), {@code KV_CACHE_BYTES} at that context for the batch and dtype,
 * {@code PREFILL_MACS} (the whole context at once) and {@code DECODE_MACS} (one new token at the
 * full context), with {@code kvCacheBytes(tokens)} and {@code decodeMacs(context)} for other
 * contexts.
 *
 * <p>A decoder that also attends to an encoder ({@link CrossAttention}) names the input it
 * decodes; its {@code CROSS_KV_CACHE_BYTES} are the keys and values of the encoder's output,
 * computed once, and part of {@code KV_CACHE_BYTES}.
 *
 * <pre>{@code
 * @Network(input = {1024}) @Decoder
 * class Gpt2 { @Embedding(vocab = 50257, dim = 768) Layer wte; ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Decoder {
    /**
     * The input that carries the tokens it generates, for a network of several inputs (an
     * encoder-decoder: {@code @Decoder("tokens")}); empty for a network of one input. The layers
     * that do not depend on it (the encoder) run once, at prefill; each decode step runs only the
     * layers that do, and a cross-attention's keys and values of the encoder's output are computed
     * once and cached.
     */
    String value() default "";
}
