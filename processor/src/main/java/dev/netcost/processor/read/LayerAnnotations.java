package dev.netcost.processor.read;

import dev.netcost.Block;
import dev.netcost.From;
import dev.netcost.If;
import dev.netcost.Repeat;
import dev.netcost.With;
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

    static final String WITH = With.class.getCanonicalName();
    static final String FROM = From.class.getCanonicalName();
    static final String IF = If.class.getCanonicalName();
    static final String REPEAT = Repeat.class.getCanonicalName();
    static final String BLOCK = Block.class.getCanonicalName();
    static final String BUDGET = dev.netcost.Budget.class.getCanonicalName();
    static final String TIED = dev.netcost.Tied.class.getCanonicalName();
    static final String DECODER = dev.netcost.Decoder.class.getCanonicalName();
    static final String TRAINING_ONLY = dev.netcost.TrainingOnly.class.getCanonicalName();
    static final String OUTPUT = dev.netcost.Output.class.getCanonicalName();
    static final String EXPERTS = dev.netcost.MixtureOfExperts.class.getCanonicalName();
    static final String FROZEN = dev.netcost.Frozen.class.getCanonicalName();
    static final String CHECKPOINT = dev.netcost.Checkpoint.class.getCanonicalName();
    static final String TRAINING = dev.netcost.Training.class.getCanonicalName();
    static final String ROOFLINE = dev.netcost.Roofline.class.getCanonicalName();
    static final String CUSTOM_DEVICE = dev.netcost.CustomDevice.class.getCanonicalName();
    /** {@code @Input}: declares a field, as a layer annotation does, but a tensor rather than a layer. */
    static final String INPUT = dev.netcost.Input.class.getCanonicalName();

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
