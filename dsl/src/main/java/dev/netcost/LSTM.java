package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A long short-term memory, PyTorch's {@code nn.LSTM}, over one sequence of tokens {@code (T, E)}
 * ({@code batch_first} changes no figure): {@code layers} stacked layers of {@code hidden} cells,
 * each run forwards, and backwards too when {@code bidirectional}. The output is every step's
 * hidden state, {@code (T, D * Hout)} with {@code D = 2} if bidirectional and {@code Hout =
 * projSize} if it is above 0, else {@code hidden}; the final states h_n and c_n are read by
 * {@link FinalState}.
 *
 * <p>Parameters exactly as {@code nn.LSTM} holds them, per layer and direction: {@code W_ih
 * (4H, I)}, {@code W_hh (4H, Hout)}, both bias vectors {@code b_ih} and {@code b_hh (4H)}, and
 * with {@code projSize} {@code W_hr (Hout, H)}; layer 0 reads {@code I = E}, every later layer
 * {@code I = D * Hout}. MACs per step, layer and direction: {@code 4H*I + 4H*Hout} (and
 * {@code H*Hout} for the projection), times T.
 *
 * <p>The word language model of PyTorch's examples: {@code @LSTM(hidden = 200, layers = 2)} after
 * an {@code @Embedding(vocab = 33278, dim = 200)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LSTM {
    /** Cells per layer and direction, PyTorch's {@code hidden_size}. Required: written here or given by {@link With}. */
    @Required
    int hidden() default 0;

    /** Stacked layers, PyTorch's {@code num_layers}; the second reads the first's output. */
    int layers() default 1;

    /** Whether each layer runs backwards too, its two outputs joined: D = 2. */
    boolean bidirectional() default false;

    /** Whether each gate has its two bias vectors, {@code b_ih} and {@code b_hh}. */
    boolean bias() default true;

    /**
     * PyTorch's {@code proj_size}: above 0, each step's hidden state is projected to this width
     * by {@code W_hr}, which the output and the recurrence then have; it must be below {@code hidden}.
     */
    int projSize() default 0;

    /** Dropout between layers, from 0 to 1: in training only, so it changes no figure. */
    double dropout() default 0.0;
}
