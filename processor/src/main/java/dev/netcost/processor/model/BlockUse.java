package dev.netcost.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A field that uses a block: {@code @Bottleneck(width = 64, out = 256) @Repeat(3) Layer layer1;}.
 *
 * @param index     position in declaration order, from 0
 * @param name      the field's name
 * @param block     the block's qualified name, a key of {@link NetworkDecl#blocks()}
 * @param args      the parameters given here: constants as written, expressions from {@code @With};
 *                  the others take their defaults
 * @param repeat    {@code @Repeat}'s count, or 1
 * @param repeated  whether {@code @Repeat} is present, which names instances {@code layer3[0]}
 * @param inputs    {@code @From}'s name, or nothing
 * @param condition {@code @If}
 * @param trainingOnly {@code @TrainingOnly}: every layer of every instance runs only in training
 * @param tensors   the block's tensor parameters given here, by parameter, each a tensor's name in the
 *                  scope of this field ({@code memory = "encoded"})
 * @param routing   {@code @MixtureOfExperts}: each instance is the expert of a mixture of experts
 * @param marks     {@code @Frozen} and {@code @Checkpoint}
 */
public record BlockUse(int index, String name, String block, Map<String, AttrValue> args, int repeat,
        boolean repeated, List<String> inputs, Optional<AttrValue.Expression> condition, boolean trainingOnly,
        Map<String, String> tensors, Optional<Routing> routing, TrainingMarks marks) implements NodeDecl {
    /**
     * The most instances {@code @Repeat} may ask for. netcost expands every instance to infer it
     * (its shapes may differ from the last one's), so the count bounds time and memory: the
     * benchmark's 100,000 repeats take about 2 s and 100 MB, and {@code @Repeat(2147483647)} ran
     * out of memory after minutes. A million stays far above any real network's depth.
     */
    public static final int MAX_REPEAT = 1_000_000;

    public BlockUse {
        Objects.requireNonNull(name, "name");
        args = Map.copyOf(args);
        inputs = List.copyOf(inputs);
        tensors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tensors));
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(marks, "marks");
    }

    /** Neither frozen nor checkpointed. */
    public BlockUse(int index, String name, String block, Map<String, AttrValue> args, int repeat,
            boolean repeated, List<String> inputs, Optional<AttrValue.Expression> condition, boolean trainingOnly,
            Map<String, String> tensors, Optional<Routing> routing) {
        this(index, name, block, args, repeat, repeated, inputs, condition, trainingOnly, tensors, routing,
                TrainingMarks.NONE);
    }

    /** A use that is no mixture of experts. */
    public BlockUse(int index, String name, String block, Map<String, AttrValue> args, int repeat,
            boolean repeated, List<String> inputs, Optional<AttrValue.Expression> condition, boolean trainingOnly,
            Map<String, String> tensors) {
        this(index, name, block, args, repeat, repeated, inputs, condition, trainingOnly, tensors, Optional.empty());
    }

    /** A use of a block that reads no tensor but its input. */
    public BlockUse(int index, String name, String block, Map<String, AttrValue> args, int repeat,
            boolean repeated, List<String> inputs, Optional<AttrValue.Expression> condition, boolean trainingOnly) {
        this(index, name, block, args, repeat, repeated, inputs, condition, trainingOnly, Map.of());
    }

    /** Its input, if named, then the tensors its block's tensor parameters are given. */
    @Override
    public List<String> named() {
        if (tensors.isEmpty()) {
            return inputs;
        }
        List<String> named = new java.util.ArrayList<>(inputs);
        named.addAll(tensors.values());
        return named;
    }

    /** A use that runs at inference. */
    public BlockUse(int index, String name, String block, Map<String, AttrValue> args, int repeat,
            boolean repeated, List<String> inputs, Optional<AttrValue.Expression> condition) {
        this(index, name, block, args, repeat, repeated, inputs, condition, false);
    }
}
