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
import java.util.TreeMap;

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
                    top(analysis, attr, total.params()));
            case MAX_ACTIVE_PARAMS -> Message.OVER_MAX_ACTIVE_PARAMS.on(attr, shown, max, excess, share,
                    top(analysis, attr, total.activeParams()));
            case MAX_MACS -> Message.OVER_MAX_MACS.on(attr, shown, max, excess, share,
                    top(analysis, attr, total.macs()));
            case MAX_FLOPS -> Message.OVER_MAX_FLOPS.on(attr, shown, max, excess, share,
                    top(analysis, attr, total.flops()));
            case MAX_PARAM_BYTES -> Message.OVER_MAX_PARAM_BYTES.on(attr, shown, max, excess, share, dtype(analysis),
                    top(analysis, attr, memory.paramBytes()));
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

    /**
     * The three fields with the most of the figure {@code attr} limits: {@code layer4 14,964,736 (58.6 %)}.
     * Plain loops and a named comparator rather than a stream: see {@link MostFirst}.
     */
    private static String top(NetworkAnalysis analysis, Attr attr, long total) {
        long bytes = analysis.network().dtype().bytes();
        List<Contribution> contributions = new ArrayList<>();
        for (FieldAnalysis field : analysis.fields()) {
            long value = contribution(field, attr, bytes);
            if (value > 0) {
                contributions.add(new Contribution(field, value));
            }
        }
        // A stable sort: among equals, the earlier field first.
        contributions.sort(MostFirst.INSTANCE);
        List<String> parts = new ArrayList<>();
        for (Contribution c : contributions.subList(0, Math.min(CONTRIBUTORS, contributions.size()))) {
            parts.add(c.field().decl().name() + " " + Summary.grouped(c.value()) + " ("
                    + Percent.of(c.value(), total) + " %)");
        }
        return String.join(", ", parts);
    }

    /**
     * What one field adds to the figure {@code attr} limits.
     *
     * @param bytes the bytes of an element in the network's dtype, for {@code maxParamBytes}
     */
    private static long contribution(FieldAnalysis field, Attr attr, long bytes) {
        Cost cost = field.cost();
        // MACS and FLOPS are inference's: a training-only field's compute is in neither.
        boolean trainingOnly = field.decl().trainingOnly();
        return switch (attr) {
            case MAX_PARAMS -> cost.params();
            case MAX_ACTIVE_PARAMS -> trainingOnly ? 0 : cost.activeParams();
            case MAX_MACS -> trainingOnly ? 0 : cost.macs();
            case MAX_FLOPS -> trainingOnly ? 0 : cost.flops();
            case MAX_PARAM_BYTES -> Math.multiplyExact(Math.addExact(cost.params(), cost.buffers()), bytes);
            default -> throw new IllegalStateException("no figure by field: " + attr);
        };
    }

    /** A field and what it adds to a figure, more than 0. */
    private record Contribution(FieldAnalysis field, long value) {}

    /**
     * The largest contribution first. A named class, not {@code Comparator.comparingLong(...).reversed()}:
     * a lambda's first call spins a class at run time, which a cold compile pays for (ColdPathRulesTest).
     */
    private static final class MostFirst implements Comparator<Contribution> {
        static final MostFirst INSTANCE = new MostFirst();

        @Override
        public int compare(Contribution a, Contribution b) {
            return Long.compare(b.value(), a.value());
        }
    }

    private static String alive(NetworkAnalysis.Memory memory) {
        List<String> parts = new ArrayList<>();
        List<NetworkAnalysis.Named> alive = memory.alive();
        for (NetworkAnalysis.Named t : alive.subList(0, Math.min(CONTRIBUTORS, alive.size()))) {
            parts.add(t.name() + " " + Summary.grouped(t.value()));
        }
        return String.join(", ", parts);
    }

    /** The limits a network can meet: at least 0. */
    private static List<Map.Entry<Attr, Long>> valid(BudgetDecl budget) {
        List<Map.Entry<Attr, Long>> valid = new ArrayList<>();
        for (Map.Entry<Attr, Long> limit : sorted(budget)) {
            if (isValid(limit.getValue())) {
                valid.add(limit);
            }
        }
        return valid;
    }

    private static boolean isValid(long limit) {
        return limit >= 0;
    }

    /** The limits in the order the attributes are declared: a TreeMap's, by the enum's natural order. */
    private static Iterable<Map.Entry<Attr, Long>> sorted(BudgetDecl budget) {
        return new TreeMap<>(budget.limits()).entrySet();
    }

    private static String dtype(NetworkAnalysis analysis) {
        return analysis.network().dtype().name().toLowerCase(java.util.Locale.ROOT);
    }
}
