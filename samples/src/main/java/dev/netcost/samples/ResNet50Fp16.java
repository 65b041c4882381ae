package dev.netcost.samples;

import dev.netcost.DType;
import dev.netcost.Hardware;
import dev.netcost.Network;
import dev.netcost.Roofline;

/**
 * {@link ResNet50}'s layers, deployed as one deploys them on a GPU or an edge board (TensorRT):
 * in float16, one image at a time, with its roofline times on a Jetson Orin Nano and an H100. At
 * batch 1 most of its layers are memory bound on both: a layer reads its weights for one image.
 * The float32 sample stays as torchvision publishes it; this one inherits its layers, not its
 * {@code @Training}.
 */
@Roofline({Hardware.JETSON_ORIN_NANO, Hardware.H100_SXM})
@Network(input = {3, 224, 224}, dtype = DType.FLOAT16)
public class ResNet50Fp16 extends ResNet50 {}
