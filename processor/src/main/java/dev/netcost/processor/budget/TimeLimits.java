package dev.netcost.processor.budget;

import dev.netcost.Summary;
import dev.netcost.processor.infer.DecodeRoofline;
import dev.netcost.processor.infer.DeviceRoofline;
import dev.netcost.processor.infer.LayerTime;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.model.Fault;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Percent;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code @Budget}'s time limits, {@code maxInferenceNanos} and {@code maxDecodeNanosPerToken}, on each
 * device they hold on ({@link DeviceDecl#budgeted()}). The time compared is what the device's constant
 * holds, {@link DeviceRoofline#rounded} (the cost model's "Units"); an overrun names the device, the
 * time and the limit in nanoseconds and, from a microsecond up, readably ({@link Summary#duration}),
 * and the three layers
 * that take longest, each with its share of the time and the bound it hits.
 */
final class TimeLimits {
    private static final int SLOWEST = 3;

    private TimeLimits() {}

    /** The devices over {@code limit} of {@code attr}, in {@code @Roofline}'s order. */
    static List<Problem> check(NetworkAnalysis analysis, Attr attr, long limit) {
        List<Problem> problems = new ArrayList<>();
        for (DeviceRoofline device : analysis.roofline()) {
            if (!device.device().budgeted()) {
                continue;
            }
            if (attr == Attr.MAX_INFERENCE_NANOS) {
                long nanos = DeviceRoofline.rounded(device.nanos());
                if (nanos > limit) {
                    problems.add(Problem.onNetwork(inference(analysis, device, nanos, limit)));
                }
            } else if (attr == Attr.MAX_DECODE_NANOS_PER_TOKEN && device.decode().isPresent()) {
                // Without @Decoder there is no step: the reader reported the limit.
                DecodeRoofline decode = device.decode().get();
                long nanos = DeviceRoofline.rounded(decode.nanos());
                if (nanos > limit) {
                    problems.add(Problem.onNetwork(decode(analysis, device, decode, nanos, limit)));
                }
            }
        }
        return problems;
    }

    private static Fault inference(NetworkAnalysis analysis, DeviceRoofline device, long nanos, long limit) {
        List<Slow> layers = new ArrayList<>();
        for (int k = 0; k < device.layers().size(); k++) {
            if (!analysis.layers().get(k).trainingOnly()) {
                layers.add(new Slow(analysis.layers().get(k).path(), device.layers().get(k)));
            }
        }
        return Message.OVER_MAX_INFERENCE_NANOS.on(Attr.MAX_INFERENCE_NANOS, shown(device.device()),
                time(nanos), limit(limit), excess(nanos, limit), slowest(layers, device.nanos()));
    }

    private static Fault decode(NetworkAnalysis analysis, DeviceRoofline device, DecodeRoofline decode, long nanos,
            long limit) {
        List<Slow> layers = new ArrayList<>();
        for (DecodeRoofline.Step step : decode.layers()) {
            layers.add(new Slow(analysis.layers().get(step.work().layer()).path(), step.time()));
        }
        return Message.OVER_MAX_DECODE_NANOS_PER_TOKEN.on(Attr.MAX_DECODE_NANOS_PER_TOKEN, shown(device.device()),
                decode.context(), time(nanos), limit(limit), excess(nanos, limit), slowest(layers, decode.nanos()));
    }

    /** A layer by its path, and its time. */
    private record Slow(String path, LayerTime time) {}

    /**
     * The three layers that take longest, the earlier first among equals:
     * {@code conv2 8.00 µs (40.0 %, memory bound)}.
     */
    private static String slowest(List<Slow> layers, double total) {
        List<Slow> timed = new ArrayList<>();
        for (Slow layer : layers) {
            if (layer.time().nanos() > 0) {
                timed.add(layer);
            }
        }
        // A stable sort: among equals, the earlier layer first.
        timed.sort(LongestFirst.INSTANCE);
        List<String> parts = new ArrayList<>();
        for (Slow layer : timed.subList(0, Math.min(SLOWEST, timed.size()))) {
            parts.add(layer.path() + " " + Summary.duration(layer.time().nanos()) + " ("
                    + Percent.of(layer.time().nanos(), total) + " %, " + layer.time().bound().word() + " bound)");
        }
        return String.join(", ", parts);
    }

    /**
     * The longest time first. A named class, not {@code Comparator.comparingDouble(...).reversed()}: a
     * lambda's first call spins a class at run time, which a cold compile pays for (ColdPathRulesTest).
     */
    private static final class LongestFirst implements Comparator<Slow> {
        static final LongestFirst INSTANCE = new LongestFirst();

        @Override
        public int compare(Slow a, Slow b) {
            return Double.compare(b.time().nanos(), a.time().nanos());
        }
    }

    /** {@code 15,974 ns (16.0 µs)}; {@code 420 ns} below a microsecond, where the readable form says no more. */
    private static String time(long nanos) {
        return Summary.grouped(nanos) + " ns" + readable(nanos, "");
    }

    /** The limit as written, without a unit: {@code 15,000 (15.0 µs)}, {@code 150}. */
    private static String limit(long limit) {
        return Summary.grouped(limit) + readable(limit, "");
    }

    /**
     * The excess, readably from a microsecond up, and its share of the limit unless the limit is 0:
     * {@code 7,970,000 ns (7.97 ms, 23.9 %)}, {@code 974 ns (6.5 %)}, {@code 420 ns}.
     */
    private static String excess(long nanos, long limit) {
        String share = limit == 0 ? "" : Percent.of(nanos - limit, limit) + " %";
        return Summary.grouped(nanos - limit) + " ns" + readable(nanos - limit, share);
    }

    /**
     * {@code " (16.0 µs)"}: the time readably ({@link Summary#duration}) and then {@code more}, in
     * brackets; only what is not empty, since below a microsecond the readable form is the
     * nanoseconds again ({@code 420 ns}, {@code 23.0 ns}).
     */
    private static String readable(long nanos, String more) {
        List<String> parts = new ArrayList<>();
        String duration = Summary.duration(nanos);
        if (!duration.endsWith(" ns")) {
            parts.add(duration);
        }
        if (!more.isEmpty()) {
            parts.add(more);
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** {@code L4 (NVIDIA L4)}: the name the user wrote, and the device's. */
    private static String shown(DeviceDecl device) {
        return device.simpleName() + " (" + device.device().name() + ")";
    }
}
