package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An Elman recurrent network, PyTorch's {@code nn.RNN}, over one sequence of tokens {@code (T, E)}:
 * {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)} (or ReLU) in {@code layers} stacked layers of
 * {@code hidden} cells, forwards, and backwards too when {@code bidirectional}. The output is
 * {@code (T, D * hidden)}; the final state h_n is read by {@link FinalState}.
 *
 * <p>Parameters as {@code nn.RNN} holds them, per layer and direction: {@code W_ih (H, I)},
 * {@code W_hh (H, H)}, {@code b_ih} and {@code b_hh (H)}; layer 0 reads {@code I = E}, every later
 * layer {@code I = D * H}. MACs per step, layer and direction: {@code H*I + H*H}, times T.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RNN {
    /** Cells per layer and direction, PyTorch's {@code hidden_size}. Required: written here or given by {@link With}. */
    @Required
    int hidden() default 0;

    /** Stacked layers, PyTorch's {@code num_layers}; the second reads the first's output. */
    int layers() default 1;

    /** Whether each layer runs backwards too, its two outputs joined: D = 2. */
    boolean bidirectional() default false;

    /** Whether each layer has its two bias vectors, {@code b_ih} and {@code b_hh}. */
    boolean bias() default true;

    /** Dropout between layers, from 0 to 1: in training only, so it changes no figure. */
    double dropout() default 0.0;

    /** The activation of each step, PyTorch's {@code nonlinearity}. */
    Nonlinearity nonlinearity() default Nonlinearity.TANH;

    /** PyTorch's {@code nonlinearity} argument. */
    enum Nonlinearity {
        /** {@code 'tanh'}, the default. */
        TANH,
        /** {@code 'relu'}. */
        RELU
    }
}
