package dev.netcost.processor.infer;

import dev.netcost.processor.model.DeviceDecl;
import java.util.List;
import java.util.Optional;

/**
 * A network's roofline on one device, by the cost model's "Roofline".
 *
 * @param device            the device, as {@code @Roofline} names it
 * @param layers            every layer's time, parallel to {@link NetworkAnalysis#layers()}; a layer
 *     that runs only in training has its time too, which no sum counts
 * @param nanos             one inference of the batch: the sum over the layers that run at inference
 * @param computeBoundNanos the part of {@code nanos} in compute-bound layers
 * @param decode            a {@code @Decoder}'s decode step; empty for any other network
 */
public record DeviceRoofline(DeviceDecl device, List<LayerTime> layers, double nanos, double computeBoundNanos,
        Optional<DecodeRoofline> decode) {
    public DeviceRoofline {
        layers = List.copyOf(layers);
        java.util.Objects.requireNonNull(decode, "decode");
    }

    /** The part of {@code nanos} in memory-bound layers. */
    public double memoryBoundNanos() {
        return nanos - computeBoundNanos;
    }

    /** A time as its constant holds it: to the nearest nanosecond. */
    public static long rounded(double nanos) {
        return Math.round(nanos);
    }
}
