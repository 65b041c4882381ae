package dev.netcost.processor.write;

import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.Summary;
import dev.netcost.processor.infer.DecodeRoofline;
import dev.netcost.processor.infer.DeviceRoofline;
import dev.netcost.processor.infer.LayerTime;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.LayerTraining;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.OutputAnalysis;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The human-readable report, {@code META-INF/netcost/<network>.md}: the summary as Markdown tables. */
final class MarkdownReport {
    private MarkdownReport() {}

    /** Writes the report to {@code md}, a row at a time. */
    static void write(NetworkAnalysis analysis, Writer md) throws IOException {
        NetworkDecl network = analysis.network();
        NetworkAnalysis.Memory memory = analysis.memory();
        Cost total = analysis.total();
        boolean named = SummaryText.named(analysis);
        md.append("# ").append(network.name()).append("\n\n");
        if (named) {
            // The inputs and outputs have tables of their own, below the totals.
            md.append("Batch ").append(Integer.toString(network.batch())).append(", ")
                    .append(network.dtype().name().toLowerCase(Locale.ROOT)).append(".\n\n");
        } else {
            md.append("Input ").append(analysis.input().toString()).append(", batch ")
                    .append(Integer.toString(network.batch())).append(", ")
                    .append(network.dtype().name().toLowerCase(Locale.ROOT)).append(". Output ")
                    .append(analysis.output().toString()).append(".\n\n");
        }
        md.append("| Total | |\n| --- | ---: |\n");
        row(md, "Params", Summary.grouped(total.params()));
        if (analysis.hasExperts()) {
            row(md, "Active params per token", Summary.grouped(total.activeParams()) + " ("
                    + Summary.scaled(total.activeParams()) + ")");
        }
        row(md, "Buffers", Summary.grouped(total.buffers()));
        row(md, "MACs", Summary.grouped(total.macs()) + " (" + Summary.scaled(total.macs()) + ")");
        row(md, "FLOPs", Summary.grouped(total.flops()) + " (" + Summary.scaled(total.flops()) + ")");
        row(md, "Param memory", Summary.bytes(memory.paramBytes()));
        row(md, "Peak memory", Summary.bytes(memory.peakBytes()) + " (activations "
                + Summary.bytes(memory.peakActivationBytes()) + " at `" + memory.peakAt() + "`)");
        row(md, "Memory access", Summary.bytes(memory.memoryAccessBytes()));
        if (analysis.decoder().isPresent()) {
            DecoderFigures decoder = analysis.decoder().get();
            row(md, "KV cache", Summary.bytes(decoder.kvCacheBytes()) + " at " + Summary.grouped(decoder.context())
                    + " tokens" + (decoder.crossKvCacheBytes() > 0 ? ", " + Summary.bytes(decoder.crossKvCacheBytes())
                            + " of it cross-attention, computed once" : "") + (decoder.stateBytes() > 0 ? ", "
                            + Summary.bytes(decoder.stateBytes()) + " of it recurrent state" : ""));
            row(md, "Prefill MACs", Summary.grouped(decoder.prefillMacs()));
            row(md, "Decode MACs per token", Summary.grouped(decoder.decodeMacs()));
        }
        if (analysis.hasTrainingOnly()) {
            // Apart from the totals above, which count their parameters and buffers but not their compute.
            Cost trainingOnly = analysis.trainingOnly();
            row(md, "Training only", Summary.grouped(trainingOnly.params()) + " params, "
                    + Summary.grouped(trainingOnly.buffers()) + " buffers (in the totals above); "
                    + Summary.grouped(trainingOnly.macs()) + " MACs, " + Summary.grouped(trainingOnly.flops())
                    + " FLOPs (in none of them): the rows marked " + TRAINING_ONLY.strip());
        }
        if (named) {
            inputsAndOutputs(analysis, md);
        }
        if (analysis.training().isPresent()) {
            training(analysis, analysis.training().get(), md);
        }
        if (!analysis.roofline().isEmpty()) {
            roofline(analysis, md);
        }
        md.append("\n## Layers\n\n");
        md.append("| Layer | Op | Output shape | Params | MACs | FLOPs | Activations | Mem. access |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (LayerAnalysis layer : analysis.layers()) {
            md.append("| `").append(layer.path()).append("` | ").append(op(layer.op(), layer.trainingOnly()))
                    .append(" | ")
                    .append(layer.output().toString()).append(" | ")
                    .append(Summary.grouped(layer.cost().params())).append(" | ")
                    .append(Summary.grouped(layer.cost().macs())).append(" | ")
                    .append(Summary.grouped(layer.cost().flops())).append(" | ")
                    .append(Summary.bytes(layer.traffic().activationBytes())).append(" | ")
                    .append(Summary.bytes(layer.traffic().memoryAccessBytes())).append(" |\n");
        }
        if (!analysis.blocks().isEmpty()) {
            md.append("\n## Blocks\n\n");
            md.append("| Block | Op | Output shape | Params | MACs | FLOPs |\n");
            md.append("| --- | --- | --- | ---: | ---: | ---: |\n");
            for (BlockAnalysis block : analysis.blocks()) {
                md.append("| `").append(block.path()).append("` | ").append(op(block.op(), block.trainingOnly()))
                        .append(" | ")
                        .append(block.output().toString()).append(" | ")
                        .append(Summary.grouped(block.cost().params())).append(" | ")
                        .append(Summary.grouped(block.cost().macs())).append(" | ")
                        .append(Summary.grouped(block.cost().flops())).append(" |\n");
            }
        }
    }

    /**
     * A table of the inputs, and one of the outputs with the figures of the layers only each needs:
     * what dropping it would save.
     */
    private static void inputsAndOutputs(NetworkAnalysis analysis, Writer md) throws IOException {
        md.append("\n## Inputs\n\n");
        md.append("| Input | Shape | Kind | Bytes |\n");
        md.append("| --- | --- | --- | ---: |\n");
        for (InputAnalysis input : analysis.inputs()) {
            md.append("| `").append(input.name()).append("` | ").append(input.shape().toString()).append(" | ")
                    .append(PortConstants.kind(input.kind())).append(" | ").append(Summary.bytes(input.bytes()))
                    .append(" |\n");
        }
        md.append("\n## Outputs\n\n");
        md.append("| Output | Shape | Params only it needs | MACs only it needs | FLOPs only it needs |\n");
        md.append("| --- | --- | ---: | ---: | ---: |\n");
        for (OutputAnalysis output : analysis.outputs()) {
            md.append("| `").append(output.name()).append("` | ").append(output.shape().toString()).append(" | ")
                    .append(Summary.grouped(output.only().params())).append(" | ")
                    .append(Summary.grouped(output.only().macs())).append(" | ")
                    .append(Summary.grouped(output.only().flops())).append(" |\n");
        }
    }

    /**
     * One training step: its figures as the summary's footer gives them, and where the backward
     * pass's work and the saved activations go, field by field.
     */
    private static void training(NetworkAnalysis analysis, TrainingFigures t, Writer md) throws IOException {
        Summary.TrainingStep step = TrainingConstants.step(analysis, t);
        md.append("\n## Training\n\n");
        md.append("Batch ").append(Integer.toString(step.batch())).append(", ")
                .append(step.optimizer().name().toLowerCase(Locale.ROOT)).append(", ")
                .append(step.precision().name().toLowerCase(Locale.ROOT)).append(".\n\n");
        md.append("| Training step | |\n| --- | ---: |\n");
        row(md, "Step MACs", Summary.grouped(step.stepMacs()) + " (" + Summary.scaled(step.stepMacs())
                + "): forward " + Summary.grouped(step.forwardMacs()) + ", backward "
                + Summary.grouped(step.backwardMacs()) + ", recompute " + Summary.grouped(step.recomputeMacs()));
        row(md, "Step FLOPs", Summary.grouped(step.stepFlops()) + " (" + Summary.scaled(step.stepFlops())
                + "): forward " + Summary.grouped(step.forwardFlops()) + ", backward "
                + Summary.grouped(step.backwardFlops()) + ", recompute " + Summary.grouped(step.recomputeFlops()));
        if (step.tokens() > 0) {
            long tokens = Math.multiplyExact((long) step.batch(), step.tokens());
            row(md, "Step FLOPs per token", Summary.perToken(step.stepFlops(), tokens) + " over "
                    + Summary.grouped(tokens) + " tokens");
        }
        row(md, "Trainable params", Summary.grouped(t.trainableParams()));
        row(md, "Model states", Summary.bytes(step.modelStateBytes()) + ": weights " + Summary.bytes(step.weightBytes())
                + ", gradients " + Summary.bytes(step.gradientBytes()) + ", master weights "
                + Summary.bytes(step.masterWeightBytes()) + ", optimizer state "
                + Summary.bytes(step.optimizerStateBytes()));
        row(md, "Saved activations", Summary.bytes(step.savedActivationBytes()));
        row(md, "Activation peak", Summary.bytes(step.peakActivationBytes()) + " in "
                + t.peak().phase() + " at `" + t.peak().at() + "`");
        row(md, "Peak memory", Summary.bytes(step.peakBytes()) + " (model states and activation peak)");
        md.append("\nBy field: what its layers save is each layer's own share, so a tensor two layers keep counts in"
                + " each.");
        if (anyCheckpointed(t.layers())) {
            md.append(" A `@Checkpoint` block use shows 0: its layers keep their tensors only in backward, once"
                    + " recomputed, and its input, kept in the forward pass, is in the saved activations.");
        }
        md.append("\n");
        md.append("\n| Field | Backward FLOPs | Saved for backward |\n| --- | ---: | ---: |\n");
        for (TrainingConstants.Field field : TrainingConstants.fields(analysis, t)) {
            md.append("| `").append(field.name()).append("` | ").append(Summary.grouped(field.backwardFlops()))
                    .append(" | ").append(Summary.bytes(field.savedBytes())).append(" |\n");
        }
    }

    private static boolean anyCheckpointed(List<LayerTraining> layers) {
        for (LayerTraining layer : layers) {
            if (layer.checkpointed()) {
                return true;
            }
        }
        return false;
    }

    /** Indices of layers, the slowest on a device first, by the device's times of the layers. */
    private static final class SlowestFirst implements Comparator<Integer> {
        private final List<LayerTime> times;

        SlowestFirst(List<LayerTime> times) {
            this.times = times;
        }

        @Override
        public int compare(Integer a, Integer b) {
            return Double.compare(times.get(b).nanos(), times.get(a).nanos());
        }
    }

    /** How many of the slowest layers each device's table lists. */
    private static final int SLOWEST = 10;

    /**
     * Each device's roofline: its figures, the network's time and how it splits between the bounds, a
     * decoder's decode step, and the slowest layers.
     */
    private static void roofline(NetworkAnalysis analysis, Writer md) throws IOException {
        DType dtype = analysis.network().dtype();
        md.append("\n## Roofline\n\n");
        md.append("Lower bounds, not measurements: each layer takes `max(FLOPs / peak, bytes / bandwidth)`, its"
                + " compute and memory traffic overlapping perfectly at the device's peaks; kernel launches, caches,"
                + " fusion and the share of the peak a kernel reaches are left out (the cost model's section"
                + " \"Roofline\").\n");
        List<LayerAnalysis> layers = analysis.layers();
        for (DeviceRoofline roofline : analysis.roofline()) {
            Device device = roofline.device().device();
            md.append("\n### ").append(text(device.name())).append("\n\n");
            md.append(Summary.figures(device, dtype)).append(": ridge point ")
                    .append(Summary.count(device.ridgePoint(dtype))).append(" FLOP/B.\n\n");
            md.append("| Roofline | |\n| --- | ---: |\n");
            row(md, analysis.decoder().isPresent() ? "Prefill" : "Inference", Summary.duration(roofline.nanos()));
            row(md, "Compute bound", Summary.duration(roofline.computeBoundNanos()) + " (" + share(
                    roofline.computeBoundNanos(), roofline.nanos()) + ")");
            row(md, "Memory bound", Summary.duration(roofline.memoryBoundNanos()) + " (" + share(
                    roofline.memoryBoundNanos(), roofline.nanos()) + ")");
            if (roofline.decode().isPresent()) {
                DecodeRoofline decode = roofline.decode().get();
                row(md, "Decode step", Summary.duration(decode.nanos()) + " at " + Summary.grouped(decode.context())
                        + " tokens: " + Summary.grouped(decode.flops()) + " FLOPs, " + Summary.bytes(decode.bytes()));
                row(md, "Tokens per second", Summary.count(decode.tokensPerSecond()));
            }
            List<Integer> slowest = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if (!layers.get(i).trainingOnly()) {
                    slowest.add(i);
                }
            }
            // The slowest first; among equal times, in execution order (the sort is stable).
            slowest.sort(new SlowestFirst(roofline.layers()));
            md.append("\n| Slowest layers | Op | FLOPs | Mem. access | FLOP/B | Time | Bound |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
            for (int i : slowest.subList(0, Math.min(SLOWEST, slowest.size()))) {
                LayerAnalysis layer = layers.get(i);
                LayerTime time = roofline.layers().get(i);
                md.append("| `").append(layer.path()).append("` | ").append(layer.op()).append(" | ")
                        .append(Summary.grouped(layer.cost().flops())).append(" | ")
                        .append(Summary.bytes(layer.traffic().memoryAccessBytes())).append(" | ")
                        .append(layer.traffic().memoryAccessBytes() == 0 ? "-"
                                : Summary.count(layer.traffic().intensity(layer.cost().flops()))).append(" | ")
                        .append(Summary.duration(time.nanos())).append(" | ")
                        .append(time.bound().word()).append(" |\n");
            }
        }
    }

    /** {@code part} of {@code whole} as a whole percentage: {@code 37%}. */
    private static String share(double part, double whole) {
        return (whole > 0 ? Math.round(100 * part / whole) : 0) + "%";
    }

    /** After the op of a row that runs only in training. */
    private static final String TRAINING_ONLY = " (training only)";

    /**
     * Text a user wrote (a device's name), as Markdown shows it: its characters that Markdown or the HTML
     * inside it would read ({@code * _ ` [ ] < > & | \\}) escaped.
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '&') {
                out.append("&amp;");
            } else if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String op(String op, boolean trainingOnly) {
        return trainingOnly ? op + TRAINING_ONLY : op;
    }

    private static void row(Writer md, String name, String value) throws IOException {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
