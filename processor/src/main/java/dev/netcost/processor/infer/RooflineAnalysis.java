package dev.netcost.processor.infer;

import dev.netcost.DType;
import dev.netcost.DecodeSteps;
import dev.netcost.Device;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roofline of a sound network on each device of its {@code @Roofline}, by the cost model's
 * "Roofline": every layer's time from its FLOPs and memory access, the network's as their sum, and a
 * {@code @Decoder}'s decode step from {@link DecoderFigures#work()}. The arithmetic is
 * {@link Device}'s, the same that a generated {@code timeNanos(Device)} runs. The reader has already
 * refused a device without a peak for the network's dtype.
 */
final class RooflineAnalysis {
    private static final double NANOS_PER_SECOND = 1e9;

    private RooflineAnalysis() {}

    /** The largest time a constant holds: {@code Long.MAX_VALUE} nanoseconds, as a double rounds it. */
    private static final double MAX_NANOS = 0x1p63;

    /**
     * The roofline on each device, or, for a device whose times a {@code long} of nanoseconds cannot
     * hold (figures of a device of your own far too small) or whose ridge point is no device's (below
     * 1e-9 or above 1e15 FLOP/B), a problem in {@code problems} instead.
     */
    static List<DeviceRoofline> analyze(NetworkAnalysis analysis, List<Problem> problems) {
        List<DeviceRoofline> devices = new ArrayList<>();
        // A decoder's step, as rows of layers that ask the same: grouped once for every device.
        Optional<DecodeSteps> steps = analysis.decoder().isPresent() ? Optional.of(analysis.decoder().get().steps())
                : Optional.empty();
        for (DeviceDecl device : analysis.network().devices()) {
            DeviceRoofline roofline = on(device, analysis, steps);
            if (fits(roofline, analysis.network().dtype())) {
                devices.add(roofline);
            } else {
                Attr attr = device.custom() ? Attr.ROOFLINE_CUSTOM : Attr.ROOFLINE;
                problems.add(Problem.onNetwork(Message.ROOFLINE_TIME_OVERFLOW.on(attr, device.simpleName(),
                        device.device().name(), analysis.network().name())));
            }
        }
        return devices;
    }

    /**
     * The ridge points a device may have, in FLOP per byte: real ones lie between about 1 and 1,000; far
     * beyond these, the figures are not a device's (and the plot would span hundreds of decades).
     */
    private static final double LOWEST_RIDGE = 1e-9;
    private static final double HIGHEST_RIDGE = 1e15;

    /**
     * Whether every time is below {@link #MAX_NANOS} (NaN is not) and the ridge point is one a device may
     * have.
     */
    private static boolean fits(DeviceRoofline roofline, DType dtype) {
        double ridge = roofline.device().device().ridgePoint(dtype);
        boolean fits = roofline.nanos() < MAX_NANOS && ridge >= LOWEST_RIDGE && ridge <= HIGHEST_RIDGE;
        for (LayerTime time : roofline.layers()) {
            fits &= time.nanos() < MAX_NANOS;
        }
        return fits && (roofline.decode().isEmpty() || roofline.decode().get().nanos() < MAX_NANOS);
    }

    private static DeviceRoofline on(DeviceDecl decl, NetworkAnalysis analysis, Optional<DecodeSteps> steps) {
        Device device = decl.device();
        DType dtype = analysis.network().dtype();
        List<LayerTime> times = new ArrayList<>(analysis.layers().size());
        double nanos = 0;
        double computeBound = 0;
        for (LayerAnalysis layer : analysis.layers()) {
            LayerTime time = time(device, layer.cost().flops(), layer.traffic().memoryAccessBytes(), dtype);
            times.add(time);
            if (!layer.trainingOnly()) {
                nanos += time.nanos();
                computeBound += time.bound() == Device.Bound.COMPUTE ? time.nanos() : 0;
            }
        }
        Optional<DecodeRoofline> decode = analysis.decoder().isPresent()
                ? Optional.of(decode(device, dtype, analysis.decoder().get(), steps.orElseThrow(),
                        Math.max(1, analysis.network().batch())))
                : Optional.empty();
        return new DeviceRoofline(decl, times, nanos, computeBound, decode);
    }

    private static DecodeRoofline decode(Device device, DType dtype, DecoderFigures figures, DecodeSteps rows,
            long batch) {
        List<DecodeRoofline.Step> steps = new ArrayList<>(figures.work().size());
        double computeBound = 0;
        long flops = 0;
        long bytes = 0;
        for (DecodeWork work : figures.work()) {
            LayerTime time = time(device, work.flops(), work.bytes(), dtype);
            steps.add(new DecodeRoofline.Step(work, time));
            computeBound += time.bound() == Device.Bound.COMPUTE ? time.nanos() : 0;
            flops = Math.addExact(flops, work.flops());
            bytes = Math.addExact(bytes, work.bytes());
        }
        // The step's time as the generated decodeNanos(Device, long) works it out, over the same rows.
        double nanos = rows.nanos(device, dtype, figures.context());
        double tokensPerSecond = nanos > 0 ? batch * NANOS_PER_SECOND / nanos : 0;
        return new DecodeRoofline(figures.context(), nanos, computeBound, flops, bytes, tokensPerSecond, steps);
    }

    private static LayerTime time(Device device, long flops, long bytes, DType dtype) {
        return new LayerTime(device.nanos(flops, bytes, dtype), device.bound(flops, bytes, dtype));
    }
}
