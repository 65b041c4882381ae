package dev.netcost.processor.infer;

import dev.netcost.Device;
import java.util.Objects;

/**
 * A layer's roofline time on one device, by the cost model's "Roofline".
 *
 * @param nanos the longer of its FLOPs over the peak and its bytes over the bandwidth
 * @param bound which of the two it is
 */
public record LayerTime(double nanos, Device.Bound bound) {
    public LayerTime {
        Objects.requireNonNull(bound, "bound");
    }
}
