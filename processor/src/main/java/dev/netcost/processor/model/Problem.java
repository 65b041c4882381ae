package dev.netcost.processor.model;

import java.util.OptionalInt;

/**
 * A fault placed in a network: on the {@code @Network} annotation (no layer) or on layer
 * {@code layer}, counted in declaration order. The check stage turns the place into a source
 * position.
 */
public record Problem(OptionalInt layer, Fault fault) {
    public static Problem onNetwork(Fault fault) {
        return new Problem(OptionalInt.empty(), fault);
    }

    public static Problem onLayer(int layer, Fault fault) {
        return new Problem(OptionalInt.of(layer), fault);
    }
}
