package dev.netcost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netcost.Layer;
import dev.netcost.LayerTable;
import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The code that builds {@code LAYERS} and {@code BLOCKS}, within the class file's limits: a
 * method's code is at most 64 KiB and a class holds at most 65,535 constants.
 *
 * <ul>
 *   <li>Up to {@value #CHUNK} entries: {@code List.of(new Layer(...), ...)}, readable.
 *   <li>Up to {@value #READABLE} entries: the same calls, in private methods of {@value #CHUNK}.
 *   <li>More: rows packed as text ({@link LayerTable}), {@value #ROWS_PER_CHUNK} per method, one
 *       string constant each, which a 10,000-layer network needs to stay under the constant limit.
 * </ul>
 */
final class LayerLists {
    /** One entry: the layer, and the stem of its field's constants if it has them. */
    record Row(Layer layer, Optional<String> stem) {}

    static final int CHUNK = 100;
    static final int READABLE = 1_000;
    static final int ROWS_PER_CHUNK = 200;

    private static final ClassName LAYER = ClassName.get(Layer.class);
    private static final ClassName SHAPE = ClassName.get(Shape.class);
    private static final TypeName LAYER_LIST = ParameterizedTypeName.get(ClassName.get(List.class), LAYER);

    private LayerLists() {}

    /** The initializer of a list named {@code name}, adding private methods to {@code type} as needed. */
    static CodeBlock initializer(TypeSpec.Builder type, String name, List<Row> rows) {
        if (rows.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        List<CodeBlock> entries = new ArrayList<>();
        if (rows.size() <= CHUNK) {
            rows.forEach(r -> entries.add(constructor(r)));
            return CodeBlock.builder().add("$T.of(\n", List.class).indent().indent()
                    .add(CodeBlock.join(entries, ",\n")).unindent().unindent().add(")").build();
        }
        boolean packed = rows.size() > READABLE;
        int perChunk = packed ? ROWS_PER_CHUNK : CHUNK;
        List<CodeBlock> calls = new ArrayList<>();
        for (int from = 0, chunk = 0; from < rows.size(); from += perChunk, chunk++) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + perChunk));
            String method = name + chunk;
            MethodSpec.Builder builder = MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(LAYER_LIST, "into");
            if (packed) {
                List<CodeBlock> lines = new ArrayList<>();
                part.forEach(r -> lines.add(CodeBlock.of("$S", LayerTable.encode(r.layer()))));
                builder.addStatement("$T.decode(\n$>$>$L,\ninto$<$<)", LayerTable.class, CodeBlock.join(lines, "\n+ "));
            } else {
                part.forEach(r -> builder.addStatement("into.add($L)", constructor(r)));
            }
            type.addMethod(builder.build());
            calls.add(CodeBlock.of("$N(into);\n", method));
        }
        MethodSpec.Builder all = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(LAYER_LIST)
                .addStatement("$T into = new $T<>($L)", LAYER_LIST, ArrayList.class, rows.size());
        calls.forEach(all::addCode);
        type.addMethod(all.addStatement("return $T.copyOf(into)", List.class).build());
        return CodeBlock.of("$N()", name);
    }

    /** {@code new Layer(...)}, naming the field's constants where it has them. */
    private static CodeBlock constructor(Row row) {
        Layer l = row.layer();
        if (row.stem().isPresent()) {
            String stem = row.stem().get();
            return CodeBlock.of("new $T($S, $S, $L, $N,\n$>$>$N, $N, $N, $N, $N, $N)$<$<", LAYER, l.name(), l.op(),
                    shape(l.input()), stem + "_OUTPUT_SHAPE", stem + "_PARAMS", stem + "_BUFFERS", stem + "_MACS",
                    stem + "_FLOPS", stem + "_ACTIVATION_BYTES", stem + "_MEMORY_ACCESS_BYTES");
        }
        return CodeBlock.of("new $T($S, $S, $L, $L,\n$>$>$L, $L, $L, $L, $L, $L)$<$<", LAYER, l.name(), l.op(),
                shape(l.input()), shape(l.output()), Literals.longLiteral(l.params()),
                Literals.longLiteral(l.buffers()), Literals.longLiteral(l.macs()), Literals.longLiteral(l.flops()),
                Literals.longLiteral(l.activationBytes()), Literals.longLiteral(l.memoryAccessBytes()));
    }

    /** {@code Shape.of(3, 224, 224)}. */
    static CodeBlock shape(Shape shape) {
        List<CodeBlock> dims = new ArrayList<>();
        for (long d : shape.dims()) {
            dims.add(CodeBlock.of("$L", d));
        }
        return CodeBlock.of("$T.of($L)", SHAPE, CodeBlock.join(dims, ", "));
    }
}
