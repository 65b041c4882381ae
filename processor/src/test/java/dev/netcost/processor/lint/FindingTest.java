package dev.netcost.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Lint;
import dev.netcost.processor.model.Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A finding takes its lint from its message, so the two cannot disagree. */
class FindingTest {

    @Test
    void theLintComesFromTheMessage() {
        Finding found = Finding.of(Message.BIAS_BEFORE_NORM, Optional.of("Bottleneck"), 2, Optional.of(Attr.BIAS),
                "conv", "bn", "64");
        assertEquals(new Finding(Lint.BIAS_BEFORE_NORM, Optional.of("Bottleneck"), 2, Optional.of(Attr.BIAS),
                "conv: the bias is wasted: bn right after it subtracts each channel's mean, bias included (64"
                        + " parameters); set bias = false"), found);
    }

    /** An error's message has no lint to print it under. */
    @Test
    void anErrorsMessageMakesNoFinding() {
        assertThrows(IllegalStateException.class, () -> Finding.of(Message.GROUPS_NOT_DIVIDING_OUT,
                Optional.empty(), 0, Optional.empty(), 3, 8));
    }

    /** The framing a rule adds keeps the lint and the place. */
    @Test
    void withMessageKeepsTheLintAndThePlace() {
        Finding found = Finding.of(Message.DEAD_BRANCH, Optional.empty(), 1, Optional.empty(), "a", "b", "Net");
        Finding framed = found.withMessage("framed");
        assertEquals(new Finding(Lint.DEAD_BRANCH, Optional.empty(), 1, Optional.empty(), "framed"), framed);
    }
}
