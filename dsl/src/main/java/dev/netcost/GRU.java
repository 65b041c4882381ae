package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A gated recurrent unit, PyTorch's {@code nn.GRU}, over one sequence of tokens {@code (T, E)}:
 * {@code layers} stacked layers of {@code hidden} cells, forwards, and backwards too when
 * {@code bidirectional}. The output is {@code (T, D * hidden)}; the final state h_n is read by
 * {@link FinalState}.
 *
 * <p>Parameters as {@code nn.GRU} holds them, per layer and direction: {@code W_ih (3H, I)},
 * {@code W_hh (3H, H)}, and both bias vectors {@code b_ih} and {@code b_hh (3H)}; layer 0 reads
 * {@code I = E}, every later layer {@code I = D * H}. MACs per step, layer and direction:
 * {@code 3H*I + 3H*H}, times T.
 *
 * <p>PyTorch applies the reset gate after the hidden state's product, {@code r * (W_hn h + b_hn)},
 * as Keras's {@code GRU(reset_after=True)}, its default, does, with the same parameters. Keras's
 * {@code reset_after=False} applies it before, {@code W_hn (r * h)}, with one bias vector per gate:
 * {@code resetAfter = false}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GRU {
    /** Cells per layer and direction, PyTorch's {@code hidden_size}. Required: written here or given by {@link With}. */
    @Required
    int hidden() default 0;

    /** Stacked layers, PyTorch's {@code num_layers}; the second reads the first's output. */
    int layers() default 1;

    /** Whether each layer runs backwards too, its two outputs joined: D = 2. */
    boolean bidirectional() default false;

    /** Whether each gate has its bias vectors ({@code b_ih} and {@code b_hh}; one with {@code resetAfter = false}). */
    boolean bias() default true;

    /**
     * Whether the reset gate multiplies the hidden state's product, as PyTorch and Keras's default
     * ({@code reset_after=True}) do, with two bias vectors per gate; {@code false} is Keras's
     * {@code reset_after=False}: the reset gate multiplies the hidden state before its product, and
     * each gate has one bias vector.
     */
    boolean resetAfter() default true;

    /** Dropout between layers, from 0 to 1: in training only, so it changes no figure. */
    double dropout() default 0.0;
}
