package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device's roofline arithmetic, and the table of {@link Hardware} held to the figures of the data
 * sheets its constants cite, typed here from the sheets (dense: a figure quoted with sparsity halved).
 */
class DeviceTest {
    private static final Device ROUND = new Device("Round", 1e12, 4e12, 8e12, 1e10, 0);

    /** 1e6 FLOPs at 1e12 FLOP/s: 1,000 ns; 1e4 bytes at 1e10 B/s: 1,000 ns. A tie is memory bound. */
    @Test
    void timeIsTheLongerOfComputeAndMemory() {
        assertEquals(1_000, ROUND.computeNanos(1_000_000, DType.FLOAT32), 1e-9);
        assertEquals(1_000, ROUND.memoryNanos(10_000), 1e-9);
        assertEquals(Device.Bound.MEMORY, ROUND.bound(1_000_000, 10_000, DType.FLOAT32));
        assertEquals(Device.Bound.COMPUTE, ROUND.bound(1_000_001, 10_000, DType.FLOAT32));
        assertEquals(2_000, ROUND.nanos(1_000_000, 20_000, DType.FLOAT32), 1e-9);
        // float16 and bfloat16 run at the float16 peak, int8 at int8's: 4e6 FLOPs in 1,000 ns.
        assertEquals(1_000, ROUND.computeNanos(4_000_000, DType.BFLOAT16), 1e-9);
        assertEquals(1_000, ROUND.computeNanos(8_000_000, DType.INT8), 1e-9);
        assertEquals(100, ROUND.ridgePoint(DType.FLOAT32), 1e-9);
    }

    /** The sum over layers leaves out those that run only in training. */
    @Test
    void aNetworkIsTheSumOfItsLayersThatRunAtInference() {
        Layer small = new Layer("a", "Linear", Shape.of(8), Shape.of(16), 144, 0, 128, 256, 64, 672);
        Layer aux = new Layer("aux", "Linear", Shape.of(16), Shape.of(4), 68, 0, 64, 128, 16, 352, true);
        // 672 bytes: 67.2 ns; the training-only layer's 35.2 ns are not in the sum.
        assertEquals(67.2, ROUND.nanos(List.of(small, aux), DType.FLOAT32), 1e-9);
        assertEquals(35.2, ROUND.nanos(aux, DType.FLOAT32), 1e-9);
    }

    @Test
    void aDeviceWithoutAPeakHasNoTimeForThatType() {
        Device noInt8 = new Device("No int8", 1e12, 1e12, 0, 1e10, 0);
        assertFalse(noInt8.supports(DType.INT8));
        assertTrue(noInt8.supports(DType.FLOAT16));
        assertThrows(IllegalArgumentException.class, () -> noInt8.computeNanos(1, DType.INT8));
    }

    @Test
    void figuresMustBeUsable() {
        assertThrows(IllegalArgumentException.class, () -> new Device(" ", 1, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("two\nlines", 1, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("a\u2028b", 1, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("x", -1, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("x", Double.NaN, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("x", 1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("x", 1, 1, 1, Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new Device("x", 1, 1, 1, 1, -1));
    }

    /**
     * Each figure as its data sheet prints it: H100 SXM "67 teraFLOPS", "1,979 teraFLOPS*" and "3,958
     * TOPS*" with sparsity, "3.35TB/s"; A100 80 GB SXM "19.5 TFLOPS", "312 TFLOPS", "624 TOPS", "2,039GB/s";
     * L4 "30.3 teraFLOPs", "242 teraFLOPS*", "485 TOPs*", "300GB/s"; Jetson Orin Nano 8 GB 1,024 CUDA cores
     * at 625 MHz, "20 (Dense)" INT8 TOPs, 68 GB/s; Apple M2 3.6 TFLOPS, 100 GB/s; Raspberry Pi 5 four
     * Cortex-A76 at 2.4 GHz, two 128-bit FMA pipes, LPDDR4X-4267 on 32 bits.
     */
    @Test
    void theTableIsTheDataSheets() {
        check(Hardware.H100_SXM, 67e12, 1_979e12 / 2, 3_958e12 / 2, 3.35e12);
        check(Hardware.A100_80GB, 19.5e12, 312e12, 624e12, 2_039e9);
        check(Hardware.L4, 30.3e12, 242e12 / 2, 485e12 / 2, 300e9);
        check(Hardware.JETSON_ORIN_NANO, 1_024 * 2 * 625e6, 20e12 / 2, 20e12, 68e9);
        check(Hardware.APPLE_M2, 3.6e12, 3.6e12, 0, 100e9);
        check(Hardware.RASPBERRY_PI_5, 2 * 4 * 2 * 4 * 2.4e9, 2 * 8 * 2 * 4 * 2.4e9, 2 * 32 * 4 * 2.4e9,
                4_267e6 * 32 / 8);
        // The ridge points the README quotes: where a float16 layer on the H100 turns compute bound, and on
        // the Orin Nano.
        assertEquals(295.37, Hardware.H100_SXM.device().ridgePoint(DType.FLOAT16), 0.01);
        assertEquals(147.06, Hardware.JETSON_ORIN_NANO.device().ridgePoint(DType.FLOAT16), 0.01);
    }

    private static void check(Hardware hardware, double float32, double float16, double int8, double bandwidth) {
        Device device = hardware.device();
        assertEquals(float32, device.float32FlopsPerSecond(), float32 * 1e-12, hardware + " float32");
        assertEquals(float16, device.float16FlopsPerSecond(), float16 * 1e-12, hardware + " float16");
        assertEquals(int8, device.int8OpsPerSecond(), int8 * 1e-12, hardware + " int8");
        assertEquals(bandwidth, device.memoryBytesPerSecond(), bandwidth * 1e-12, hardware + " bandwidth");
    }
}
