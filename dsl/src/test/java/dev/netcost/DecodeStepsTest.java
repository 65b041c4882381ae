package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A decode step's rows, on a device of 1e12 FLOP/s and 1e10 B/s (1 FLOP 0.001 ns, 1 byte 0.1 ns), by
 * hand.
 */
class DecodeStepsTest {
    private static final Device ROUND = new Device("Round", 1e12, 0, 0, 1e10, 0);

    /**
     * Two attention layers at context 4, each 1,280 FLOPs and 1,792 bytes, 64 FLOPs and 128 bytes more a
     * token of context; one head of 3,200 FLOPs and 4,064 bytes. At 4: 2 x 179.2 + 406.4 = 764.8 ns. At
     * 100: each attention layer 1,792 + 96 x 128 = 14,080 bytes, 1,408 ns: 2,816 + 406.4 = 3,222.4 ns.
     */
    @Test
    void aStepAtAnyContext() {
        DecodeSteps steps = DecodeSteps.of(4, List.of(new DecodeSteps.Step(2, 1_280, 1_792, 64, 128),
                new DecodeSteps.Step(1, 3_200, 4_064, 0, 0)));
        assertEquals(764.8, steps.nanos(ROUND, DType.FLOAT32, 4), 1e-9);
        assertEquals(3_222.4, steps.nanos(ROUND, DType.FLOAT32, 100), 1e-9);
        // At 1 token: 1,792 - 3 x 128 = 1,408 bytes, 140.8 ns each.
        assertEquals(2 * 140.8 + 406.4, steps.nanos(ROUND, DType.FLOAT32, 1), 1e-9);
        // At 0, as decodeMacs(0): nothing cached, the new token's keys and values written, 1,792 - 4 x 128 =
        // 1,280 bytes.
        assertEquals(2 * 128 + 406.4, steps.nanos(ROUND, DType.FLOAT32, 0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> steps.nanos(ROUND, DType.FLOAT32, -1));
    }

    @Test
    void rowsSurviveText() {
        DecodeSteps steps = DecodeSteps.of(4, List.of(new DecodeSteps.Step(32, 1, 2, 3, 4),
                new DecodeSteps.Step(1, 5, 6, 0, 0)));
        assertEquals("32\t1\t2\t3\t4\n1\t5\t6\t0\t0\n", steps.encode());
        String text = steps.encode();
        assertEquals(steps.steps(), DecodeSteps.decode(4, text.substring(0, 10), text.substring(10)).steps());
        assertThrows(IllegalArgumentException.class, () -> DecodeSteps.decode(4, "1\t2\t3\n"));
        assertThrows(IllegalArgumentException.class, () -> new DecodeSteps.Step(0, 1, 1, 0, 0));
    }
}
