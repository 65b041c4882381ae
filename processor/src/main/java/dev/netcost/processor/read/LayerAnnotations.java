package dev.netcost.processor.read;

import dev.netcost.processor.model.OpKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotations netcost reads on fields, by qualified name: each layer annotation's
 * {@link OpKind} (from the registry, {@code OpKind}), and the modifiers.
 */
public final class LayerAnnotations {
    /** The DSL's package, with its dot: every annotation netcost owns is in it. */
    public static final String PACKAGE = "dev.netcost.";
    private static final Map<String, OpKind> KINDS = new LinkedHashMap<>();

    static {
        for (OpKind kind : OpKind.values()) {
            KINDS.put(kind.qualifiedName(), kind);
        }
    }

    // By name, each held to its annotation by OpRegistryTest: a class literal would load every
    // annotation of the DSL for every compile (docs/architecture.md, "Cold builds").
    static final String WITH = PACKAGE + "With";
    static final String FROM = PACKAGE + "From";
    static final String IF = PACKAGE + "If";
    static final String REPEAT = PACKAGE + "Repeat";
    static final String BLOCK = PACKAGE + "Block";
    static final String BUDGET = PACKAGE + "Budget";
    static final String TIED = PACKAGE + "Tied";
    static final String DECODER = PACKAGE + "Decoder";
    static final String TRAINING_ONLY = PACKAGE + "TrainingOnly";
    static final String OUTPUT = PACKAGE + "Output";
    static final String EXPERTS = PACKAGE + "MixtureOfExperts";
    static final String FROZEN = PACKAGE + "Frozen";
    static final String CHECKPOINT = PACKAGE + "Checkpoint";
    static final String TRAINING = PACKAGE + "Training";
    static final String ROOFLINE = PACKAGE + "Roofline";
    static final String CUSTOM_DEVICE = PACKAGE + "CustomDevice";
    /** {@code @Input}: declares a field, as a layer annotation does, but a tensor rather than a layer. */
    static final String INPUT = PACKAGE + "Input";

    /** The annotations that modify a layer or block field, but declare none. */
    static final List<String> MODIFIERS = List.of(WITH, FROM, IF, REPEAT, TIED, TRAINING_ONLY, OUTPUT,
            EXPERTS, FROZEN, CHECKPOINT);

    private LayerAnnotations() {}

    /** The qualified names of every layer annotation, in a fixed order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }

    static boolean isLayerAnnotation(String qualifiedName) {
        return KINDS.containsKey(qualifiedName);
    }

    static Optional<OpKind> kind(String qualifiedName) {
        return Optional.ofNullable(KINDS.get(qualifiedName));
    }
}
