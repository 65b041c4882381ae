package dev.netcost.processor.model;

import dev.netcost.Device;
import java.util.Objects;

/**
 * A device a network names in {@code @Roofline}, its figures read and checked.
 *
 * @param javaName the {@code Hardware} constant ({@code JETSON_ORIN_NANO}), or the qualified name of the
 *     class that carries {@code @CustomDevice} ({@code com.example.OrinNx}), whose simple name its
 *     constants are named after: two classes of one simple name are two devices
 * @param device   its figures
 * @param custom   whether it is a {@code @CustomDevice}, named by {@code @Roofline(custom)}
 * @param budgeted whether {@code @Budget}'s time limits hold on it: it is among those
 *     {@code @Budget(device, customDevice)} name, or they name none
 */
public record DeviceDecl(String javaName, Device device, boolean custom, boolean budgeted) {
    public DeviceDecl {
        Objects.requireNonNull(javaName, "javaName");
        Objects.requireNonNull(device, "device");
    }

    /** What its constants are named after: the constant, or the class's simple name. */
    public String simpleName() {
        return javaName.substring(javaName.lastIndexOf('.') + 1);
    }
}
