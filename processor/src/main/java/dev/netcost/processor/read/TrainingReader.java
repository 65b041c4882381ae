package dev.netcost.processor.read;

import dev.netcost.Training;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.BudgetDecl;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.TrainingDecl;
import dev.netcost.processor.model.TrainingMarks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * {@code @Training} on a network class, and what needs it: {@code @Frozen} and {@code @Checkpoint}
 * on the network's fields, and {@code @Budget}'s limits on a training step. Without {@code @Training}
 * each of them is an error ({@code training}) where it is written, since it would count in nothing.
 */
final class TrainingReader {
    private final Elements elements;

    TrainingReader(Elements elements) {
        this.elements = elements;
    }

    /**
     * The declaration, if the class has one that javac resolved.
     *
     * @param nodes       the network's fields, its superclasses' first
     * @param nodeSources where each of {@code nodes} is written
     * @param problems    where its mistakes go
     * @param unresolved  where the values javac could not resolve go
     */
    Optional<TrainingDecl> read(TypeElement type, SourceMap sources, List<NodeDecl> nodes,
            List<SourceMap.Field> nodeSources, Optional<BudgetDecl> budget, List<LocatedProblem> problems,
            List<Unresolved> unresolved) {
        String network = type.getSimpleName().toString();
        Optional<AnnotationMirror> mirror = NetworkReader.mirror(type, LayerAnnotations.TRAINING);
        if (mirror.isEmpty()) {
            withoutTraining(network, nodes, nodeSources, budget, sources, problems);
            return Optional.empty();
        }
        AnnotationValues values = new AnnotationValues(mirror.get(), elements);
        sources.setTraining(new SourceMap.Annotated(mirror.get(), values));
        try {
            int batch = values.integer(Attr.TRAINING_BATCH);
            if (!(values.value("optimizer") instanceof VariableElement optimizer
                    && values.value("precision") instanceof VariableElement precision
                    && values.value("attention") instanceof VariableElement attention)) {
                unresolved.add(new Unresolved(network, "a value of @Training"));
                return Optional.empty();
            }
            if (batch < 1) {
                problems.add(LocatedProblem.of(Message.TRAINING_BATCH_BELOW_ONE, sources.locate(Optional.empty(),
                        OptionalInt.empty(), Optional.of(Attr.TRAINING_BATCH), Optional.empty()), batch));
            }
            return Optional.of(new TrainingDecl(batch, Training.Optimizer.valueOf(name(optimizer)),
                    Training.Precision.valueOf(name(precision)), Training.AttentionKernel.valueOf(name(attention))));
        } catch (UnreadableValueException e) {
            unresolved.add(new Unresolved(network, "the value of " + e.element()));
            return Optional.empty();
        }
    }

    /** Every mark and limit that needs {@code @Training}, on a network without it. */
    private static void withoutTraining(String network, List<NodeDecl> nodes, List<SourceMap.Field> nodeSources,
            Optional<BudgetDecl> budget, SourceMap sources, List<LocatedProblem> problems) {
        for (int k = 0; k < nodes.size(); k++) {
            TrainingMarks marks = nodes.get(k).marks();
            if (marks.frozen() || marks.checkpoint()) {
                Attr mark = marks.frozen() ? Attr.FROZEN : Attr.CHECKPOINT;
                String shown = marks.frozen() ? "@Frozen" : "@Checkpoint";
                problems.add(LocatedProblem.of(Message.TRAINING_MARK_WITHOUT_TRAINING,
                        nodeSources.get(k).at(Optional.of(mark), Optional.empty()), nodes.get(k).name(), shown,
                        network, shown));
            }
        }
        for (Attr limit : Attr.TRAINING_LIMITS) {
            if (budget.isPresent() && budget.get().limits().containsKey(limit)) {
                problems.add(LocatedProblem.of(Message.TRAINING_LIMIT_WITHOUT_TRAINING, sources.locate(
                        Optional.empty(), OptionalInt.empty(), Optional.of(limit), Optional.empty()),
                        limit.javaName(), network));
            }
        }
    }

    private static String name(VariableElement constant) {
        return constant.getSimpleName().toString();
    }
}
