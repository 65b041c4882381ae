package dev.netcost.samples;

import dev.netcost.DType;
import dev.netcost.Hardware;
import dev.netcost.Network;
import dev.netcost.Roofline;

/**
 * {@link ResNet50Fp16} at batch 64: each layer reads its weights once for 64 images, and the
 * convolutions turn compute bound on the Jetson Orin Nano and on the H100, while the classifier,
 * 2,048 x 1,000 weights for 64 vectors, stays memory bound on both.
 */
@Roofline({Hardware.JETSON_ORIN_NANO, Hardware.H100_SXM})
@Network(input = {3, 224, 224}, batch = 64, dtype = DType.FLOAT16)
public class ResNet50Fp16Batch64 extends ResNet50 {}
