package dev.netcost.processor.lint;

import dev.netcost.processor.model.Attr;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One lint's warning, placed as a {@link dev.netcost.processor.model.Problem} is: a field of the
 * network or of a block's declaration, and the attribute to underline.
 *
 * @param block the block whose declaration is at fault; empty for the network
 * @param node  the field, counted in declaration order
 */
public record Finding(Lint lint, Optional<String> block, int node, Optional<Attr> attr, String message) {
    public OptionalInt nodeIndex() {
        return OptionalInt.of(node);
    }
}
