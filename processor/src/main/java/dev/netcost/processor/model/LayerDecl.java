package dev.netcost.processor.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared layer.
 *
 * @param index     position in declaration order, from 0
 * @param name      the field's name
 * @param op        what the field's annotation declares
 * @param inputs    for a merge its inputs, else {@code @From}'s name or nothing
 * @param condition {@code @If}
 * @param tied      {@code @Tied}: the earlier layer whose weight this one shares
 * @param like      the tensor whose shape the op takes besides its input ({@code @Upsample(like = "input")}),
 *                  by field name or {@link #INPUT}: the layer reads it after its input
 */
public record LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
        Optional<AttrValue.Expression> condition, Optional<String> tied, Optional<String> like) implements NodeDecl {
    public LayerDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(tied, "tied");
        Objects.requireNonNull(like, "like");
        inputs = List.copyOf(inputs);
    }

    /** A layer that names no tensor but its inputs. */
    public LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
            Optional<AttrValue.Expression> condition, Optional<String> tied) {
        this(index, name, op, inputs, condition, tied, Optional.empty());
    }

    @Override
    public List<String> named() {
        if (like.isEmpty()) {
            return inputs;
        }
        List<String> named = new java.util.ArrayList<>(inputs);
        named.add(like.get());
        return named;
    }

    /** A layer with a weight of its own. */
    public LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
            Optional<AttrValue.Expression> condition) {
        this(index, name, op, inputs, condition, Optional.empty());
    }

    /** A layer of constant attributes that reads the field above it. */
    public LayerDecl(int index, String name, Computation op) {
        this(index, name, new OpTemplate.Fixed(op), List.of(), Optional.empty());
    }
}
