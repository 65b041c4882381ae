package dev.netcost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.InputKind;
import dev.netcost.Shape;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.OutputAnalysis;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.write.CompanionNames.PerInput;
import dev.netcost.processor.write.CompanionNames.PerOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The companion's constants of a network's inputs and outputs beyond {@code INPUT_SHAPE} and
 * {@code OUTPUT_SHAPE}: each {@code @Input} field's shape and bytes ({@code MEL_INPUT_SHAPE}),
 * and, in a network of several outputs, the figures of the layers only each output needs
 * ({@code AUX_ONLY_MACS}).
 */
final class PortConstants {
    private static final ClassName SHAPE = ClassName.get(Shape.class);

    /** An {@code @Input} field, whose constants are named after it. */
    record In(CompanionNames.Field owner, InputAnalysis input) {}

    /** An output of a network of several, whose figures alone are named after its field. */
    record Out(CompanionNames.Field owner, OutputAnalysis output) {}

    private PortConstants() {}

    /**
     * The {@code @Input} fields, in declaration order; not {@code @Network(input)}, whose
     * {@code INPUT_SHAPE} is netcost's own.
     */
    static List<In> inputs(NetworkAnalysis analysis) {
        List<In> inputs = new ArrayList<>();
        for (InputAnalysis input : analysis.inputs()) {
            if (!input.ofNetwork()) {
                inputs.add(new In(new CompanionNames.Field(input.node(), input.name(),
                        ConstantNames.stem(input.name())), input));
            }
        }
        return inputs;
    }

    /** The outputs that get figures of their own: every output of a network of several; none of one. */
    static List<Out> outputs(NetworkAnalysis analysis) {
        if (oneOutput(analysis)) {
            return List.of();
        }
        List<Out> outputs = new ArrayList<>();
        for (OutputAnalysis output : analysis.outputs()) {
            outputs.add(new Out(new CompanionNames.Field(output.node(), output.name(),
                    ConstantNames.stem(output.name())), output));
        }
        return outputs;
    }

    /** Whether the network has one output, which {@code OUTPUT_SHAPE} holds. */
    static boolean oneOutput(NetworkAnalysis analysis) {
        // No outputs are listed before a walk has gathered them: then the last field is the output.
        return analysis.outputs().size() <= 1;
    }

    /** What a decoder's cross-attention caches of an encoder's output; 0 for any other network. */
    static long crossKvCacheBytes(NetworkAnalysis analysis) {
        return analysis.decoder().isPresent() ? analysis.decoder().get().crossKvCacheBytes() : 0L;
    }

    /** What a decoder's recurrent layers keep from token to token; 0 for any other network. */
    static long stateBytes(NetworkAnalysis analysis) {
        return analysis.decoder().isPresent() ? analysis.decoder().get().stateBytes() : 0L;
    }

    /** What an input holds, as the summary and the reports say it: {@code features}, {@code channels last}. */
    static String kind(InputKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Adds the constants of {@code inputs}, then those of {@code outputs}. */
    static void add(TypeSpec.Builder type, List<In> inputs, List<Out> outputs, String dtype) {
        for (In in : inputs) {
            String stem = in.owner().stem();
            InputAnalysis input = in.input();
            String what = "the input {@code " + input.name() + "} ({@code @Input}, " + kind(input.kind()) + ")";
            type.addField(FieldSpec.builder(SHAPE, PerInput.INPUT_SHAPE.of(stem), CompanionWriter.CONSTANT)
                    .addJavadoc("One sample of $L: {@code $L}.\n", what, input.shape())
                    .initializer(LayerLists.shape(input.shape()))
                    .build());
            type.addField(CompanionWriter.figure(PerInput.INPUT_BYTES.of(stem), input.bytes(), "Bytes of " + what
                    + " for the batch, in " + dtype + "."));
        }
        for (Out out : outputs) {
            String stem = out.owner().stem();
            String name = "{@code " + out.output().name() + "}";
            String saving = "what dropping it would save.";
            Cost only = out.output().only();
            type.addField(CompanionWriter.figure(PerOutput.ONLY_PARAMS.of(stem), only.params(), "Learnable parameters"
                    + " of the layers that only the output " + name + " needs, and no other\noutput: " + saving));
            type.addField(CompanionWriter.figure(PerOutput.ONLY_MACS.of(stem), only.macs(), "Multiply-accumulates of"
                    + " the layers that only the output " + name + " needs, and no other\noutput, for the batch: "
                    + saving));
            type.addField(CompanionWriter.figure(PerOutput.ONLY_FLOPS.of(stem), only.flops(), "Floating-point"
                    + " operations of the layers that only the output " + name + " needs, and no\nother output, for"
                    + " the batch: " + saving));
        }
    }

    /** The code of an input's shape in the companion: {@code INPUT_SHAPE} or {@code MEL_INPUT_SHAPE}. */
    static CodeBlock inputShape(InputAnalysis input) {
        return input.ofNetwork() ? CodeBlock.of("$N", CompanionNames.Own.INPUT_SHAPE.name())
                : CodeBlock.of("$N", PerInput.INPUT_SHAPE.of(ConstantNames.stem(input.name())));
    }
}
