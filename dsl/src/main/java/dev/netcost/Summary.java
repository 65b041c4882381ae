package dev.netcost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Renders a network's layers as a plain-text table, as torchinfo's and Keras's
 * {@code summary()} do. The generated {@code summary()}, the generated Javadoc and the Markdown
 * report all use it, so they always agree. Output is the same on every machine: no locale, no time.
 */
public final class Summary {
    private static final String[] HEADER = {
        "Layer", "Op", "Output shape", "Params", "MACs", "Activations", "Mem. access", "FLOP/B"
    };
    /** Columns from here on are numbers, aligned on their last digit. */
    private static final int FIRST_NUMBER = 3;
    private static final String GAP = "  ";
    /** After the op of a row that runs only in training. */
    private static final String TRAINING_ONLY = " (training only)";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /**
     * What the table's heading and footer say about the whole network.
     *
     * @param input               its input sample; for a network of named inputs, the first's
     * @param paramBytes          parameters and buffers in bytes
     * @param peakActivationBytes the most activation bytes alive at once
     * @param inputs              every input, named, when the heading names them: for a network of
     *                            several inputs or outputs, or one declared as a field; else empty
     * @param outputs             every output, named, when the heading names them; else empty
     * @param activeParams        for a network with a {@link dev.netcost.MixtureOfExperts}, the
     *                            parameters one token uses; else empty
     * @param training            for a network with {@link dev.netcost.Training}, one training step;
     *                            else empty
     * @param devices             the devices of {@link dev.netcost.Roofline}, a column each; else empty
     * @param decodeSteps         for a {@link dev.netcost.Decoder} with devices, its decode step on each,
     *                            parallel to {@code devices}; else empty
     */
    public record Header(String network, Shape input, int batch, DType dtype, long paramBytes,
            long peakActivationBytes, Optional<Decoder> decoder, List<Tensor> inputs, List<Tensor> outputs,
            OptionalLong activeParams, Optional<TrainingStep> training, List<Device> devices,
            List<DecodeStep> decodeSteps) {
        public Header {
            Objects.requireNonNull(decoder, "decoder");
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            Objects.requireNonNull(activeParams, "activeParams");
            Objects.requireNonNull(training, "training");
            devices = List.copyOf(devices);
            decodeSteps = List.copyOf(decodeSteps);
            if (!decodeSteps.isEmpty() && decodeSteps.size() != devices.size()) {
                throw new IllegalArgumentException(decodeSteps.size() + " decode steps for " + devices.size()
                        + " devices");
            }
        }

        /** A network without {@link dev.netcost.Roofline}. */
        public Header(String network, Shape input, int batch, DType dtype, long paramBytes, long peakActivationBytes,
                Optional<Decoder> decoder, List<Tensor> inputs, List<Tensor> outputs, OptionalLong activeParams,
                Optional<TrainingStep> training) {
            this(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, inputs, outputs,
                    activeParams, training, List.of(), List.of());
        }

        /**
         * The same heading, with a column of roofline times per device and its footer lines.
         *
         * @param devices     the devices, in the order of their columns
         * @param decodeSteps for a decoder, its decode step on each device, parallel to {@code devices};
         *                    else empty
         */
        public Header withRoofline(List<Device> devices, List<DecodeStep> decodeSteps) {
            return new Header(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, inputs, outputs,
                    activeParams, training, devices, decodeSteps);
        }

        /** A network without {@link dev.netcost.Training}. */
        public Header(String network, Shape input, int batch, DType dtype, long paramBytes, long peakActivationBytes,
                Optional<Decoder> decoder, List<Tensor> inputs, List<Tensor> outputs, OptionalLong activeParams) {
            this(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, inputs, outputs,
                    activeParams, Optional.empty());
        }

        /** The same heading, for a network trained as {@code step} says. */
        public Header withTraining(TrainingStep step) {
            return new Header(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, inputs, outputs,
                    activeParams, Optional.of(step), devices, decodeSteps);
        }

        /** A network without a mixture of experts. */
        public Header(String network, Shape input, int batch, DType dtype, long paramBytes, long peakActivationBytes,
                Optional<Decoder> decoder, List<Tensor> inputs, List<Tensor> outputs) {
            this(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, inputs, outputs,
                    OptionalLong.empty());
        }

        /** The same heading, for a network whose tokens each use {@code activeParams} of its parameters. */
        public Header withActiveParams(long activeParams) {
            return new Header(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, inputs, outputs,
                    OptionalLong.of(activeParams), training, devices, decodeSteps);
        }

        /** A network of one input and one output, not named in the heading. */
        public Header(String network, Shape input, int batch, DType dtype, long paramBytes, long peakActivationBytes,
                Optional<Decoder> decoder) {
            this(network, input, batch, dtype, paramBytes, peakActivationBytes, decoder, List.of(), List.of());
        }

        /** A network that is not a {@link dev.netcost.Decoder}, of one input and one output. */
        public Header(String network, Shape input, int batch, DType dtype, long paramBytes, long peakActivationBytes) {
            this(network, input, batch, dtype, paramBytes, peakActivationBytes, Optional.empty());
        }

        /** Whether the heading names the inputs and outputs. */
        boolean named() {
            return !inputs.isEmpty() || !outputs.isEmpty();
        }
    }

    /**
     * An input or an output of a network, as the heading names it: {@code mel (80, 3000) features}.
     *
     * @param name  as layers read it: {@code input} for {@code @Network(input)}, else the field's name
     * @param shape one sample
     * @param kind  what an input holds ({@code features}, {@code ids}, {@code tokens},
     *              {@code channels last}); empty for an output
     */
    public record Tensor(String name, Shape shape, String kind) {
        public Tensor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String toString() {
            return kind.isEmpty() ? name + " " + shape : name + " " + shape + " " + kind;
        }
    }

    /**
     * What a {@link dev.netcost.Decoder} network's inference costs, for the footer.
     *
     * @param context           tokens of context
     * @param kvCacheBytes      the KV cache at that context, for the batch
     * @param prefillMacs       MACs of the whole context at once
     * @param decodeMacs        MACs of one new token at the full context
     * @param crossKvCacheBytes the part of {@code kvCacheBytes} that holds the cross-attention keys and
     *                          values of an encoder's output, computed once; 0 without cross-attention
     * @param stateBytes        the part of {@code kvCacheBytes} that holds the recurrent layers' state,
     *                          the same at any context; 0 without a recurrent layer
     */
    public record Decoder(long context, long kvCacheBytes, long prefillMacs, long decodeMacs,
            long crossKvCacheBytes, long stateBytes) {
        /** A decoder that attends to no encoder. */
        public Decoder(long context, long kvCacheBytes, long prefillMacs, long decodeMacs) {
            this(context, kvCacheBytes, prefillMacs, decodeMacs, 0);
        }

        /** A decoder without a recurrent layer. */
        public Decoder(long context, long kvCacheBytes, long prefillMacs, long decodeMacs, long crossKvCacheBytes) {
            this(context, kvCacheBytes, prefillMacs, decodeMacs, crossKvCacheBytes, 0);
        }
    }

    /**
     * A {@link dev.netcost.Decoder}'s decode step on one device, as netcost worked it out at compile
     * time (the cost model's "A decoder's times"), for the footer: each of the batch's sequences gets
     * one new token.
     *
     * @param context         the tokens of context each new token attends to
     * @param nanos           the step's roofline time, in nanoseconds, exact (its constant is rounded)
     * @param tokensPerSecond new tokens a second, over the batch
     */
    public record DecodeStep(long context, double nanos, double tokensPerSecond) {}

    /**
     * What one training step of a network with {@link dev.netcost.Training} costs, for the footer,
     * by the cost model's section "Training". Compute and bytes are for the step's batch.
     *
     * @param batch                samples per step, {@code @Training(batch)}
     * @param optimizer            the optimizer, which sets the optimizer state
     * @param precision            the element types of the step
     * @param forwardMacs          the forward pass in training
     * @param forwardFlops         the forward pass in training
     * @param backwardMacs         the backward pass: every gradient of inputs and weights
     * @param backwardFlops        the backward pass
     * @param recomputeMacs        the forward passes of checkpointed blocks, again in backward
     * @param recomputeFlops       the same, in FLOPs
     * @param weightBytes          every parameter and buffer in the step's weight type
     * @param gradientBytes        a gradient per trainable parameter
     * @param masterWeightBytes    mixed precision's float32 copy of the trainable parameters
     * @param optimizerStateBytes  the optimizer's states
     * @param savedActivationBytes what the forward pass has saved for backward when it ends
     * @param peakActivationBytes  the most activations and gradients alive at once
     * @param peakInBackward       whether that peak is reached in the backward pass
     * @param peakAt               the layer where it is reached, by path ({@code input} before any)
     * @param tokens               for a network of token ids, the tokens of one sample; else 0
     */
    public record TrainingStep(int batch, dev.netcost.Training.Optimizer optimizer,
            dev.netcost.Training.Precision precision, long forwardMacs, long forwardFlops, long backwardMacs,
            long backwardFlops, long recomputeMacs, long recomputeFlops, long weightBytes, long gradientBytes,
            long masterWeightBytes, long optimizerStateBytes, long savedActivationBytes, long peakActivationBytes,
            boolean peakInBackward, String peakAt, long tokens) {
        public TrainingStep {
            Objects.requireNonNull(optimizer, "optimizer");
            Objects.requireNonNull(precision, "precision");
            Objects.requireNonNull(peakAt, "peakAt");
        }

        /** Multiply-accumulates of the step: forward, backward and recompute. */
        public long stepMacs() {
            return Math.addExact(Math.addExact(forwardMacs, backwardMacs), recomputeMacs);
        }

        /** Floating-point operations of the step: forward, backward and recompute. */
        public long stepFlops() {
            return Math.addExact(Math.addExact(forwardFlops, backwardFlops), recomputeFlops);
        }

        /** Weights, gradients, master weights and optimizer state. */
        public long modelStateBytes() {
            return Math.addExact(Math.addExact(weightBytes, gradientBytes),
                    Math.addExact(masterWeightBytes, optimizerStateBytes));
        }

        /** The most the step holds at once: model states and the activation peak. */
        public long peakBytes() {
            return Math.addExact(modelStateBytes(), peakActivationBytes);
        }
    }

    private Summary() {}

    /** Every layer, blocks fully open. */
    public static String table(Header header, List<Layer> layers) {
        return table(header, layers, List.of(), Integer.MAX_VALUE);
    }

    /**
     * The table with blocks collapsed below {@code depth}, as torchinfo's {@code depth} does:
     * depth 1 shows the network's own fields, a block use as one row; depth 2 adds the instances
     * of repeated blocks and the fields inside blocks; and so on. Totals are always the whole
     * network's.
     *
     * @param layers every layer, with its path ({@code layer3[0].conv2}), in execution order
     * @param blocks every block use and instance, with its path ({@code layer3}, {@code layer3[0]})
     */
    public static String table(Header header, List<Layer> layers, List<Layer> blocks, int depth) {
        List<String[]> rows = new ArrayList<>();
        Totals totals = new Totals();
        List<Device> devices = header.devices();
        DType dtype = header.dtype();
        List<Layer> visible = visible(layers, blocks, depth, totals);
        Map<String, double[]> blockNanos = devices.isEmpty() ? Map.of() : blockNanos(layers, visible, blocks, header);
        for (Layer layer : visible) {
            String[] row = row(layer);
            if (!devices.isEmpty()) {
                double[] sums = blockNanos.get(layer.name());
                String[] times = new String[devices.size()];
                for (int d = 0; d < times.length; d++) {
                    Device device = devices.get(d);
                    // A sum has no bound: two spaces where a layer's letter goes keep the units in line.
                    times[d] = sums != null ? time(sums[d]) + "  " : time(device.nanos(layer, dtype))
                            + (device.bound(layer, dtype) == Device.Bound.COMPUTE ? " C" : " M");
                }
                row = join(row, times);
            }
            rows.add(row);
        }
        String[] total = {"Total", "", totalOutput(header, layers), grouped(totals.params), grouped(totals.macs), "",
            bytes(totals.memoryAccess), intensity(totals.flops, totals.memoryAccess)};
        String[] columns = HEADER;
        List<DeviceTime> onDevices = new ArrayList<>(devices.size());
        for (Device device : devices) {
            onDevices.add(DeviceTime.of(device, layers, dtype));
        }
        if (!devices.isEmpty()) {
            String[] names = new String[devices.size()];
            String[] times = new String[devices.size()];
            for (int d = 0; d < names.length; d++) {
                names[d] = devices.get(d).name();
                times[d] = time(onDevices.get(d).nanos()) + "  ";
            }
            columns = join(HEADER, names);
            total = join(total, times);
        }

        int[] width = new int[columns.length];
        for (String[] row : rows) {
            widen(width, row);
        }
        widen(width, columns);
        widen(width, total);
        int lineWidth = (width.length - 1) * GAP.length();
        for (int w : width) {
            lineWidth += w;
        }
        String rule = "-".repeat(lineWidth);
        String doubleRule = "=".repeat(lineWidth);
        String dtypeName = dtype.name().toLowerCase(java.util.Locale.ROOT);

        StringBuilder out = new StringBuilder();
        if (header.named()) {
            out.append(header.network()).append(": batch ").append(header.batch()).append(", ").append(dtypeName)
                    .append('\n');
            out.append("Inputs: ").append(list(header.inputs())).append('\n');
            out.append("Outputs: ").append(list(header.outputs())).append('\n');
        } else {
            out.append(header.network()).append(": input ").append(header.input()).append(", batch ")
                    .append(header.batch()).append(", ").append(dtypeName).append('\n');
        }
        out.append(doubleRule).append('\n');
        appendRow(out, columns, width);
        out.append(rule).append('\n');
        for (String[] row : rows) {
            appendRow(out, row, width);
        }
        out.append(rule).append('\n');
        appendRow(out, total, width);
        out.append(doubleRule).append('\n');
        out.append("Params:       ").append(grouped(totals.params)).append(totals.trainingOnly
                ? ", " + grouped(totals.trainingParams) + " of them training only" : "");
        if (header.activeParams().isPresent()) {
            out.append(", ").append(grouped(header.activeParams().getAsLong())).append(" active per token");
        }
        out.append('\n');
        out.append("Buffers:      ").append(grouped(totals.buffers)).append(totals.trainingOnly
                ? ", " + grouped(totals.trainingBuffers) + " of them training only" : "").append('\n');
        out.append("MACs:         ").append(grouped(totals.macs)).append(" (").append(scaled(totals.macs)).append(")")
                .append(trainingOnly(totals, totals.trainingMacs)).append('\n');
        out.append("FLOPs:        ").append(grouped(totals.flops)).append(" (").append(scaled(totals.flops))
                .append(")").append(trainingOnly(totals, totals.trainingFlops)).append('\n');
        out.append("Param memory: ").append(bytes(header.paramBytes())).append('\n');
        out.append("Peak memory:  ").append(bytes(Math.addExact(header.paramBytes(), header.peakActivationBytes())))
                .append(" (activations ").append(bytes(header.peakActivationBytes())).append(")\n");
        if (header.decoder().isPresent()) {
            Decoder decoder = header.decoder().get();
            out.append("KV cache:     ").append(bytes(decoder.kvCacheBytes())).append(" at ")
                    .append(grouped(decoder.context())).append(" tokens").append(decoder.crossKvCacheBytes() > 0
                            ? ", " + bytes(decoder.crossKvCacheBytes()) + " of it cross-attention" : "")
                    .append(decoder.stateBytes() > 0
                            ? ", " + bytes(decoder.stateBytes()) + " of it recurrent state" : "")
                    .append('\n');
            out.append("Prefill:      ").append(grouped(decoder.prefillMacs())).append(" MACs (")
                    .append(scaled(decoder.prefillMacs())).append(")\n");
            out.append("Decode:       ").append(grouped(decoder.decodeMacs())).append(" MACs per token (")
                    .append(scaled(decoder.decodeMacs())).append(") at ").append(grouped(decoder.context()))
                    .append(" tokens\n");
        }
        if (header.training().isPresent()) {
            training(out, header.training().get());
        }
        roofline(out, header, onDevices);
        return out.toString();
    }

    /**
     * The footer's lines of each device: its figures, the network's time and its compute-bound part,
     * and a decoder's decode step.
     */
    private static void roofline(StringBuilder out, Header header, List<DeviceTime> onDevices) {
        DType dtype = header.dtype();
        for (int d = 0; d < header.devices().size(); d++) {
            Device device = header.devices().get(d);
            double nanos = onDevices.get(d).nanos();
            double computeBound = onDevices.get(d).computeBound();
            out.append("Roofline:     ").append(device.name()).append(", ").append(figures(device, dtype)).append(": ")
                    .append(duration(nanos)).append(header.decoder().isPresent() ? " per prefill" : " per inference")
                    .append(" (").append(nanos > 0 ? Math.round(100 * computeBound / nanos) : 0)
                    .append("% in compute-bound layers)\n");
            if (!header.decodeSteps().isEmpty()) {
                DecodeStep step = header.decodeSteps().get(d);
                out.append("Decode step:  ").append(duration(step.nanos())).append(" per step at ")
                        .append(grouped(step.context())).append(" tokens, ").append(count(step.tokensPerSecond()))
                        .append(" tokens/s\n");
            }
        }
    }

    /**
     * The network's roofline time on a device and its part in compute-bound layers, in one pass over
     * the layers that run at inference, in their order, as {@link Device#nanos(Iterable, DType)} sums.
     */
    private record DeviceTime(double nanos, double computeBound) {
        static DeviceTime of(Device device, List<Layer> layers, DType dtype) {
            double nanos = 0;
            double computeBound = 0;
            for (Layer layer : layers) {
                if (!layer.trainingOnly()) {
                    double time = device.nanos(layer, dtype);
                    nanos += time;
                    computeBound += device.bound(layer, dtype) == Device.Bound.COMPUTE ? time : 0;
                }
            }
            return new DeviceTime(nanos, computeBound);
        }
    }

    /**
     * Each block row's time on each device: the sum of the times of its layers (those that run at
     * inference, unless the block runs only in training), not the time of its summed figures.
     */
    private static Map<String, double[]> blockNanos(List<Layer> layers, List<Layer> visible, List<Layer> blocks,
            Header header) {
        // By path, not by identity: the lists may be views that make a new Layer at every get(), as the
        // processor's are. A block's path is no layer's.
        Set<String> blockPaths = new HashSet<>();
        for (Layer block : blocks) {
            blockPaths.add(block.name());
        }
        Map<String, Layer> shownBlocks = new HashMap<>();
        for (Layer row : visible) {
            if (blockPaths.contains(row.name())) {
                shownBlocks.put(row.name(), row);
            }
        }
        Map<String, double[]> sums = new HashMap<>();
        if (shownBlocks.isEmpty()) {
            return sums;
        }
        List<Device> devices = header.devices();
        for (Layer layer : layers) {
            double[] times = null;
            for (String ancestor : ancestors(layer.name())) {
                Layer block = shownBlocks.get(ancestor);
                if (block == null || layer.trainingOnly() && !block.trainingOnly()) {
                    continue;
                }
                if (times == null) {
                    times = new double[devices.size()];
                    for (int d = 0; d < times.length; d++) {
                        times[d] = devices.get(d).nanos(layer, header.dtype());
                    }
                }
                double[] sum = sums.get(ancestor);
                if (sum == null) {
                    sum = new double[devices.size()];
                    sums.put(ancestor, sum);
                }
                for (int d = 0; d < times.length; d++) {
                    sum[d] += times[d];
                }
            }
        }
        return sums;
    }

    /** A cell's time: {@code -} for none. */
    private static String time(double nanos) {
        return nanos == 0 ? "-" : duration(nanos);
    }

    private static String[] join(String[] first, String[] second) {
        String[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** {@code value} to 3 significant digits, rounded half up, its trailing zeros kept: {@code 1.20}. */
    private static BigDecimal significant(BigDecimal value) {
        BigDecimal rounded = value.round(new MathContext(3, RoundingMode.HALF_UP));
        return rounded.setScale(Math.max(0, 3 - (rounded.precision() - rounded.scale())), RoundingMode.HALF_UP);
    }

    /**
     * {@code value} to 3 significant digits in the largest of {@code units}, each a thousand times the
     * one before, that keeps it below 1,000 (or the last): rounded first, so that 999.6 is 1.00 of the
     * next unit rather than 1000 of this one.
     */
    private static String inUnits(BigDecimal value, String[] units, boolean stripZeros) {
        int unit = 0;
        while (unit < units.length - 1 && significant(value).compareTo(THOUSAND) >= 0) {
            value = value.movePointLeft(3);
            unit++;
        }
        BigDecimal shown = significant(value);
        if (stripZeros) {
            shown = shown.stripTrailingZeros();
            shown = shown.scale() < 0 ? shown.setScale(0) : shown;
        }
        return shown.toPlainString() + units[unit];
    }

    /**
     * A rate to 3 significant digits in k, M, G, T, P or E, rounded half up, without trailing zeros:
     * {@code rate(67e12, "FLOP/s")} is {@code 67 TFLOP/s}, {@code rate(3.35e12, "B/s")} {@code 3.35 TB/s}.
     */
    public static String rate(double perSecond, String unit) {
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E"};
        String[] units = new String[prefixes.length];
        for (int k = 0; k < units.length; k++) {
            units[k] = " " + prefixes[k] + unit;
        }
        return inUnits(new BigDecimal(perSecond), units, true);
    }

    /**
     * What a device offers a network of {@code dtype}, as every summary, report and constant says it:
     * {@code float16 at 312 TFLOP/s, 2.04 TB/s} (int8 in {@code OP/s}).
     */
    public static String figures(Device device, DType dtype) {
        return dtype.name().toLowerCase(java.util.Locale.ROOT) + " at "
                + rate(device.peakFlopsPerSecond(dtype), dtype == DType.INT8 ? "OP/s" : "FLOP/s") + ", "
                + rate(device.memoryBytesPerSecond(), "B/s");
    }

    /**
     * A figure to 3 significant digits, rounded half up, grouped from 1,000 on: {@code 81.2},
     * {@code 219,000}; for tokens per second, a ridge point.
     */
    public static String count(double value) {
        BigDecimal shown = significant(new BigDecimal(value));
        return shown.compareTo(THOUSAND) >= 0 ? grouped(shown.longValue()) : shown.toPlainString();
    }

    /** The footer's block of a training step, after the inference figures. */
    private static void training(StringBuilder out, TrainingStep step) {
        out.append("Training:     batch ").append(step.batch()).append(", ")
                .append(step.optimizer().name().toLowerCase(java.util.Locale.ROOT)).append(", ")
                .append(step.precision().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        out.append("Step MACs:    ").append(grouped(step.stepMacs())).append(" (").append(scaled(step.stepMacs()))
                .append("): forward ").append(scaled(step.forwardMacs())).append(", backward ")
                .append(scaled(step.backwardMacs())).append(", recompute ").append(scaled(step.recomputeMacs()))
                .append('\n');
        out.append("Step FLOPs:   ").append(grouped(step.stepFlops())).append(" (").append(scaled(step.stepFlops()))
                .append("): forward ").append(scaled(step.forwardFlops())).append(", backward ")
                .append(scaled(step.backwardFlops())).append(", recompute ").append(scaled(step.recomputeFlops()))
                .append('\n');
        out.append("Model states: ").append(bytes(step.modelStateBytes())).append(": weights ")
                .append(bytes(step.weightBytes())).append(", gradients ").append(bytes(step.gradientBytes()))
                .append(", master weights ").append(bytes(step.masterWeightBytes())).append(", optimizer ")
                .append(bytes(step.optimizerStateBytes())).append('\n');
        out.append("Saved:        ").append(bytes(step.savedActivationBytes()))
                .append(" of activations for backward\n");
        out.append("Step peak:    ").append(bytes(step.peakBytes())).append(" (activations ")
                .append(bytes(step.peakActivationBytes()))
                .append(step.peakInBackward() ? " in backward" : " in forward").append(" at ").append(step.peakAt()).append(")\n");
        if (step.tokens() > 0) {
            long tokens = Math.multiplyExact(step.batch(), step.tokens());
            out.append("Per token:    ").append(perToken(step.stepFlops(), tokens)).append(" step FLOPs, over ")
                    .append(grouped(tokens)).append(" tokens\n");
        }
    }

    /**
     * {@code flops / tokens}, grouped: exact when it divides ({@code 12,288}), else to one decimal,
     * rounded half up ({@code 12,288.5}).
     */
    public static String perToken(long flops, long tokens) {
        if (flops % tokens == 0) {
            return grouped(flops / tokens);
        }
        BigDecimal tenths = BigDecimal.valueOf(flops).divide(BigDecimal.valueOf(tokens), 1, RoundingMode.HALF_UP);
        long whole = tenths.longValue();
        return grouped(whole) + "." + tenths.subtract(BigDecimal.valueOf(whole)).movePointRight(1).abs().longValue();
    }

    /**
     * What the totals row shows as the output: the last layer's, or the input's without layers; for a
     * network whose heading names its outputs, the one output, or nothing when there are several.
     */
    private static String totalOutput(Header header, List<Layer> layers) {
        if (header.named()) {
            return header.outputs().size() == 1 ? header.outputs().get(0).shape().toString() : "";
        }
        return (layers.isEmpty() ? header.input() : layers.get(layers.size() - 1).output()).toString();
    }

    /** {@code mel (80, 3000) features, tokens (448) ids}. */
    private static String list(List<Tensor> tensors) {
        StringBuilder s = new StringBuilder();
        for (Tensor tensor : tensors) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(tensor);
        }
        return s.toString();
    }

    /**
     * What a network with training-only layers adds to a line of compute, which counts inference
     * only: {@code  at inference; training only: 5,683,200 (5.68 M) more}; nothing for another.
     */
    private static String trainingOnly(Totals totals, long figure) {
        return totals.trainingOnly ? " at inference; training only: " + grouped(figure) + " (" + scaled(figure)
                + ") more" : "";
    }

    /** The rows to show at {@code depth}, summing every layer into {@code totals} on the way. */
    static List<Layer> visible(List<Layer> layers, List<Layer> blocks, int depth, Totals totals) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth + " is below 1");
        }
        Map<String, Layer> blockByPath = new HashMap<>();
        for (Layer block : blocks) {
            blockByPath.put(block.name(), block);
        }
        List<Layer> rows = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (Layer layer : layers) {
            totals.add(layer);
            for (String ancestor : ancestors(layer.name())) {
                Layer block = blockByPath.get(ancestor);
                if (depth(ancestor) <= depth && block != null && shown.add(ancestor)) {
                    rows.add(block);
                }
            }
            if (depth(layer.name()) <= depth) {
                rows.add(layer);
            }
        }
        return rows;
    }

    /**
     * The sums of the layers' figures, exact, as the cost model counts a network's: every layer's
     * parameters and buffers, the compute and traffic of those that run at inference; and apart,
     * the figures of those that run only in training.
     */
    static final class Totals {
        long params;
        long buffers;
        long macs;
        long flops;
        long memoryAccess;
        boolean trainingOnly;
        long trainingParams;
        long trainingBuffers;
        long trainingMacs;
        long trainingFlops;

        void add(Layer layer) {
            params = Math.addExact(params, layer.params());
            buffers = Math.addExact(buffers, layer.buffers());
            if (layer.trainingOnly()) {
                trainingOnly = true;
                trainingParams = Math.addExact(trainingParams, layer.params());
                trainingBuffers = Math.addExact(trainingBuffers, layer.buffers());
                trainingMacs = Math.addExact(trainingMacs, layer.macs());
                trainingFlops = Math.addExact(trainingFlops, layer.flops());
                return;
            }
            macs = Math.addExact(macs, layer.macs());
            flops = Math.addExact(flops, layer.flops());
            memoryAccess = Math.addExact(memoryAccess, layer.memoryAccessBytes());
        }
    }

    private static String[] row(Layer layer) {
        return new String[] {
            layer.name(), layer.trainingOnly() ? layer.op() + TRAINING_ONLY : layer.op(), layer.output().toString(),
            grouped(layer.params()), grouped(layer.macs()),
            bytes(layer.activationBytes()), bytes(layer.memoryAccessBytes()),
            intensity(layer.flops(), layer.memoryAccessBytes())
        };
    }

    private static void widen(int[] width, String[] row) {
        for (int c = 0; c < row.length; c++) {
            width[c] = Math.max(width[c], row[c].length());
        }
    }

    /** How deep a path is: {@code conv1} 1, {@code layer3} 1, {@code layer3[0]} 2, {@code layer3[0].conv2} 3. */
    static int depth(String path) {
        int depth = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                depth++;
            }
        }
        return depth;
    }

    /** The paths enclosing {@code path}, outermost first: {@code layer3}, {@code layer3[0]}. */
    public static List<String> ancestors(String path) {
        List<String> ancestors = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                ancestors.add(path.substring(0, i));
            }
        }
        return ancestors;
    }

    private static void appendRow(StringBuilder out, String[] row, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            // Names and shapes read left to right; counts line up on their last digit.
            String pad = " ".repeat(width[c] - row[c].length());
            line.append(c >= FIRST_NUMBER ? pad + row[c] : row[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** {@code 1234567} as {@code 1,234,567}, whatever the default locale. */
    public static String grouped(long value) {
        // Not Math.abs: it overflows on Long.MIN_VALUE.
        String digits = value < 0 ? Long.toString(value).substring(1) : Long.toString(value);
        StringBuilder s = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        s.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        return value < 0 ? "-" + s : s.toString();
    }

    /** A count in K, M, G, T, P or E with two decimals ({@code 0.71 G}), rounded half up. */
    public static String scaled(long value) {
        String[] units = {"", " K", " M", " G", " T", " P", " E"};
        long scale = 1;
        int unit = 0;
        while (unit < units.length - 1 && Math.abs(value / scale) >= 1000) {
            scale *= 1000;
            unit++;
        }
        if (unit == 0) {
            return Long.toString(value);
        }
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale), 2, RoundingMode.HALF_UP).toPlainString()
                + units[unit];
    }

    /** Bytes in decimal units, as torchinfo prints them: {@code 102.23 MB}; below 1 kB, {@code 512 B}. */
    public static String bytes(long value) {
        String scaled = scaled(value);
        return scaled.indexOf(' ') < 0 ? scaled + " B" : scaled.replace(" K", " kB").replace(" M", " MB")
                .replace(" G", " GB").replace(" T", " TB").replace(" P", " PB").replace(" E", " EB");
    }

    /**
     * A time in nanoseconds to three significant digits, rounded half up, in the largest of ns, \u00b5s,
     * ms and s that keeps it at least 1: {@code 812 ns}, {@code 7.54 ms}, {@code 1.20 s}; {@code 0 ns}.
     * Below a nanosecond it stays in ns ({@code 0.500 ns}); from 1,000 s on, whole seconds
     * ({@code 12300 s}). What summaries, reports and budget messages print beside the exact nanoseconds.
     *
     * @throws IllegalArgumentException for NaN or an infinity, which no roofline time is
     */
    public static String duration(double nanos) {
        if (!Double.isFinite(nanos)) {
            throw new IllegalArgumentException("not a time: " + nanos);
        }
        if (nanos == 0) {
            return "0 ns";
        }
        if (Math.abs(nanos) < 0.001) {
            // A picosecond is below anything a device does; 300 zeros would say nothing more.
            return (nanos < 0 ? "-" : "") + "<0.001 ns";
        }
        return (nanos < 0 ? "-" : "") + inUnits(new BigDecimal(Math.abs(nanos)), new String[] {" ns", " \u00b5s", " ms",
            " s"}, false);
    }

    /** FLOPs per byte with two decimals, rounded half up; {@code -} when no memory moves. */
    static String intensity(long flops, long bytes) {
        if (bytes == 0) {
            return "-";
        }
        return BigDecimal.valueOf(flops).divide(BigDecimal.valueOf(bytes), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
