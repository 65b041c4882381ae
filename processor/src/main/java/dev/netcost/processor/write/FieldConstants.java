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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The companion's constants per network field and per block instance: {@code CONV1_PARAMS},
 * {@code LAYER3_0_MACS}, {@code FC_OUTPUT_SHAPE}...
 */
final class FieldConstants {
    /** The most fields and block instances that get constants of their own. */
    static final int MAX_GROUPS = 1_000;

    private static final ClassName SHAPE = ClassName.get(Shape.class);
    private static final String SHAPES = "OUTPUT_SHAPES";

    /** What one field or block instance gets constants for. */
    private record Group(String stem, String what, Cost cost, Traffic traffic, Shape output) {}

    private FieldConstants() {}

    /**
     * Adds the constants, unless there are more than {@value #MAX_GROUPS} fields and block
     * instances: a class file holds at most 65,535 fields and constants, and past that many, the
     * totals and the layer table say what a reader needs.
     */
    static void add(TypeSpec.Builder type, NetworkAnalysis analysis) {
        List<Group> groups = groups(analysis);
        if (groups.isEmpty() || groups.size() > MAX_GROUPS) {
            return;
        }
        // The shapes come from one packed table, each constant an element of it: a
        // Shape.of(...) call per constant cost javac about 100 microseconds each in a class of
        // thousands of constants, an array element about 17.
        StringBuilder shapes = new StringBuilder();
        groups.forEach(g -> shapes.append(LayerTable.dims(g.output())).append('\n'));
        type.addField(FieldSpec.builder(ArrayTypeName.of(SHAPE), SHAPES, Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$T.shapes($S)", LayerTable.class, shapes)
                .build());
        for (int i = 0; i < groups.size(); i++) {
            addFigures(type, groups.get(i), i);
        }
    }

    private static List<Group> groups(NetworkAnalysis analysis) {
        List<Group> groups = new ArrayList<>();
        Set<String> fieldNames = new HashSet<>();
        for (FieldAnalysis field : analysis.fields()) {
            fieldNames.add(field.decl().name());
            groups.add(new Group(field.decl().constantStem(), "{@code " + field.decl().name() + "} (" + field.op()
                    + ", " + field.input() + " to " + field.output() + ")", field.cost(), field.traffic(),
                    field.output()));
        }
        for (BlockAnalysis block : analysis.blocks()) {
            if (!fieldNames.contains(block.path())) {
                groups.add(new Group(block.stem(), "block instance {@code " + block.path() + "} (" + block.op()
                        + ", " + block.input() + " to " + block.output() + ")", block.cost(), block.traffic(),
                        block.output()));
            }
        }
        return groups;
    }

    private static void addFigures(TypeSpec.Builder type, Group g, int index) {
        String stem = g.stem();
        String what = g.what();
        Cost cost = g.cost();
        type.addField(CompanionWriter.figure(stem + "_PARAMS", cost.params(), "Learnable parameters of " + what + "."));
        type.addField(CompanionWriter.figure(stem + "_BUFFERS", cost.buffers(), "Non-learnable state of " + what
                + "."));
        type.addField(CompanionWriter.figure(stem + "_MACS", cost.macs(), "Multiply-accumulates of " + what
                + " for the batch."));
        type.addField(CompanionWriter.figure(stem + "_FLOPS", cost.flops(), "Floating-point operations of " + what
                + " for the batch."));
        type.addField(CompanionWriter.figure(stem + "_ACTIVATION_BYTES", g.traffic().activationBytes(), "Bytes of the"
                + " output of " + what + " for the batch."));
        type.addField(CompanionWriter.figure(stem + "_MEMORY_ACCESS_BYTES", g.traffic().memoryAccessBytes(), "Bytes"
                + " read and written by " + what + " for the batch."));
        type.addField(CompanionWriter.intensity(stem + "_ARITHMETIC_INTENSITY", g.traffic().intensity(cost.flops()),
                "FLOPs per byte of memory traffic of " + what + "."));
        type.addField(FieldSpec.builder(SHAPE, stem + "_OUTPUT_SHAPE", CompanionWriter.CONSTANT)
                .addJavadoc("One output sample of $L: {@code $L}.\n", what, g.output())
                .initializer("$N[$L]", SHAPES, index)
                .build());
    }
}
