package dev.netcost.processor.write;

import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.processor.infer.DecodeRoofline;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.DeviceRoofline;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.LayerTime;
import dev.netcost.processor.infer.LayerTraining;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.OutputAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.infer.TrainingFigures;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.TrainingDecl;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable report, {@code META-INF/netcost/<network>.json}: every layer and block
 * with its shapes and figures, and the totals. Its schema is {@code docs/report-schema.json}; keys
 * come in a fixed order, so two builds write the same bytes and a CI job can diff them.
 */
final class JsonReport {
    /** The schema's name and version; bumped on any change a reader would notice. */
    static final String SCHEMA = "netcost-report/7";
    /** The version of the cost conventions the figures follow ({@code docs/cost-model.md}). */
    static final String CONVENTIONS = "netcost-cost-model/1";

    private JsonReport() {}

    static void write(NetworkAnalysis analysis, Writer out) throws IOException {
        NetworkDecl network = analysis.network();
        NetworkAnalysis.Memory memory = analysis.memory();
        Cost total = analysis.total();
        Json json = new Json(out).beginObject(null)
                .value("schema", SCHEMA)
                .value("conventions", CONVENTIONS)
                .value("network", network.packageName().isEmpty() ? String.join(".", network.simpleNames())
                        : network.packageName() + "." + String.join(".", network.simpleNames()))
                .value("name", network.name());
        // As the companion's INPUT_SHAPE and OUTPUT_SHAPE: "inputs" and "outputs" list them all.
        if (network.hasNetworkInput()) {
            json.value("input", analysis.input());
        }
        if (PortConstants.oneOutput(analysis)) {
            json.value("output", analysis.output());
        }
        json.value("batch", network.batch())
                .value("dtype", network.dtype().name().toLowerCase(Locale.ROOT))
                .value("bytesPerElement", network.dtype().bytes())
                .beginObject("totals")
                .value("params", total.params());
        boolean experts = analysis.hasExperts();
        if (experts) {
            json.value("activeParams", total.activeParams());
        }
        json.value("buffers", total.buffers())
                .value("macs", total.macs())
                .value("flops", total.flops())
                .value("paramBytes", memory.paramBytes())
                .value("peakActivationBytes", memory.peakActivationBytes())
                .value("peakMemoryBytes", memory.peakBytes())
                .value("memoryAccessBytes", memory.memoryAccessBytes())
                .value("arithmeticIntensity", analysis.arithmeticIntensity())
                .endObject();
        json.beginArray("inputs");
        for (InputAnalysis input : analysis.inputs()) {
            json.beginObject(null).value("name", input.name()).value("shape", input.shape())
                    .value("kind", input.kind().name().toLowerCase(Locale.ROOT)).value("bytes", input.bytes())
                    .endObject();
        }
        json.endArray().beginArray("outputs");
        for (OutputAnalysis output : analysis.outputs()) {
            json.beginObject(null).value("name", output.name()).value("shape", output.shape())
                    .value("onlyParams", output.only().params()).value("onlyMacs", output.only().macs())
                    .value("onlyFlops", output.only().flops()).endObject();
        }
        json.endArray();
        if (analysis.decoder().isPresent()) {
            DecoderFigures decoder = analysis.decoder().get();
            json.beginObject("decoder")
                    .value("context", decoder.context())
                    .value("attentionLayers", decoder.attentionLayers())
                    .value("kvCacheBytes", decoder.kvCacheBytes())
                    .value("kvCacheBytesPerToken", decoder.kvCacheBytesPerToken())
                    .value("crossKvCacheBytes", decoder.crossKvCacheBytes())
                    .value("stateBytes", decoder.stateBytes())
                    .value("prefillMacs", decoder.prefillMacs())
                    .value("decodeMacs", decoder.decodeMacs())
                    .value("decodeMacsPerContextToken", decoder.decodeMacsPerContextToken())
                    .endObject();
        }
        if (analysis.hasTrainingOnly()) {
            Cost trainingOnly = analysis.trainingOnly();
            json.beginObject("trainingOnly")
                    .value("params", trainingOnly.params())
                    .value("buffers", trainingOnly.buffers())
                    .value("macs", trainingOnly.macs())
                    .value("flops", trainingOnly.flops())
                    .endObject();
        }
        List<LayerTraining> trained = List.of();
        if (analysis.training().isPresent()) {
            TrainingFigures training = analysis.training().get();
            training(json, analysis, training);
            trained = training.layers();
        }
        List<DeviceRoofline> devices = analysis.roofline();
        if (!devices.isEmpty()) {
            roofline(json, devices, network.dtype(), analysis.layers());
        }
        json.beginArray("layers");
        List<LayerAnalysis> layers = analysis.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerAnalysis layer = layers.get(i);
            json.beginObject(null).value("path", layer.path()).value("op", layer.op()).strings("reads", layer.reads())
                    .value("input", layer.input()).value("output", layer.output());
            trainingOnly(figures(json, layer.cost(), layer.traffic(), experts), layer.trainingOnly());
            if (!trained.isEmpty()) {
                LayerTraining step = trained.get(i);
                json.beginObject("training")
                        .value("forwardMacs", step.forward().macs())
                        .value("forwardFlops", step.forward().flops())
                        .value("toInputMacs", step.toInput().macs())
                        .value("toInputFlops", step.toInput().flops())
                        .value("toWeightsMacs", step.toWeights().macs())
                        .value("toWeightsFlops", step.toWeights().flops())
                        .value("savedBytes", step.savedBytes())
                        .value("frozen", step.frozen())
                        .value("checkpointed", step.checkpointed())
                        .endObject();
            }
            if (!devices.isEmpty()) {
                json.beginArray("roofline");
                for (DeviceRoofline device : devices) {
                    LayerTime time = device.layers().get(i);
                    json.beginObject(null).value("device", device.device().javaName()).value("nanos", time.nanos())
                            .value("bound", time.bound().word()).endObject();
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endArray().beginArray("blocks");
        for (BlockAnalysis block : analysis.blocks()) {
            json.beginObject(null).value("path", block.path()).value("op", block.op())
                    .value("input", block.input()).value("output", block.output());
            trainingOnly(figures(json, block.cost(), block.traffic(), experts), block.trainingOnly()).endObject();
        }
        json.endArray().endObject().end();
    }

    /** Each device's figures and times, by the cost model's "Roofline". */
    private static void roofline(Json json, List<DeviceRoofline> devices, DType dtype,
            List<dev.netcost.processor.infer.LayerAnalysis> layers) throws IOException {
        json.beginArray("roofline");
        for (DeviceRoofline roofline : devices) {
            Device device = roofline.device().device();
            json.beginObject(null)
                    .value("name", device.name())
                    .value("javaName", roofline.device().javaName())
                    .value("custom", roofline.device().custom())
                    .beginObject("figures")
                    .value("float32FlopsPerSecond", device.float32FlopsPerSecond())
                    .value("float16FlopsPerSecond", device.float16FlopsPerSecond())
                    .value("int8OpsPerSecond", device.int8OpsPerSecond())
                    .value("memoryBytesPerSecond", device.memoryBytesPerSecond())
                    .value("onChipBytes", device.onChipBytes())
                    .value("peakFlopsPerSecond", device.peakFlopsPerSecond(dtype))
                    .value("ridgePoint", device.ridgePoint(dtype))
                    .endObject()
                    .value("nanos", roofline.nanos())
                    .value("computeBoundNanos", roofline.computeBoundNanos())
                    .value("memoryBoundNanos", roofline.memoryBoundNanos());
            if (roofline.decode().isPresent()) {
                DecodeRoofline decode = roofline.decode().get();
                json.beginObject("decode")
                        .value("context", decode.context())
                        .value("nanos", decode.nanos())
                        .value("computeBoundNanos", decode.computeBoundNanos())
                        .value("flops", decode.flops())
                        .value("bytes", decode.bytes())
                        .value("tokensPerSecond", decode.tokensPerSecond())
                        .beginArray("layers");
                for (DecodeRoofline.Step step : decode.layers()) {
                    json.beginObject(null)
                            .value("path", layers.get(step.work().layer()).path())
                            .value("flops", step.work().flops())
                            .value("bytes", step.work().bytes())
                            .value("nanos", step.time().nanos())
                            .value("bound", step.time().bound().word())
                            .endObject();
                }
                json.endArray().endObject();
            }
            json.endObject();
        }
        json.endArray();
    }


    /** The figures of one training step, for a network with {@code @Training}. */
    private static void training(Json json, NetworkAnalysis analysis, TrainingFigures t) throws IOException {
        TrainingDecl declared = t.declared();
        json.beginObject("training")
                .value("batch", declared.batch())
                .value("optimizer", declared.optimizer().name().toLowerCase(Locale.ROOT))
                .value("precision", declared.precision().name().toLowerCase(Locale.ROOT))
                .value("attention", declared.attention().name().toLowerCase(Locale.ROOT))
                .value("forwardMacs", t.forward().macs())
                .value("forwardFlops", t.forward().flops())
                .value("backwardMacs", t.backward().macs())
                .value("backwardFlops", t.backward().flops())
                .value("recomputeMacs", t.recompute().macs())
                .value("recomputeFlops", t.recompute().flops())
                .value("stepMacs", t.step().macs())
                .value("stepFlops", t.step().flops());
        long tokens = TrainingConstants.tokens(analysis);
        if (tokens > 0) {
            long perStep = Math.multiplyExact((long) declared.batch(), tokens);
            json.value("tokensPerStep", perStep).value("stepFlopsPerToken", (double) t.step().flops() / perStep);
        }
        json.value("trainableParams", t.trainableParams())
                .value("weightBytes", t.weightBytes())
                .value("gradientBytes", t.gradientBytes())
                .value("masterWeightBytes", t.masterWeightBytes())
                .value("optimizerStateBytes", t.optimizerStateBytes())
                .value("modelStateBytes", t.modelStateBytes())
                .value("savedActivationBytes", t.savedActivationBytes())
                .value("peakActivationBytes", t.peak().bytes())
                .value("peakBytes", t.peakBytes())
                .beginObject("peak")
                .value("phase", t.peak().phase())
                .value("layer", t.peak().at())
                .beginArray("alive");
        for (NetworkAnalysis.Named alive : t.peak().alive()) {
            json.beginObject(null).value("name", alive.name()).value("bytes", alive.value()).endObject();
        }
        json.endArray().endObject().endObject();
    }

    /** {@code "trainingOnly": true} for a layer or block that runs only in training; nothing for another. */
    private static Json trainingOnly(Json json, boolean trainingOnly) throws IOException {
        return trainingOnly ? json.value("trainingOnly", true) : json;
    }

    /** @param experts whether the network has a mixture of experts, whose active parameters each row gives */
    private static Json figures(Json json, Cost cost, Traffic traffic, boolean experts) throws IOException {
        json.value("params", cost.params());
        if (experts) {
            json.value("activeParams", cost.activeParams());
        }
        return json.value("buffers", cost.buffers())
                .value("macs", cost.macs())
                .value("flops", cost.flops())
                .value("activationBytes", traffic.activationBytes())
                .value("memoryAccessBytes", traffic.memoryAccessBytes())
                .value("arithmeticIntensity", traffic.intensity(cost.flops()));
    }
}
