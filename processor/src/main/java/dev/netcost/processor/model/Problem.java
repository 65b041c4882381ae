package dev.netcost.processor.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fault placed in a network or in a block's declaration: on the {@code @Network} annotation
 * (no node), or on field {@code node} of the network or of {@code block}, counted in declaration
 * order. The check stage turns the place into a source position.
 *
 * @param block the qualified name of the block whose declaration is at fault; empty for the network
 */
public record Problem(Optional<String> block, OptionalInt node, Fault fault) {
    public static Problem onNetwork(Fault fault) {
        return new Problem(Optional.empty(), OptionalInt.empty(), fault);
    }

    public static Problem onLayer(int node, Fault fault) {
        return new Problem(Optional.empty(), OptionalInt.of(node), fault);
    }

    /** A fault in a block's own declaration, which no use can mend: reported once, in the block. */
    public static Problem inBlock(String block, int node, Fault fault) {
        return new Problem(Optional.of(block), OptionalInt.of(node), fault);
    }

    /** The same place, another fault. */
    public Problem with(Fault other) {
        return new Problem(block, node, other);
    }
}
