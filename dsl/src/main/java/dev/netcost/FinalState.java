package dev.netcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The final state of a recurrent layer ({@link LSTM}, {@link GRU}, {@link RNN}), PyTorch's second
 * return value: {@code output, (h_n, c_n) = lstm(x)}. {@code @FinalState("lstm") Layer hidden;}
 * is {@code h_n}, of shape {@code (layers * D, Hout)}, one row per layer and direction;
 * {@code @FinalState(value = "lstm", cell = true)} is an LSTM's {@code c_n}, {@code (layers * D,
 * hidden)}. It reads the layer it names (a field above, or one in the same block), not the field
 * above it, and computes nothing. Its rows are held as tokens, so that {@code @SelectToken(index =
 * -1)} takes the last layer's state, {@code h_n[-1]}, as a classifier over a sequence does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface FinalState {
    /** The recurrent layer whose final state this is: a field above. */
    String value();

    /** {@code true}: an LSTM's final cell state c_n rather than its hidden state h_n. */
    boolean cell() default false;
}
