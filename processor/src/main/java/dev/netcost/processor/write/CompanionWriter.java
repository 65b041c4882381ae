package dev.netcost.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.DType;
import dev.netcost.Layer;
import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.OutputAnalysis;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.write.CompanionNames.Own;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Network>Cost}: the figures as {@code static final} constants, the layers as a
 * list, and a {@code summary()}. Computes no figure: every number comes from the analysis.
 */
public final class CompanionWriter {
    private static final ClassName LAYER = ClassName.get(Layer.class);
    private static final ClassName SHAPE = ClassName.get(Shape.class);
    private static final ClassName SUMMARY = ClassName.get(Summary.class);
    private static final ClassName HEADER = ClassName.get(Summary.Header.class);
    private static final ClassName TENSOR = ClassName.get(Summary.Tensor.class);
    private static final ClassName DTYPE = ClassName.get(DType.class);
    private static final TypeName LAYER_LIST = ParameterizedTypeName.get(ClassName.get(List.class), LAYER);
    static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

    private final Filer filer;
    private final Optional<ClassName> generatedAnnotation;
    private final String generator;

    /**
     * @param generatedAnnotation {@code javax.annotation.processing.Generated} where the
     *     compilation has it (not under {@code --release 8})
     * @param generator the processor's name, for {@code @Generated}
     */
    public CompanionWriter(Filer filer, Optional<ClassName> generatedAnnotation, String generator) {
        this.filer = filer;
        this.generatedAnnotation = generatedAnnotation;
        this.generator = generator;
    }

    /**
     * Writes the companion of a sound network.
     *
     * @param names the names it declares, which {@link CompanionNames#clashes} found distinct
     */
    public void write(NetworkAnalysis analysis, CompanionNames names, Element originatingElement) throws IOException {
        JavaFile file = file(analysis, names, originatingElement);
        // Gathered: JavaPoet writes a few characters at a time, and the Filer's writer encodes
        // each call on its own, a seventh of netcost's own time on a large network. Not rendered
        // to a string first, as the source of a large network is megabytes.
        String name = analysis.network().companionQualifiedName();
        try (Writer out = new GatheringWriter(filer.createSourceFile(name, originatingElement).openWriter())) {
            file.writeTo(out);
        }
    }

    /**
     * The companion's source. The network class is its one originating element, so that build
     * tools can treat netcost as an isolating processor.
     */
    JavaFile file(NetworkAnalysis analysis, CompanionNames names, Element originatingElement) {
        NetworkDecl network = analysis.network();
        TypeSpec.Builder type = TypeSpec.classBuilder(network.companionSimpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc(analysis))
                .addOriginatingElement(originatingElement);
        if (generatedAnnotation.isPresent()) {
            type.addAnnotation(AnnotationSpec.builder(generatedAnnotation.get()).addMember("value", "$S", generator)
                    .build());
        }

        type.addField(FieldSpec.builder(int.class, Own.BATCH.name(), CONSTANT)
                .addJavadoc("Samples per forward pass, from {@code @Network(batch)}."
                        + " MACs and FLOPs are for all of them.\n")
                .initializer("$L", network.batch())
                .build());
        Cost total = analysis.total();
        type.addField(figure(Own.PARAMS, total.params(), "Learnable parameters of the whole network."));
        if (analysis.hasExperts()) {
            type.addField(figure(Own.ACTIVE_PARAMS, total.activeParams(), "Of {@link #PARAMS}, those one token's"
                    + " inference pass uses: in each mixture of experts, the\nrouter and the experts the token goes"
                    + " through, and every layer outside the mixtures that runs at\ninference."));
        }
        type.addField(figure(Own.BUFFERS, total.buffers(),
                "Non-learnable state of the whole network: batch-norm running means and variances."));
        type.addField(figure(Own.MACS, total.macs(), "Multiply-accumulates of one forward pass of the batch:"
                + " convolutions, linear layers and\nattention's products only, what torchvision, ptflops,"
                + " fvcore and most papers call FLOPs."));
        type.addField(figure(Own.FLOPS, total.flops(),
                "Floating-point operations of one forward pass of the batch: every multiply and every add."));
        NetworkAnalysis.Memory memory = analysis.memory();
        String dtype = network.dtype().name().toLowerCase(java.util.Locale.ROOT);
        type.addField(figure(Own.PARAM_BYTES, memory.paramBytes(), "Bytes of parameters and buffers in " + dtype
                + "."));
        type.addField(figure(Own.PEAK_ACTIVATION_BYTES, memory.peakActivationBytes(), "The most bytes of"
                + " activations alive at once in one forward pass of the batch, in " + dtype + ":\nat each layer its"
                + " inputs, its output, and every earlier output a later layer still reads."));
        type.addField(figure(Own.PEAK_MEMORY_BYTES, memory.peakBytes(),
                "Peak inference memory: {@link #PARAM_BYTES} plus {@link #PEAK_ACTIVATION_BYTES}."));
        type.addField(figure(Own.MEMORY_ACCESS_BYTES, memory.memoryAccessBytes(), "Bytes every layer reads (inputs,"
                + " parameters, buffers) and writes (its output) in one\nforward pass of the batch, summed."));
        type.addField(intensity(Own.ARITHMETIC_INTENSITY.name(), analysis.arithmeticIntensity(), "FLOPs per byte of"
                + " memory traffic over the whole network: {@link #FLOPS} / {@link #MEMORY_ACCESS_BYTES}."));
        type.addField(FieldSpec.builder(DTYPE, Own.DTYPE.name(), CONSTANT)
                .addJavadoc("The element type of weights and activations, from {@code @Network(dtype)}.\n")
                .initializer("$T.$L", DTYPE, network.dtype().name())
                .build());
        if (analysis.decoder().isPresent()) {
            addDecoder(type, analysis.decoder().get(), dtype);
        }
        if (analysis.hasTrainingOnly()) {
            addTrainingOnly(type, analysis.trainingOnly());
        }
        if (analysis.training().isPresent()) {
            TrainingConstants.add(type, analysis.training().get());
        }
        RooflineConstants.add(type, analysis);
        if (network.hasNetworkInput()) {
            type.addField(shape(Own.INPUT_SHAPE, analysis.input(), switch (analysis.network().inputKind()) {
                case FEATURES -> "One input sample, channels first";
                case IDS -> "One input sample: token ids";
                case TOKENS -> "One input sample: tokens";
                case CHANNELS_LAST -> "One input sample, channels last";
            }));
        }
        if (PortConstants.oneOutput(analysis)) {
            type.addField(shape(Own.OUTPUT_SHAPE, analysis.output(), "One output sample"));
        }
        PortConstants.add(type, names.inputs(), names.outputs(), dtype);

        FieldConstants.add(type, names.groups(), analysis.training().isPresent()
                ? Optional.of(new TrainingConstants.PerField(analysis, analysis.training().get())) : Optional.empty());
        type.addField(FieldSpec.builder(LAYER_LIST, Own.LAYERS.name(), CONSTANT)
                .addJavadoc("Every layer with its shapes and figures, in execution order, named by its path\n"
                        + "({@code layer3[0].conv2} inside blocks). Immutable. One row per layer, tab-separated: path,"
                        + " op,\ninput, output, params, buffers, MACs, FLOPs, activation bytes, memory-access bytes."
                        + " The instances of a\nblock like the one before are one line: {@code layer3[2..5]} as"
                        + " {@code layer3[1]}.\n" + (analysis.hasTrainingOnly() ? "A row that runs only in"
                        + " training ends with {@code training}: {@link Layer#trainingOnly()}.\n" : ""))
                .initializer(LayerLists.layers(analysis.layers()))
                .build());
        type.addField(FieldSpec.builder(LAYER_LIST, Own.BLOCKS.name(), CONSTANT)
                .addJavadoc("Every block use and block instance with the totals of the layers inside it, in the\n"
                        + "order they begin: {@code layer3} ({@code Bottleneck x 6}), then {@code layer3[0]}..."
                        + " Immutable.\n")
                .initializer(LayerLists.blocks(analysis.blocks()))
                .build());

        type.addField(FieldSpec.builder(HEADER, Own.HEADER.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The lines above the summary's table.\n")
                .initializer(header(analysis))
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Not instantiable: the class holds constants.\n")
                .build());
        type.addMethod(MethodSpec.methodBuilder(CompanionNames.SUMMARY)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addJavadoc("Every layer as a table, with totals.\n\n@return the table, one line per layer\n")
                .addStatement("return $T.table(HEADER, LAYERS)", SUMMARY)
                .build());
        type.addMethod(MethodSpec.methodBuilder(CompanionNames.SUMMARY)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addParameter(int.class, "depth")
                .addJavadoc("The table with blocks collapsed below {@code depth}, as torchinfo's {@code depth}: 1"
                        + " shows the\nnetwork's own fields; each level deeper opens one level of blocks.\n\n"
                        + "@param depth the levels shown, from 1\n@return the table, one line per layer or block\n")
                .addStatement("return $T.table(HEADER, LAYERS, BLOCKS, depth)", SUMMARY)
                .build());
        type.addMethod(RooflineConstants.timeNanos());

        TypeSpec companion = type.build();
        // A check of netcost, not of the network: on in tests (surefire enables assertions), and
        // costs users' builds nothing.
        assert names.mismatch(companion).isEmpty() : names.mismatch(companion).orElseThrow();
        // java.lang is imported as any other package, so that a class of the network's package
        // named String or Math cannot stand for it: a single-type import shadows the package's types.
        return JavaFile.builder(network.packageName(), companion)
                .indent("    ")
                .build();
    }

    /**
     * The initializer of {@code HEADER}, as {@link SummaryText#header} makes it at compile time: the
     * inputs and outputs named only for a network that {@link NetworkAnalysis#hasNamedInputsOrOutputs
     * names them}, so that the heading of a network of one input and one output stays as it was.
     */
    private static CodeBlock header(NetworkAnalysis analysis) {
        NetworkDecl network = analysis.network();
        CodeBlock input = network.hasNetworkInput() || analysis.inputs().isEmpty()
                ? CodeBlock.of("$N", Own.INPUT_SHAPE.name()) : PortConstants.inputShape(analysis.inputs().get(0));
        CodeBlock.Builder header = CodeBlock.builder().add("new $T($S, $L, BATCH, DTYPE, PARAM_BYTES,"
                + " PEAK_ACTIVATION_BYTES", HEADER, network.name(), input);
        boolean named = SummaryText.named(analysis);
        if (named) {
            header.add("$>$>"); // a line each for the decoder's figures, the inputs and the outputs
        }
        if (analysis.decoder().isPresent()) {
            boolean cross = PortConstants.crossKvCacheBytes(analysis) > 0;
            String cached = PortConstants.stateBytes(analysis) > 0
                    ? ", " + (cross ? Own.CROSS_KV_CACHE_BYTES.name() : "0") + ", " + Own.STATE_BYTES.name()
                    : cross ? ", " + Own.CROSS_KV_CACHE_BYTES.name() : "";
            header.add(",\n$T.of(new $T(CONTEXT, KV_CACHE_BYTES, PREFILL_MACS, DECODE_MACS$L))", Optional.class,
                    ClassName.get(Summary.Decoder.class), cached);
        } else if (named) {
            header.add(",\n$T.empty()", Optional.class);
        }
        if (named) {
            List<CodeBlock> inputs = new ArrayList<>();
            for (InputAnalysis in : analysis.inputs()) {
                inputs.add(CodeBlock.of("new $T($S, $L, $S)", TENSOR, in.name(), PortConstants.inputShape(in),
                        PortConstants.kind(in.kind())));
            }
            List<CodeBlock> outputs = new ArrayList<>();
            boolean one = PortConstants.oneOutput(analysis);
            for (OutputAnalysis out : analysis.outputs()) {
                outputs.add(CodeBlock.of("new $T($S, $L, $S)", TENSOR, out.name(), one
                        ? CodeBlock.of("$N", Own.OUTPUT_SHAPE.name()) : LayerLists.shape(out.shape()), ""));
            }
            header.add(",\n$T.of($L),\n$T.of($L)$<$<", List.class, CodeBlocks.join(inputs, ", "), List.class,
                    CodeBlocks.join(outputs, ", "));
        }
        header.add(")");
        if (analysis.hasExperts()) {
            header.add(".withActiveParams($N)", Own.ACTIVE_PARAMS.name());
        }
        if (analysis.training().isPresent()) {
            header.add("\n$>$>.withTraining($L)$<$<", TrainingConstants.stepCode(analysis, analysis.training().get()));
        }
        header.add(RooflineConstants.headerCode(analysis));
        return header.build();
    }

    /** A decoder's inference figures, and the two methods that give them at other contexts. */
    private static void addDecoder(TypeSpec.Builder type, DecoderFigures decoder, String dtype) {
        boolean state = decoder.stateBytes() > 0;
        type.addField(figure(Own.CONTEXT, decoder.context(), "Tokens of context: the sequence that reaches the first"
                + " attention layer that depends on\nthe decoded tokens (an encoder's layers do not)"
                + (state && decoder.attentionLayers() == 0 ? "; without attention, the first\nrecurrent layer." : ".")));
        boolean cross = decoder.crossKvCacheBytes() > 0;
        type.addField(figure(Own.KV_CACHE_BYTES, decoder.kvCacheBytes(), "Bytes of the KV cache at {@link #CONTEXT}"
                + " tokens for the batch, in " + dtype + ": a key and a value\nper key/value head of each of the "
                + decoder.attentionLayers() + " self-attention layers of the decoder, for every token" + (cross ? ", and the\n{@link"
                + " #CROSS_KV_CACHE_BYTES} of the encoder's output" : "")
                + (state ? ", and the\n{@link #STATE_BYTES} of its recurrent layers." : ".")));
        type.addField(figure(Own.KV_CACHE_BYTES_PER_TOKEN, decoder.kvCacheBytesPerToken(), "What one more token of"
                + " context adds to the KV cache, for the batch."));
        if (cross) {
            type.addField(figure(Own.CROSS_KV_CACHE_BYTES, decoder.crossKvCacheBytes(), "Bytes of the keys and values"
                    + " the cross-attention layers keep of the encoder's output, for the\nbatch, in " + dtype
                    + ": computed once, at prefill, whatever the context; part of {@link #KV_CACHE_BYTES}."));
        }
        if (state) {
            type.addField(figure(Own.STATE_BYTES, decoder.stateBytes(), "Bytes of the state the recurrent layers keep"
                    + " from token to token (h, and an LSTM's c,\nper layer), for the batch, in " + dtype
                    + ": the same at any context; part of {@link #KV_CACHE_BYTES}."));
        }
        type.addField(figure(Own.PREFILL_MACS, decoder.prefillMacs(), "Multiply-accumulates of the prefill: the whole"
                + " context at once, {@link #MACS}."));
        type.addField(figure(Own.DECODE_MACS, decoder.decodeMacs(), "Multiply-accumulates of one new token of one"
                + " sequence at the full context: every\nprojection on one token, self-attention over the {@link"
                + " #CONTEXT} cached tokens" + (cross ? ",\nand cross-attention over the encoder's" : "")
                + ". A causal\nmask changes no MAC here or in {@link #MACS}: the full products are counted, as"
                + " PyTorch's counters do."));
        type.addField(figure(Own.DECODE_MACS_PER_CONTEXT_TOKEN, decoder.decodeMacsPerContextToken(), "What one more"
                + " token of context adds to {@link #DECODE_MACS}: the attention scores and weighted\nsum against"
                + " one more cached token, in every attention layer."));
        // What the cache holds whatever the context: an encoder's keys and values, a recurrent state.
        List<String> fixed = new ArrayList<>();
        if (cross) {
            fixed.add(Own.CROSS_KV_CACHE_BYTES.name());
        }
        if (state) {
            fixed.add(Own.STATE_BYTES.name());
        }
        List<String> fixedLinks = new ArrayList<>();
        for (String name : fixed) {
            fixedLinks.add("{@link #" + name + "}");
        }
        type.addMethod(MethodSpec.methodBuilder(CompanionNames.KV_CACHE_BYTES)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(long.class)
                .addParameter(long.class, "tokens")
                .addJavadoc("Bytes of the KV cache at {@code tokens} tokens of context, for the batch$L.\n\n"
                        + "@param tokens the tokens in the cache, 0 or more\n@return the bytes, in $L\n"
                        + "@throws $T if {@code tokens} is negative\n"
                        + "@throws $L if the figure does not fit a {@code long}\n", fixed.isEmpty() ? "" : ": "
                        + String.join(" and ", fixedLinks)
                        + ",\nwhatever the tokens, and {@link #KV_CACHE_BYTES_PER_TOKEN} for each", dtype,
                        IllegalArgumentException.class, OVERFLOW)
                .addCode(negative("tokens"))
                .addStatement(fixed.isEmpty()
                        ? CodeBlock.of("return $T.multiplyExact(KV_CACHE_BYTES_PER_TOKEN, tokens)", Math.class)
                        : CodeBlock.of("return $T.addExact($L, $T.multiplyExact(KV_CACHE_BYTES_PER_TOKEN, tokens))",
                                Math.class, String.join(" + ", fixed), Math.class))
                .build());
        type.addMethod(MethodSpec.methodBuilder(CompanionNames.DECODE_MACS)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(long.class)
                .addParameter(long.class, "context")
                .addJavadoc("Multiply-accumulates of one new token of one sequence with {@code context} tokens in"
                        + " the cache.\n\n@param context the tokens in the cache, 0 or more\n"
                        + "@return the multiply-accumulates\n"
                        + "@throws $T if {@code context} is negative\n"
                        + "@throws $L if the figure does not fit a {@code long}\n", IllegalArgumentException.class,
                        OVERFLOW)
                .addCode(negative("context"))
                .addStatement("return $T.addExact($L, $T.multiplyExact(DECODE_MACS_PER_CONTEXT_TOKEN, context))",
                        Math.class, Literals.longLiteral(decoder.decodeMacsWithoutContext()), Math.class)
                .build());
        RooflineConstants.addDecodeNanos(type, decoder);
    }

    /**
     * The figures of the layers that run only in training ({@code @TrainingOnly}), apart: their
     * parameters and buffers are in {@code PARAMS} and {@code BUFFERS}, their compute in no
     * inference figure.
     */
    private static void addTrainingOnly(TypeSpec.Builder type, Cost trainingOnly) {
        type.addField(figure(Own.TRAINING_ONLY_PARAMS, trainingOnly.params(), "Learnable parameters of the layers"
                + " that run only in training ({@code @TrainingOnly}), counted in\n{@link #PARAMS}: inference"
                + " deploys {@code PARAMS - TRAINING_ONLY_PARAMS}."));
        type.addField(figure(Own.TRAINING_ONLY_BUFFERS, trainingOnly.buffers(), "Non-learnable state of the layers"
                + " that run only in training, counted in {@link #BUFFERS}."));
        type.addField(figure(Own.TRAINING_ONLY_MACS, trainingOnly.macs(), "Multiply-accumulates of the layers that"
                + " run only in training, for the batch, counted in no\ninference figure: a forward pass in training"
                + " computes {@code MACS + TRAINING_ONLY_MACS}."));
        type.addField(figure(Own.TRAINING_ONLY_FLOPS, trainingOnly.flops(), "Floating-point operations of the layers"
                + " that run only in training, for the batch, counted in\nno inference figure."));
    }

    /**
     * Named in the Javadoc only, where the code's {@code Math.*Exact} throws it: written out in
     * full rather than imported, as a compiler that does not read Javadoc (ECJ) would call the
     * import unused.
     */
    private static final String OVERFLOW = ArithmeticException.class.getCanonicalName();

    /** Refuses a negative count of tokens, which would give a negative figure. */
    private static CodeBlock negative(String parameter) {
        return CodeBlock.builder()
                .beginControlFlow("if ($N < 0)", parameter)
                .addStatement("throw new $T($S + $N)", IllegalArgumentException.class, parameter
                        + " must be 0 or more, not ", parameter)
                .endControlFlow()
                .build();
    }

    static FieldSpec figure(Own name, long value, String doc) {
        return figure(name.name(), value, doc);
    }

    static FieldSpec intensity(String name, double value, String doc) {
        return FieldSpec.builder(double.class, name, CONSTANT)
                .addJavadoc("$L\n", doc)
                .initializer("$L", Literals.doubleLiteral(value))
                .build();
    }

    static FieldSpec figure(String name, long value, String doc) {
        return FieldSpec.builder(long.class, name, CONSTANT)
                .addJavadoc("$L\n", doc)
                .initializer("$L", Literals.longLiteral(value))
                .build();
    }

    private static FieldSpec shape(Own name, Shape shape, String doc) {
        return FieldSpec.builder(SHAPE, name.name(), CONSTANT)
                .addJavadoc("$L: {@code $L}.\n", doc, shape)
                .initializer(LayerLists.shape(shape))
                .build();
    }

    private static CodeBlock classJavadoc(NetworkAnalysis analysis) {
        NetworkDecl network = analysis.network();
        // A device's name is the user's text, and a time's unit is µs.
        String table = Javadoc.text(SummaryText.forJavadoc(analysis));
        return CodeBlock.builder()
                // $T, not the name as text: a network named Shape is not netcost's Shape.
                .add("Compile-time costs of {@link $T}, generated by netcost.\n\n", ClassName.get(network.packageName(),
                        network.simpleNames().get(0), network.simpleNames().subList(1, network.simpleNames().size())
                                .toArray(new String[0])))
                .add("<p>MACs count the multiply-accumulates of convolutions, linear layers and attention's\n")
                .add("products, what torchvision, ptflops and most papers call FLOPs; FLOPs count every multiply\n")
                .add("and add. MACs and FLOPs are\n")
                .add("for the whole batch; parameters and buffers do not scale with it.\n\n")
                .add("<pre>\n$L</pre>\n", table)
                .build();
    }
}
