package dev.netcost.processor.lint;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Lint;
import dev.netcost.processor.model.Message;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One lint's warning, placed as a {@link dev.netcost.processor.model.Problem} is: a field of the
 * network or of a block's declaration, and the attribute to underline.
 *
 * @param block the block whose declaration is at fault; empty for the network
 * @param node  the field, counted in declaration order; {@link #NETWORK} for the network's own annotation
 */
public record Finding(Lint lint, Optional<String> block, int node, Optional<Attr> attr, String message) {
    /**
     * The finding worded by a lint's {@code message}, whose id it takes, so that the lint and its
     * text cannot disagree.
     *
     * @throws IllegalStateException if {@code message} is not a lint's
     */
    public static Finding of(Message message, Optional<String> block, int node, Optional<Attr> attr,
            Object... values) {
        return new Finding(message.lint(), block, node, attr, message.text(values));
    }

    /** The same lint at the same place, framed otherwise: the text a rule adds around the message. */
    public Finding withMessage(String text) {
        return new Finding(lint, block, node, attr, text);
    }

    /** No field: the finding is on the {@code @Network} annotation. */
    public static final int NETWORK = -1;

    public OptionalInt nodeIndex() {
        return node == NETWORK ? OptionalInt.empty() : OptionalInt.of(node);
    }
}
