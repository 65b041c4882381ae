package dev.netcost.processor.model;

import java.util.List;

/**
 * The rule on the probability {@code p} of an op that drops at random in training
 * ({@code @Dropout}, {@code @StochasticDepth}): from 0 to 1.
 */
final class Probability {
    private Probability() {}

    /** No fault if {@code p} is a probability; else one on {@code p}. */
    static List<Fault> check(double p) {
        return check(Attr.P, p);
    }

    /** As {@link #check(double)}, for a probability named otherwise: a recurrent layer's {@code dropout}. */
    static List<Fault> check(Attr attr, double p) {
        // Written so that NaN fails too.
        if (p >= 0 && p <= 1) {
            return List.of();
        }
        return List.of(Message.NOT_A_PROBABILITY.on(attr, attr.javaName(), p));
    }
}
