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
 * @param side      the tensor the op names besides its input ({@code @Upsample(like = "input")},
 *                  {@code @CrossAttention(memory = "encoded")}): the layer reads it after its input
 * @param trainingOnly {@code @TrainingOnly}
 * @param marks     {@code @Frozen}
 */
public record LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
        Optional<AttrValue.Expression> condition, Optional<String> tied, Optional<TensorName> side,
        boolean trainingOnly, TrainingMarks marks) implements NodeDecl {
    public LayerDecl {
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(tied, "tied");
        Objects.requireNonNull(side, "side");
        inputs = List.copyOf(inputs);
    }

    /** Neither frozen nor checkpointed. */
    public LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
            Optional<AttrValue.Expression> condition, Optional<String> tied, Optional<TensorName> side,
            boolean trainingOnly) {
        this(index, name, op, inputs, condition, tied, side, trainingOnly, TrainingMarks.NONE);
    }

    /** A layer that runs at inference and names no tensor but its inputs. */
    public LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
            Optional<AttrValue.Expression> condition, Optional<String> tied) {
        this(index, name, op, inputs, condition, tied, Optional.empty(), false);
    }

    /** A layer that runs at inference. */
    public LayerDecl(int index, String name, OpTemplate op, List<String> inputs,
            Optional<AttrValue.Expression> condition, Optional<String> tied, Optional<TensorName> side) {
        this(index, name, op, inputs, condition, tied, side, false);
    }

    @Override
    public List<String> named() {
        if (side.isEmpty()) {
            return inputs;
        }
        List<String> named = new java.util.ArrayList<>(inputs);
        named.add(side.get().name());
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
