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
import dev.netcost.Layer;
import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import java.io.IOException;
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
    private static final TypeName LAYER_LIST = ParameterizedTypeName.get(ClassName.get(List.class), LAYER);
    private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

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

    public void write(NetworkAnalysis analysis, Element originatingElement) throws IOException {
        file(analysis, originatingElement).writeTo(filer);
    }

    /**
     * The companion's source. The network class is its one originating element, so that build
     * tools can treat netcost as an isolating processor.
     */
    private JavaFile file(NetworkAnalysis analysis, Element originatingElement) {
        NetworkDecl network = analysis.network();
        TypeSpec.Builder type = TypeSpec.classBuilder(network.companionSimpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc(analysis))
                .addOriginatingElement(originatingElement);
        generatedAnnotation.ifPresent(generated -> type.addAnnotation(
                AnnotationSpec.builder(generated).addMember("value", "$S", generator).build()));

        type.addField(FieldSpec.builder(int.class, "BATCH", CONSTANT)
                .addJavadoc("Samples per forward pass, from {@code @Network(batch)}."
                        + " MACs and FLOPs are for all of them.\n")
                .initializer("$L", network.batch())
                .build());
        Cost total = analysis.total();
        type.addField(figure("PARAMS", total.params(), "Learnable parameters of the whole network."));
        type.addField(figure("BUFFERS", total.buffers(),
                "Non-learnable state of the whole network: batch-norm running means and variances."));
        type.addField(figure("MACS", total.macs(), "Multiply-accumulates of one forward pass of the batch:"
                + " convolutions and linear layers only,\nwhat torchvision, ptflops, fvcore and most papers"
                + " call FLOPs."));
        type.addField(figure("FLOPS", total.flops(),
                "Floating-point operations of one forward pass of the batch: every multiply and every add."));
        type.addField(shape("INPUT_SHAPE", analysis.input(), "One input sample, channels first"));
        type.addField(shape("OUTPUT_SHAPE", analysis.output(), "One output sample"));

        List<CodeBlock> layerEntries = new ArrayList<>();
        String previousShape = "INPUT_SHAPE";
        for (LayerAnalysis layer : analysis.layers()) {
            String stem = layer.decl().constantStem();
            String what = "{@code " + layer.decl().name() + "} (" + layer.op() + ", " + layer.input() + " to "
                    + layer.output() + ")";
            Cost cost = layer.cost();
            type.addField(figure(stem + "_PARAMS", cost.params(), "Learnable parameters of " + what + "."));
            type.addField(figure(stem + "_BUFFERS", cost.buffers(), "Non-learnable state of " + what + "."));
            type.addField(figure(stem + "_MACS", cost.macs(), "Multiply-accumulates of " + what + " for the batch."));
            type.addField(figure(stem + "_FLOPS", cost.flops(), "Floating-point operations of " + what
                    + " for the batch."));
            type.addField(shape(stem + "_OUTPUT_SHAPE", layer.output(), "One output sample of " + what));
            layerEntries.add(CodeBlock.of("new $T($S, $S, $N, $N,\n$>$>$N, $N, $N, $N)$<$<", LAYER, layer.decl().name(),
                    layer.op(), previousShape, stem + "_OUTPUT_SHAPE", stem + "_PARAMS", stem + "_BUFFERS",
                    stem + "_MACS", stem + "_FLOPS"));
            previousShape = stem + "_OUTPUT_SHAPE";
        }
        type.addField(FieldSpec.builder(LAYER_LIST, "LAYERS", CONSTANT)
                .addJavadoc("Every layer with its shapes and figures, in execution order. Immutable.\n")
                .initializer(CodeBlock.builder()
                        .add("$T.of(\n", List.class)
                        .indent()
                        .indent()
                        .add(CodeBlock.join(layerEntries, ",\n"))
                        .unindent()
                        .unindent()
                        .add(")")
                        .build())
                .build());

        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(MethodSpec.methodBuilder("summary")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addJavadoc("The layers as a table, with totals, as in this class's documentation.\n")
                .addStatement("return $T.table($S, INPUT_SHAPE, BATCH, LAYERS)", SUMMARY, network.name())
                .build());

        return JavaFile.builder(network.packageName(), type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static FieldSpec figure(String name, long value, String doc) {
        return FieldSpec.builder(long.class, name, CONSTANT)
                .addJavadoc("$L\n", doc)
                .initializer("$L", Literals.longLiteral(value))
                .build();
    }

    private static FieldSpec shape(String name, Shape shape, String doc) {
        List<CodeBlock> dims = new ArrayList<>();
        for (long d : shape.dims()) {
            dims.add(CodeBlock.of("$L", d));
        }
        return FieldSpec.builder(SHAPE, name, CONSTANT)
                .addJavadoc("$L: {@code $L}.\n", doc, shape)
                .initializer("$T.of($L)", SHAPE, CodeBlock.join(dims, ", "))
                .build();
    }

    private static CodeBlock classJavadoc(NetworkAnalysis analysis) {
        NetworkDecl network = analysis.network();
        List<Layer> layers = new ArrayList<>();
        for (LayerAnalysis layer : analysis.layers()) {
            Cost cost = layer.cost();
            layers.add(new Layer(layer.decl().name(), layer.op(), layer.input(), layer.output(), cost.params(),
                    cost.buffers(), cost.macs(), cost.flops()));
        }
        String table = Summary.table(network.name(), analysis.input(), network.batch(), layers);
        return CodeBlock.builder()
                .add("Compile-time costs of {@link $L}, generated by netcost.\n\n",
                        String.join(".", network.simpleNames()))
                .add("<p>MACs count the multiply-accumulates of convolutions and linear layers, what torchvision,\n")
                .add("ptflops and most papers call FLOPs; FLOPs count every multiply and add. MACs and FLOPs are\n")
                .add("for the whole batch; parameters and buffers do not scale with it.\n\n")
                .add("<pre>\n$L</pre>\n", table)
                .build();
    }
}
