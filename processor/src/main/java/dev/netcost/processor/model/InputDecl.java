package dev.netcost.processor.model;

import dev.netcost.InputKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named input of a network, declared as a field: {@code @Input(shape = 448, kind = IDS) Layer
 * tokens;}. It computes nothing: the walker gives it a tensor that exists before any layer runs,
 * which the field below reads by default and any later field by name.
 *
 * @param index position in declaration order, from 0
 * @param name  the field's name, the input's
 * @param shape one sample's shape, as written
 * @param kind  what it holds
 */
public record InputDecl(int index, String name, List<Integer> shape, InputKind kind) implements NodeDecl {
    public InputDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        shape = List.copyOf(shape);
    }

    /** The layout its kind gives the layers that read it: ids are a vector, channels first. */
    public Layout layout() {
        return layoutOf(kind);
    }

    /** The layout an input of {@code kind} has. */
    public static Layout layoutOf(InputKind kind) {
        return switch (kind) {
            case FEATURES, IDS -> Layout.FEATURES;
            case TOKENS -> Layout.TOKENS;
            case CHANNELS_LAST -> Layout.CHANNELS_LAST;
        };
    }

    /** An input reads nothing. */
    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public Optional<AttrValue.Expression> condition() {
        return Optional.empty();
    }

    @Override
    public boolean trainingOnly() {
        return false;
    }
}
