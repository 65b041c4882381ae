package dev.netcost.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.LayerTable;
import dev.netcost.Shape;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.FieldAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.write.CompanionNames.PerField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The companion's constants per network field and per block instance: {@code CONV1_PARAMS},
 * {@code LAYER3_0_MACS}, {@code FC_OUTPUT_SHAPE}...
 */
final class FieldConstants {
    /** The most fields and block instances that get constants of their own. */
    static final int MAX_GROUPS = 1_000;

    private static final ClassName SHAPE = ClassName.get(Shape.class);
    private static final String SHAPES = CompanionNames.Own.OUTPUT_SHAPES.name();

    /** What one field or block instance gets constants for. */
    record Group(CompanionNames.Stemmed owner, String what, Cost cost, Traffic traffic, Shape output) {}

    private FieldConstants() {}

    /**
     * Adds the constants of {@code groups}, those {@link #written} lists, each network field's
     * followed by its part in a training step in a network with {@code @Training}.
     */
    static void add(TypeSpec.Builder type, List<Group> groups, Optional<TrainingConstants.PerField> training) {
        if (groups.isEmpty()) {
            return;
        }
        // The shapes come from one packed table, each constant an element of it: a
        // Shape.of(...) call per constant cost javac about 100 microseconds each in a class of
        // thousands of constants, an array element about 17.
        StringBuilder shapes = new StringBuilder();
        for (Group g : groups) {
            shapes.append(LayerTable.dims(g.output())).append('\n');
        }
        type.addField(FieldSpec.builder(ArrayTypeName.of(SHAPE), SHAPES, Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The output shapes of the fields and block instances, in the order of their constants.\n")
                .initializer("$T.shapes($S)", LayerTable.class, shapes)
                .build());
        for (int i = 0; i < groups.size(); i++) {
            addFigures(type, groups.get(i), i);
            if (training.isPresent()) {
                training.get().add(type, groups.get(i));
            }
        }
    }

    /**
     * The fields and block instances that get constants of their own, in the order they are
     * written; none if there are more than {@value #MAX_GROUPS}: a class file holds at most 65,535
     * fields and constants, and past that many, the totals and the layer table say what a reader
     * needs.
     */
    static List<Group> written(NetworkAnalysis analysis) {
        Map<String, Integer> nodes = new HashMap<>();
        for (FieldAnalysis field : analysis.fields()) {
            if (!(field.decl() instanceof InputDecl)) {
                nodes.put(field.decl().name(), field.decl().index());
            }
        }
        long instances = 0;
        for (BlockAnalysis block : analysis.blocks()) {
            if (!nodes.containsKey(block.path())) {
                instances++;
            }
        }
        if (nodes.size() + instances > MAX_GROUPS) {
            return List.of();
        }
        List<Group> groups = new ArrayList<>();
        for (FieldAnalysis field : analysis.fields()) {
            if (field.decl() instanceof InputDecl) {
                continue; // an input computes nothing: its shape and bytes are PortConstants'
            }
            String name = field.decl().name();
            groups.add(new Group(new CompanionNames.Field(field.decl().index(), name, ConstantNames.stem(name)),
                    "{@code " + name + "} (" + field.op() + ", " + field.input() + " to " + field.output()
                            + trainingOnly(field.decl().trainingOnly()) + ")",
                    field.cost(), field.traffic(), field.output()));
        }
        for (BlockAnalysis block : analysis.blocks()) {
            String path = block.path();
            if (nodes.containsKey(path)) {
                continue; // a use, repeated or not: it is its field, and has the field's constants
            }
            // A path begins with the network field that holds the instance: layer3[0].se in layer3.
            String field = path.substring(0, fieldEnd(path));
            groups.add(new Group(new CompanionNames.Instance(nodes.get(field), field, path,
                    ConstantNames.pathStem(path)), "block instance {@code " + path + "} (" + block.op() + ", "
                    + block.input() + " to " + block.output() + trainingOnly(block.trainingOnly()) + ")", block.cost(),
                    block.traffic(), block.output()));
        }
        return groups;
    }

    /** What the Javadoc says of a field or block instance that runs only in training. */
    private static String trainingOnly(boolean trainingOnly) {
        return trainingOnly ? ", only in training: its parameters and buffers count in the network's, its compute"
                + " in none" : "";
    }

    private static void addFigures(TypeSpec.Builder type, Group g, int index) {
        String stem = g.owner().stem();
        String what = g.what();
        Cost cost = g.cost();
        type.addField(CompanionWriter.figure(PerField.PARAMS.of(stem), cost.params(), "Learnable parameters of "
                + what + "."));
        type.addField(CompanionWriter.figure(PerField.BUFFERS.of(stem), cost.buffers(), "Non-learnable state of "
                + what + "."));
        type.addField(CompanionWriter.figure(PerField.MACS.of(stem), cost.macs(), "Multiply-accumulates of " + what
                + " for the batch."));
        type.addField(CompanionWriter.figure(PerField.FLOPS.of(stem), cost.flops(), "Floating-point operations of "
                + what + " for the batch."));
        type.addField(CompanionWriter.figure(PerField.ACTIVATION_BYTES.of(stem), g.traffic().activationBytes(),
                "Bytes of the output of " + what + " for the batch."));
        type.addField(CompanionWriter.figure(PerField.MEMORY_ACCESS_BYTES.of(stem), g.traffic().memoryAccessBytes(),
                "Bytes read and written by " + what + " for the batch."));
        type.addField(CompanionWriter.intensity(PerField.ARITHMETIC_INTENSITY.of(stem),
                g.traffic().intensity(cost.flops()), "FLOPs per byte of memory traffic of " + what + "."));
        type.addField(FieldSpec.builder(SHAPE, PerField.OUTPUT_SHAPE.of(stem), CompanionWriter.CONSTANT)
                .addJavadoc("One output sample of $L: {@code $L}.\n", what, g.output())
                .initializer("$N[$L]", SHAPES, index)
                .build());
    }

    /**
     * Where the network field's name ends in a block instance's path: at its first {@code .} or
     * {@code [}. Scanned, not split by a regular expression, which String.split would compile
     * for every instance (docs/architecture.md, "Cold builds").
     */
    private static int fieldEnd(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                return i;
            }
        }
        return path.length();
    }
}
