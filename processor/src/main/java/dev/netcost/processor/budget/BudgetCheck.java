package dev.netcost.processor.budget;

import dev.netcost.Summary;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.BudgetDecl;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Percent;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Holds an analysed network to its {@code @Budget}. Pure: each overrun is a {@link Problem} on
 * the limit's value, saying the figure, the limit, by how much it is over, and what contributes
 * most, so the user knows where to cut. The time limits, one overrun per device, are
 * {@link TimeLimits}'.
 */
public final class BudgetCheck {
    private static final int CONTRIBUTORS = 3;

    private BudgetCheck() {}

    /** Limits that cannot be met by any network: below zero. */
    public static List<Problem> checkLimits(BudgetDecl budget) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Attr, Long> limit : sorted(budget)) {
            if (!isValid(limit.getValue())) {
                problems.add(Problem.onNetwork(Message.BELOW_MINIMUM.on(limit.getKey(), limit.getKey().javaName(),
                        limit.getValue(), 0)));
            }
        }
        return problems;
    }

    /**
     * Every limit the network is over, in the order the attributes are declared. A negative
     * limit is {@link #checkLimits}'s error and is skipped here; the other limits still hold.
     */
    public static List<Problem> check(NetworkAnalysis analysis, BudgetDecl budget) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Attr, Long> entry : valid(budget)) {
            Attr attr = entry.getKey();
            long limit = entry.getValue();
            if (Attr.TRAINING_LIMITS.contains(attr) && analysis.training().isEmpty()) {
                continue; // without @Training, the reader reported the limit
            }
            if (Attr.TIME_LIMITS.contains(attr)) {
                problems.addAll(TimeLimits.check(analysis, attr, limit));
                continue;
            }
            long figure = figure(analysis, attr);
            if (figure > limit) {
                problems.add(Problem.onNetwork(overrun(analysis, attr, figure, limit)));
            }
        }
        return problems;
    }

    /** The figure {@code attr} limits. */
    private static long figure(NetworkAnalysis analysis, Attr attr) {
        Cost total = analysis.total();
        NetworkAnalysis.Memory memory = analysis.memory();
        return switch (attr) {
            case MAX_PARAMS -> total.params();
            case MAX_ACTIVE_PARAMS -> total.activeParams();
            case MAX_MACS -> total.macs();
            case MAX_FLOPS -> total.flops();
            case MAX_PARAM_BYTES -> memory.paramBytes();
            case MAX_PEAK_MEMORY_BYTES -> memory.peakBytes();
            case MAX_TRAINING_MEMORY_BYTES -> analysis.training().orElseThrow().peakBytes();
            case MAX_STEP_FLOPS -> analysis.training().orElseThrow().step().flops();
            default -> throw new IllegalStateException("not a budget limit: " + attr);
        };
    }

    /**
     * The fault for {@code figure} over {@code limit}: the figure, the limit, the excess and its
     * share of the limit (none for a limit of 0), then what contributes most.
     */
    private static Fault overrun(NetworkAnalysis analysis, Attr attr, long figure, long limit) {
        long by = figure - limit;
        String shown = Summary.grouped(figure);
        String max = Summary.grouped(limit);
        String excess = Summary.grouped(by);
        String share = limit == 0 ? "" : " (" + Percent.of(by, limit) + " %)";
        Cost total = analysis.total();
        NetworkAnalysis.Memory memory = analysis.memory();
        return switch (attr) {
            case MAX_PARAMS -> Message.OVER_MAX_PARAMS.on(attr, shown, max, excess, share,
                    top(analysis, f -> f.cost().params(), total.params()));
            case MAX_ACTIVE_PARAMS -> Message.OVER_MAX_ACTIVE_PARAMS.on(attr, shown, max, excess, share,
                    top(analysis, f -> f.decl().trainingOnly() ? 0 : f.cost().activeParams(),
                            total.activeParams()));
            // MACS and FLOPS are inference's: a training-only field's compute is in neither.
            case MAX_MACS -> Message.OVER_MAX_MACS.on(attr, shown, max, excess, share,
                    top(analysis, f -> f.decl().trainingOnly() ? 0 : f.cost().macs(), total.macs()));
            case MAX_FLOPS -> Message.OVER_MAX_FLOPS.on(attr, shown, max, excess, share,
                    top(analysis, f -> f.decl().trainingOnly() ? 0 : f.cost().flops(), total.flops()));
            case MAX_PARAM_BYTES -> {
                long bytes = analysis.network().dtype().bytes();
                yield Message.OVER_MAX_PARAM_BYTES.on(attr, shown, max, excess, share, dtype(analysis),
                        top(analysis, f -> Math.multiplyExact(Math.addExact(f.cost().params(), f.cost().buffers()),
                                bytes), memory.paramBytes()));
            }
            case MAX_PEAK_MEMORY_BYTES -> Message.OVER_MAX_PEAK_MEMORY_BYTES.on(attr, shown, max, excess, share,
                    Summary.grouped(memory.paramBytes()), Summary.grouped(memory.peakActivationBytes()),
                    memory.peakAt(), dtype(analysis), alive(memory));
            case MAX_TRAINING_MEMORY_BYTES -> {
                TrainingFigures step = analysis.training().orElseThrow();
                yield Message.OVER_MAX_TRAINING_MEMORY_BYTES.on(attr, shown, max, excess, share,
                        Summary.grouped(step.modelStateBytes()), Summary.grouped(step.weightBytes()),
                        Summary.grouped(step.gradientBytes()), Summary.grouped(step.masterWeightBytes()),
                        Summary.grouped(step.optimizerStateBytes()), step.declared().optimizer(),
                        step.declared().precision(), Summary.grouped(step.peak().bytes()),
                        "the " + step.peak().phase() + " of " + step.peak().at());
            }
            case MAX_STEP_FLOPS -> {
                TrainingFigures step = analysis.training().orElseThrow();
                yield Message.OVER_MAX_STEP_FLOPS.on(attr, shown, max, excess, share,
                        Summary.grouped(step.forward().flops()), Summary.grouped(step.backward().flops()),
                        Summary.grouped(step.recompute().flops()));
            }
            default -> throw new IllegalStateException("not a budget limit: " + attr);
        };
    }

    /** The three fields with the most of a figure: {@code layer4 14,964,736 (58.6 %)}. */
    private static String top(NetworkAnalysis analysis, ToLongFunction<FieldAnalysis> figure, long total) {
        List<String> parts = new ArrayList<>();
        analysis.fields().stream()
                .filter(f -> figure.applyAsLong(f) > 0)
                .sorted(Comparator.comparingLong(figure).reversed())
                .limit(CONTRIBUTORS)
                .forEach(f -> parts.add(f.decl().name() + " " + Summary.grouped(figure.applyAsLong(f)) + " ("
                        + Percent.of(figure.applyAsLong(f), total) + " %)"));
        return String.join(", ", parts);
    }

    private static String alive(NetworkAnalysis.Memory memory) {
        List<String> parts = new ArrayList<>();
        memory.alive().stream().limit(CONTRIBUTORS)
                .forEach(t -> parts.add(t.name() + " " + Summary.grouped(t.value())));
        return String.join(", ", parts);
    }

    /** The limits a network can meet: at least 0. */
    private static List<Map.Entry<Attr, Long>> valid(BudgetDecl budget) {
        return sorted(budget).stream().filter(limit -> isValid(limit.getValue())).toList();
    }

    private static boolean isValid(long limit) {
        return limit >= 0;
    }

    private static List<Map.Entry<Attr, Long>> sorted(BudgetDecl budget) {
        return budget.limits().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static String dtype(NetworkAnalysis analysis) {
        return analysis.network().dtype().name().toLowerCase(java.util.Locale.ROOT);
    }
}
