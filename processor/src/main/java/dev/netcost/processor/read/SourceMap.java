package dev.netcost.processor.read;

import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where each part of a network and of its blocks was declared, so that a {@link Problem} from
 * the pure core can be placed on the exact annotation value at fault.
 */
public final class SourceMap {
    /** An annotation on an element, with its values. */
    record Annotated(AnnotationMirror mirror, AnnotationValues values) {}

    /**
     * One field: its layer or block annotation (or {@code @Input}), and the {@code @With},
     * {@code @From}, {@code @If}, {@code @Repeat}, {@code @Tied}, {@code @TrainingOnly} and
     * {@code @Output} beside it.
     */
    record Field(Element element, Annotated main, Optional<Annotated> with, Optional<Annotated> from,
            Optional<Annotated> condition, Optional<Annotated> repeat, Optional<Annotated> tied,
            Optional<Annotated> trainingOnly, Optional<Annotated> output, Optional<Annotated> experts,
            Optional<Annotated> frozen, Optional<Annotated> checkpoint) {

        /** The modifiers present, for a field that takes none ({@code @Input}). */
        List<Annotated> modifiers() {
            List<Annotated> present = new java.util.ArrayList<>();
            for (Optional<Annotated> m : List.of(with, from, condition, repeat, tied, trainingOnly, experts, frozen,
                    checkpoint)) {
                if (m.isPresent()) {
                    present.add(m.get());
                }
            }
            return present;
        }

        SourceLocation at(Optional<Attr> attr, Optional<String> argument) {
            if (argument.isPresent()) {
                return withValueOrMain(argument.get());
            }
            if (attr.isEmpty()) {
                return on(main, Optional.empty());
            }
            switch (attr.get()) {
                case FROM -> {
                    return onModifier(from, "value", main.values().written("value"));
                }
                case CONDITION -> {
                    return onModifier(condition, "value", Optional.empty());
                }
                case REPEAT -> {
                    return onModifier(repeat, "value", Optional.empty());
                }
                case TIED -> {
                    return onModifier(tied, "value", Optional.empty());
                }
                case TRAINING_ONLY -> {
                    return on(trainingOnly.orElse(main), Optional.empty());
                }
                case FROZEN -> {
                    return on(frozen.orElse(main), Optional.empty());
                }
                case CHECKPOINT -> {
                    return on(checkpoint.orElse(main), Optional.empty());
                }
                case OUTPUT_MARK -> {
                    return on(output.orElse(main), Optional.empty());
                }
                case MIXTURE -> {
                    return on(experts.orElse(main), Optional.empty());
                }
                case EXPERTS, TOP_K, SHARED -> {
                    return onModifier(experts, attr.get().javaName(), Optional.empty());
                }
                default -> {
                    return withValueOrMain(attr.get().javaName());
                }
            }
        }

        /**
         * On element {@code name} of {@code modifier} where the field has that modifier, else on the main
         * annotation with {@code onMain}.
         */
        private SourceLocation onModifier(Optional<Annotated> modifier, String name,
                Optional<AnnotationValue> onMain) {
            if (modifier.isPresent()) {
                return on(modifier.get(), modifier.get().values().written(name));
            }
            return on(main, onMain);
        }

        /** On the {@code @With} value that gives {@code name}, else on the main annotation's {@code name}. */
        private SourceLocation withValueOrMain(String name) {
            Optional<SourceLocation> given = withValue(name);
            return given.isPresent() ? given.get() : on(main, main.values().written(name));
        }

        /** The {@code @With} value that gives {@code name}: its own element, or the {@code args} entry. */
        private Optional<SourceLocation> withValue(String name) {
            if (with.isEmpty()) {
                return Optional.empty();
            }
            Annotated w = with.get();
            Optional<AnnotationValue> own = w.values().written(name);
            if (own.isPresent()) {
                return Optional.of(on(w, own));
            }
            try {
                for (String arg : w.values().strings("args")) {
                    Optional<String> argName = WithArgs.name(arg);
                    if (argName.isPresent() && name.equals(argName.get())) {
                        return Optional.of(on(w, w.values().written("args")));
                    }
                }
            } catch (UnreadableValueException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        private SourceLocation on(Annotated annotated, Optional<AnnotationValue> value) {
            return new SourceLocation(element, annotated.mirror(), value);
        }
    }

    private final Field network;
    private Optional<Annotated> budget = Optional.empty();
    private Optional<Annotated> decoder = Optional.empty();
    private Optional<Annotated> training = Optional.empty();
    private Optional<Annotated> roofline = Optional.empty();
    private final List<Field> nodes = new ArrayList<>();
    private final Map<String, List<Field>> blocks = new HashMap<>();

    SourceMap(Element type, AnnotationMirror networkAnnotation, AnnotationValues values) {
        this.network = new Field(type, new Annotated(networkAnnotation, values), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    void setDecoder(Annotated annotation) {
        decoder = Optional.of(annotation);
    }

    void setTraining(Annotated annotation) {
        training = Optional.of(annotation);
    }

    void setRoofline(Annotated annotation) {
        roofline = Optional.of(annotation);
    }

    void setBudget(Annotated annotation) {
        budget = Optional.of(annotation);
    }

    void addNode(Field field) {
        nodes.add(field);
    }

    void addBlock(String qualifiedName, List<Field> fields) {
        blocks.put(qualifiedName, List.copyOf(fields));
    }

    /** The source position of a problem, on the value at fault where the user wrote one. */
    public SourceLocation locate(Problem problem) {
        return locate(problem.block(), problem.node(), problem.fault().attr(), problem.fault().argument());
    }

    /**
     * The source position of field {@code node} of the network or of {@code block} (no node: the
     * {@code @Network} annotation), on {@code attr} or {@code argument} where the user wrote it.
     */
    public SourceLocation locate(Optional<String> block, java.util.OptionalInt node, Optional<Attr> attr,
            Optional<String> argument) {
        Field field;
        if (node.isEmpty() && budget.isPresent() && attr.isPresent() && Attr.BUDGET_LIMITS.contains(attr.get())) {
            Annotated b = budget.get();
            return new SourceLocation(network.element(), b.mirror(), b.values().written(attr.get()));
        }
        if (node.isEmpty() && training.isPresent() && attr.equals(Optional.of(Attr.TRAINING_BATCH))) {
            Annotated t = training.get();
            return new SourceLocation(network.element(), t.mirror(), t.values().written(attr.get()));
        }
        if (node.isEmpty() && roofline.isPresent() && attr.isPresent()
                && (attr.get() == Attr.ROOFLINE || attr.get() == Attr.ROOFLINE_CUSTOM)) {
            Annotated r = roofline.get();
            return new SourceLocation(network.element(), r.mirror(), r.values().written(attr.get()));
        }
        if (node.isEmpty() && decoder.isPresent() && attr.equals(Optional.of(Attr.DECODER))) {
            return new SourceLocation(network.element(), decoder.get().mirror(), Optional.empty());
        }
        if (node.isEmpty() && decoder.isPresent() && attr.equals(Optional.of(Attr.DECODES))) {
            Annotated d = decoder.get();
            return new SourceLocation(network.element(), d.mirror(), d.values().written("value"));
        }
        if (node.isEmpty()) {
            field = network;
        } else if (block.isPresent()) {
            field = blocks.get(block.get()).get(node.getAsInt());
        } else {
            field = nodes.get(node.getAsInt());
        }
        return field.at(attr, argument);
    }

    /** The {@code @Network} annotation on the class. */
    public SourceLocation network() {
        return network.at(Optional.empty(), Optional.empty());
    }
}
