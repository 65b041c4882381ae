package dev.netcost;

/**
 * The devices netcost knows, for {@link Roofline} and {@link Budget#device()}: each figure is from
 * the vendor's data sheet, cited on the constant, dense (a figure quoted "with sparsity" is halved)
 * and at the clocks the constant names (for {@link #JETSON_ORIN_NANO}, its original 15 W mode, not
 * the faster "Super" mode). Where a vendor publishes no FLOP/s (a CPU), the
 * figure is derived from the core's published throughput, and the constant shows how.
 *
 * <pre>{@code
 * @Roofline({Hardware.JETSON_ORIN_NANO, Hardware.H100_SXM})
 * @Network(input = {3, 224, 224})
 * class ResNet50 { ... }
 * }</pre>
 *
 * <p>At run time, {@link #device()} is the same figures as a {@link Device}, which a generated
 * {@code timeNanos(Device)} takes.
 */
public enum Hardware {
    /**
     * NVIDIA H100 SXM5 80 GB. NVIDIA H100 Tensor Core GPU data sheet, SXM column: "FP32 67 teraFLOPS",
     * "FP16 Tensor Core 1,979 teraFLOPS*" and "INT8 Tensor Core 3,958 TOPS*" ("* With sparsity"; dense
     * is half: 989.5 and 1,979), "GPU memory bandwidth 3.35 TB/s"; L2 cache 50 MB (52,428,800 bytes,
     * as CUDA reports it).
     */
    H100_SXM(new Device("NVIDIA H100 SXM", 67e12, 989.5e12, 1979e12, 3.35e12, 52_428_800L)),

    /**
     * NVIDIA A100 80 GB SXM. NVIDIA A100 Tensor Core GPU data sheet: "FP32 19.5 TFLOPS", "FP16 Tensor
     * Core 312 TFLOPS | 624 TFLOPS*", "INT8 Tensor Core 624 TOPS | 1,248 TOPS*" ("* With sparsity"),
     * "GPU Memory Bandwidth 2,039 GB/s" (SXM; the PCIe card's is 1,935 GB/s); L2 cache 40 MB
     * (41,943,040 bytes, as CUDA's deviceQuery reports it).
     */
    A100_80GB(new Device("NVIDIA A100 80GB SXM", 19.5e12, 312e12, 624e12, 2.039e12, 41_943_040L)),

    /**
     * NVIDIA L4. NVIDIA L4 Tensor Core GPU data sheet: FP32 30.3 teraFLOPS, FP16 Tensor Core 242
     * teraFLOPS and INT8 Tensor Core 485 TOPS with sparsity (dense 121 and 242.5), GPU memory bandwidth
     * 300 GB/s; L2 cache 48 MB (50,331,648 bytes). The float32 figure is 7,424 CUDA cores x 2 x 2.04 GHz.
     */
    L4(new Device("NVIDIA L4", 30.3e12, 121e12, 242.5e12, 300e9, 50_331_648L)),

    /**
     * NVIDIA Jetson Orin Nano 8 GB module at its original 15 W clocks (GPU at 625 MHz; the JetPack 6.1
     * "Super" mode's 1,020 MHz and 102 GB/s are not these). NVIDIA Jetson Orin Nano Series data sheet:
     * "1024 NVIDIA CUDA cores | 32 Tensor cores", "Maximum Operating Frequency: 625 MHz", 40 INT8 TOPS
     * with sparsity and 20 dense (the 4 GB module's line reads "Up to 20 (Sparse) INT8 TOPs and 10
     * (Dense)"), "8GB 128-bit LPDDR5 DRAM", 68 GB/s. Derived: float32 is 1,024 cores x 2 FLOPs (a fused
     * multiply-add) x 625 MHz = 1.28 TFLOP/s; float16 with tensor cores is half the dense int8 rate on
     * Ampere, 10 TFLOP/s. L2 cache 2 MB (2,097,152 bytes, as CUDA reports it for this GPU).
     */
    JETSON_ORIN_NANO(new Device("NVIDIA Jetson Orin Nano 8GB", 1.28e12, 10e12, 20e12, 68e9, 2_097_152L)),

    /**
     * Apple M2, its 10-core GPU. Apple's M2 announcement (June 2022): "100GB/s of unified memory
     * bandwidth"; the GPU's 3.6 teraflops are from Apple's keynote (10 cores x 128 float32 lanes x 2 x
     * 1.398 GHz = 3.58 TFLOP/s). Apple publishes one GPU rate, used here for float16 too, and no int8
     * rate for the GPU: its Neural Engine's "15.8 trillion operations per second", of unstated precision
     * and reached only through Core ML, is not the GPU's. On-chip memory unpublished.
     */
    APPLE_M2(new Device("Apple M2 GPU", 3.6e12, 3.6e12, 0, 100e9, 0)),

    /**
     * Raspberry Pi 5, its CPU: a Broadcom BCM2712, four Arm Cortex-A76 cores at 2.4 GHz, 2 MB of shared
     * L3 cache, LPDDR4X-4267 on a 32-bit bus (Raspberry Pi 5 product brief). Raspberry Pi publishes no
     * FLOP/s, so they are derived from the Arm Cortex-A76 Software Optimization Guide, whose two 128-bit
     * ASIMD pipes each take one fused multiply-add a cycle: float32 2 x 4 lanes x 2 FLOPs = 16 a cycle,
     * x 4 cores x 2.4 GHz = 153.6 GFLOP/s; float16 (Armv8.2 half-precision arithmetic) 8 lanes, 307.2;
     * int8 by the dot-product instruction (SDOT, 16 multiply-adds, 32 operations), 614.4 GOP/s. Memory:
     * 4,267 MT/s x 4 bytes = 17.068 GB/s.
     */
    RASPBERRY_PI_5(new Device("Raspberry Pi 5 CPU", 153.6e9, 307.2e9, 614.4e9, 17.068e9, 2_097_152L));

    private final Device device;

    Hardware(Device device) {
        this.device = device;
    }

    /** Its figures. */
    public Device device() {
        return device;
    }
}
