package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Absolute position embeddings added to tokens {@code (T, E)}: row {@code t} of a
 * {@code (length, E)} table is added to token {@code t}. Learned by default, as BERT's and GPT-2's
 * {@code position_embeddings} and ViT's {@code pos_embedding}: parameters {@code length * E}. With
 * {@code sinusoidal = true} the table is fixed, as Whisper's audio encoder keeps it
 * ({@code register_buffer("positional_embedding", sinusoids(n_ctx, n_state))}): buffers
 * {@code length * E}, no parameters. The sequence may not be longer than the table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PositionEmbedding {
    /** Rows of the table: the longest sequence the network takes. Required: written here or given by {@link With}. */
    @Required
    int length() default 0;

    /**
     * Whether the table is fixed sinusoids rather than learned: counted as buffers, as openai-whisper
     * registers it (Hugging Face's {@code WhisperModel} holds it as a frozen parameter instead; leave
     * this false to match that count).
     */
    boolean sinusoidal() default false;
}
