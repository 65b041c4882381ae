package dev.netcost.processor.budget;

import dev.netcost.Summary;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.Percent;
import dev.netcost.processor.model.BudgetDecl;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Holds an analysed network to its {@code @Budget}. Pure: each overrun is a {@link Problem} on
 * the limit's value, saying the figure, the limit, by how much it is over, and what contributes
 * most, so the user knows where to cut.
 */
public final class BudgetCheck {
    private static final int CONTRIBUTORS = 3;

    private BudgetCheck() {}

    /** Limits that cannot be met by any network: below zero. */
    public static List<Problem> checkLimits(BudgetDecl budget) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Attr, Long> limit : sorted(budget)) {
            if (!isValid(limit.getValue())) {
                problems.add(Problem.onNetwork(Fault.on(limit.getKey(), ProblemKind.OUT_OF_RANGE, limit.getKey()
                        .javaName() + " = " + limit.getValue() + " must be at least 0")));
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
        long bytes = analysis.network().dtype().bytes();
        NetworkAnalysis.Memory memory = analysis.memory();
        Cost total = analysis.total();
        for (Map.Entry<Attr, Long> entry : valid(budget)) {
            Attr attr = entry.getKey();
            long limit = entry.getValue();
            String message = switch (attr) {
                case MAX_PARAMS -> over("PARAMS", total.params(), attr, limit, "; the fields that hold the most: "
                        + top(analysis, f -> f.cost().params(), total.params()));
                case MAX_MACS -> over("MACS", total.macs(), attr, limit, "; the fields that compute the most: "
                        + top(analysis, f -> f.cost().macs(), total.macs()));
                case MAX_FLOPS -> over("FLOPS", total.flops(), attr, limit, "; the fields that compute the most: "
                        + top(analysis, f -> f.cost().flops(), total.flops()));
                case MAX_PARAM_BYTES -> over("PARAM_BYTES", memory.paramBytes(), attr, limit, "; parameters and"
                        + " buffers in " + dtype(analysis) + ", the fields that hold the most: "
                        + top(analysis, f -> Math.multiplyExact(Math.addExact(f.cost().params(), f.cost().buffers()),
                                bytes), memory.paramBytes()));
                case MAX_PEAK_MEMORY_BYTES -> over("PEAK_MEMORY_BYTES", memory.peakBytes(), attr, limit, "; parameters "
                        + Summary.grouped(memory.paramBytes()) + " and activations "
                        + Summary.grouped(memory.peakActivationBytes()) + " at " + memory.peakAt() + ", in "
                        + dtype(analysis) + "; the largest tensors alive there: " + alive(memory));
                default -> throw new IllegalStateException("not a budget limit: " + attr);
            };
            if (message != null) {
                problems.add(Problem.onNetwork(Fault.on(attr, ProblemKind.BUDGET, message)));
            }
        }
        return problems;
    }

    /** The message for {@code figure} over {@code limit}, or null when it is within. */
    private static String over(String name, long figure, Attr attr, long limit, String detail) {
        if (figure <= limit) {
            return null;
        }
        long by = figure - limit;
        String percent = limit == 0 ? "" : " (" + Percent.of(by, limit) + " %)";
        return name + " = " + Summary.grouped(figure) + " is over " + attr.javaName() + " = " + Summary.grouped(limit)
                + " by " + Summary.grouped(by) + percent + detail;
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
