package dev.netcost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.DType;
import dev.netcost.Device;
import dev.netcost.Summary;
import dev.netcost.processor.infer.DecodeRoofline;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.DeviceRoofline;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.DeviceDecl;
import dev.netcost.processor.write.CompanionNames.Own;
import dev.netcost.processor.write.CompanionNames.PerDevice;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What the write stage says of a network's roofline ({@code @Roofline}): the companion's constants
 * of each device ({@code H100_SXM_NANOS}, a decoder's {@code H100_SXM_DECODE_NANOS}...), the
 * {@code timeNanos(Device)} every companion has, and the devices in the summary's heading. Computes
 * no figure: the times are the analysis's ({@link NetworkAnalysis#roofline()}), their arithmetic
 * {@link Device}'s.
 */
final class RooflineConstants {
    // By name: a class literal would load the DSL's classes, Hardware's device tables with them, for
    // every network, where most use none of them (docs/architecture.md, "Cold builds"). Every companion,
    // compiled against the DSL by the tests, holds the names to the classes.
    private static final ClassName DEVICE = ClassName.get("dev.netcost", "Device");
    private static final ClassName DECODE_STEPS = ClassName.get("dev.netcost", "DecodeSteps");
    private static final ClassName HARDWARE = ClassName.get("dev.netcost", "Hardware");
    private static final ClassName DECODE_STEP = ClassName.get("dev.netcost", "Summary", "DecodeStep");

    private RooflineConstants() {}

    /**
     * What a device's constants begin with: a {@code Hardware} constant's own name
     * ({@code A100_80GB}), a {@code @CustomDevice} class's as a constant ({@code OrinNx} to
     * {@code ORIN_NX}).
     */
    static String stem(DeviceDecl device) {
        return device.custom() ? ConstantNames.stem(device.simpleName()) : device.javaName();
    }

    /** {@code NVIDIA H100 SXM (float32 at 67 TFLOP/s, 3.35 TB/s)}, for Javadoc. */
    static String described(Device device, DType dtype) {
        return Javadoc.text(device.name()) + " (" + Summary.figures(device, dtype) + ")";
    }

    /** Adds each device's constants, in the order of {@code @Roofline}. */
    static void add(TypeSpec.Builder type, NetworkAnalysis analysis) {
        DType dtype = analysis.network().dtype();
        String sum = "the sum over the layers that run at inference of {@code max(FLOPs / peak, bytes / bandwidth)}";
        for (DeviceRoofline roofline : analysis.roofline()) {
            String stem = stem(roofline.device());
            String on = "on " + described(roofline.device().device(), dtype);
            type.addField(CompanionWriter.figure(PerDevice.NANOS.of(stem), DeviceRoofline.rounded(roofline.nanos()),
                    "Roofline time of one inference of the batch, in nanoseconds to the nearest,\n" + on + ":\n" + sum
                    + ";\n" + Javadoc.text(Summary.duration(roofline.computeBoundNanos())) + " of it in compute-bound"
                    + " layers. A lower bound, not a measurement: see {@link #timeNanos}."));
            if (roofline.decode().isEmpty()) {
                continue;
            }
            DecodeRoofline decode = roofline.decode().get();
            type.addField(CompanionWriter.figure(PerDevice.PREFILL_NANOS.of(stem),
                    DeviceRoofline.rounded(roofline.nanos()), "Roofline time of the prefill, in nanoseconds,\n" + on + ": the whole"
                    + " context at once, {@link #" + PerDevice.NANOS.of(stem) + "}."));
            type.addField(CompanionWriter.figure(PerDevice.DECODE_NANOS.of(stem), DeviceRoofline.rounded(decode.nanos()),
                    "Roofline time of one decode step, in nanoseconds to the nearest,\n" + on + ": each sequence of"
                    + " the\nbatch gets one new token at {@link #CONTEXT} tokens of context, its layers moving {@code "
                    + Summary.grouped(decode.bytes()) + "}\nbytes (the weights, the KV cache, one token's activations)"
                    + " and doing {@code " + Summary.grouped(decode.flops()) + "} FLOPs.\nAt another context:"
                    + " {@link #decodeNanos}. A lower bound, not a measurement."));
            type.addField(FieldSpec.builder(double.class, PerDevice.TOKENS_PER_SECOND.of(stem), CompanionWriter.CONSTANT)
                    .addJavadoc("New tokens a second,\n" + on + ", over the batch's sequences, at {@link #CONTEXT}"
                            + " tokens of context: {@code BATCH * 1e9} over the exact time\nof {@link #"
                            + PerDevice.DECODE_NANOS.of(stem) + "}. An upper bound, as that time is a lower one.\n")
                    .initializer("$L", Literals.doubleLiteral(decode.tokensPerSecond()))
                    .build());
        }
    }

    /** Rows of {@code DECODE_STEPS} per string constant, far below the 65,535 bytes one may hold. */
    private static final int STEPS_PER_CHUNK = 200;

    /**
     * A decoder's {@code decodeNanos(Device, long)}: any device, at run time, at any context, over the rows
     * of a private {@code DECODE_STEPS}, from which the processor worked out each device's
     * {@code <DEVICE>_DECODE_NANOS} too.
     */
    static void addDecodeNanos(TypeSpec.Builder type, DecoderFigures decoder) {
        List<CodeBlock> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int lines = 0;
        for (String line : decoder.steps().encode().split("(?<=\n)")) {
            if (line.isEmpty()) {
                continue;
            }
            chunk.append(line);
            if (++lines == STEPS_PER_CHUNK) {
                chunks.add(CodeBlock.of("$S", chunk.toString()));
                chunk.setLength(0);
                lines = 0;
            }
        }
        if (lines > 0 || chunks.isEmpty()) {
            chunks.add(CodeBlock.of("$S", chunk.toString()));
        }
        type.addField(FieldSpec.builder(DECODE_STEPS, Own.DECODE_STEPS.name(), Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("What one decode step at {@link #CONTEXT} asks of the layers it runs: per row, how many"
                        + " layers ask it,\ntheir FLOPs and bytes each, and what one more token of context adds to"
                        + " each.\n")
                .initializer("$T.decode(CONTEXT, $L)", DECODE_STEPS, CodeBlocks.join(chunks, ",\n"))
                .build());
        type.addMethod(MethodSpec.methodBuilder(CompanionNames.DECODE_NANOS)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addParameter(DEVICE, "device")
                .addParameter(long.class, "context")
                .addJavadoc("The roofline time of one decode step on {@code device} with {@code context} tokens in"
                        + " the cache,\nin nanoseconds: each sequence of the batch gets one new token, each layer"
                        + " of the step reading\nits weights, one token's activations per sequence and its keys"
                        + " and values, and the step's\ntime the sum over them of"
                        + " {@code max(FLOPs / peak, bytes / bandwidth)} at the device's peak for\n{@link #DTYPE}"
                        + " (netcost's cost model, section \"A decoder's times\"). A lower bound, not a\n"
                        + "measurement, as {@link #timeNanos} is.\n\n"
                        + "@param device the device: a {@code Hardware} constant's, or one made with its figures\n"
                        + "@param context the tokens in the cache, 0 or more\n"
                        + "@return the time, in nanoseconds\n"
                        + "@throws $L if {@code context} is negative, or the device has no peak for\n"
                        + "    {@link #DTYPE}\n"
                        + "@throws $L if a layer's figure does not fit a {@code long}\n",
                        IllegalArgumentException.class.getCanonicalName(), ArithmeticException.class.getCanonicalName())
                .addStatement("return $N.nanos(device, $N, context)", Own.DECODE_STEPS.name(), Own.DTYPE.name())
                .build());
    }

    /** {@code timeNanos(Device)}, on every companion: any device, at run time. */
    static MethodSpec timeNanos() {
        return MethodSpec.methodBuilder(CompanionNames.TIME_NANOS)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addParameter(DEVICE, "device")
                .addJavadoc("The roofline time of one inference of the batch on {@code device}, in nanoseconds:\n"
                        + "the sum over the layers that run at inference of\n"
                        + "{@code max(FLOPs / peak, bytes / bandwidth)}, at the device's peak for {@link #DTYPE}\n"
                        + "(netcost's cost model, section \"Roofline\").\n\n"
                        + "<p>A lower bound under the model's assumptions, not a measurement: each layer's compute\n"
                        + "and memory traffic overlap perfectly and run at the device's peaks, one layer after\n"
                        + "another. Kernel launches, caches, fusion and the share of the peak a real kernel reaches\n"
                        + "are left out.\n\n"
                        + "@param device the device: a {@code Hardware} constant's, or one made with its figures\n"
                        + "@return the time, in nanoseconds\n"
                        + "@throws $L if the device has no peak for {@link #DTYPE}\n",
                        IllegalArgumentException.class.getCanonicalName())
                .addStatement("return device.nanos($N, $N)", Own.LAYERS.name(), Own.DTYPE.name())
                .build();
    }

    /**
     * The code that adds the devices to the companion's {@code HEADER}, as {@link #devices} and
     * {@link #decodeSteps} give them at compile time; empty without devices.
     */
    static CodeBlock headerCode(NetworkAnalysis analysis) {
        if (analysis.roofline().isEmpty()) {
            return CodeBlock.of("");
        }
        List<CodeBlock> devices = new ArrayList<>();
        List<CodeBlock> steps = new ArrayList<>();
        for (DeviceRoofline roofline : analysis.roofline()) {
            DeviceDecl decl = roofline.device();
            Device d = decl.device();
            devices.add(decl.custom()
                    ? CodeBlock.of("new $T($S, $L, $L, $L, $L, $L)", DEVICE, d.name(),
                            Literals.doubleLiteral(d.float32FlopsPerSecond()),
                            Literals.doubleLiteral(d.float16FlopsPerSecond()),
                            Literals.doubleLiteral(d.int8OpsPerSecond()), Literals.doubleLiteral(d.memoryBytesPerSecond()),
                            Literals.longLiteral(d.onChipBytes()))
                    : CodeBlock.of("$T.$L.device()", HARDWARE, decl.javaName()));
            if (roofline.decode().isPresent()) {
                String stem = stem(decl);
                // The step's exact time: its constant is rounded, too coarse for a summary of short steps.
                steps.add(CodeBlock.of("new $T($N, $L, $N)", DECODE_STEP, Own.CONTEXT.name(),
                        Literals.doubleLiteral(roofline.decode().get().nanos()), PerDevice.TOKENS_PER_SECOND.of(stem)));
            }
        }
        return CodeBlock.of("\n$>$>.withRoofline($>$T.of($L),\n$T.of($L))$<$<$<", List.class,
                CodeBlocks.join(devices, ",\n"), List.class, CodeBlocks.join(steps, ",\n"));
    }

    /** The devices, for the summary's heading at compile time. */
    static List<Device> devices(NetworkAnalysis analysis) {
        List<Device> devices = new ArrayList<>();
        for (DeviceRoofline roofline : analysis.roofline()) {
            devices.add(roofline.device().device());
        }
        return devices;
    }

    /** A decoder's decode step on each device, as its constants hold it; empty for another network. */
    static List<Summary.DecodeStep> decodeSteps(NetworkAnalysis analysis) {
        List<Summary.DecodeStep> steps = new ArrayList<>();
        for (DeviceRoofline roofline : analysis.roofline()) {
            if (roofline.decode().isPresent()) {
                DecodeRoofline decode = roofline.decode().get();
                steps.add(new Summary.DecodeStep(decode.context(), decode.nanos(), decode.tokensPerSecond()));
            }
        }
        return steps;
    }
}
