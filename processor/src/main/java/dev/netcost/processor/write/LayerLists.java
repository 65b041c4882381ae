package dev.netcost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.netcost.LayerTable;
import dev.netcost.Shape;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.model.Cost;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The code that builds {@code LAYERS} and {@code BLOCKS}: the rows packed as text
 * ({@link LayerTable}), one tab-separated line per layer, in string constants of at most
 * {@value #ROWS_PER_CHUNK} rows.
 *
 * <p>Packed because it is what costs a build least. A {@code new Layer(...)} per row, with two
 * {@code Shape.of} calls, cost javac about 60 microseconds a layer to attribute and compile, more
 * than netcost spends on the layer itself, and it made the source several times longer for
 * JavaPoet to write and javac to parse; string constants cost javac next to nothing, and decoding
 * them when the class initializes takes about a microsecond a row. A chunk stays far below the
 * class file's 65,535 bytes per string constant, and a 10,000-layer network needs 50 constants
 * instead of 120,000. A row still reads as the table does: path, op, shapes, figures.
 *
 * <p>The rows are encoded straight from the analysis, with no {@link dev.netcost.Layer} in
 * between: only the chunks' text is held, not an object per row beside it.
 */
final class LayerLists {
    static final int ROWS_PER_CHUNK = 200;

    private static final ClassName SHAPE = ClassName.get(Shape.class);

    private LayerLists() {}

    /** The initializer of {@code LAYERS}: an immutable list of the layers' rows. */
    static CodeBlock layers(List<LayerAnalysis> layers) {
        return initializer(layers, (layer, row) -> row(row, layer.path(), layer.op(), layer.input(), layer.output(),
                layer.cost(), layer.traffic()));
    }

    /** The initializer of {@code BLOCKS}: an immutable list of the blocks' rows. */
    static CodeBlock blocks(List<BlockAnalysis> blocks) {
        return initializer(blocks, (block, row) -> row(row, block.path(), block.op(), block.input(), block.output(),
                block.cost(), block.traffic()));
    }

    private static <T> CodeBlock initializer(List<T> rows, BiConsumer<T, StringBuilder> encoder) {
        if (rows.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        List<CodeBlock> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int from = 0; from < rows.size(); from += ROWS_PER_CHUNK) {
            chunk.setLength(0);
            for (T row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_CHUNK))) {
                encoder.accept(row, chunk);
            }
            // JavaPoet breaks a literal after each \n: one row per line.
            chunks.add(CodeBlock.of("$S", chunk.toString()));
        }
        return CodeBlock.of("$T.decode(\n$>$>$L$<$<)", LayerTable.class, CodeBlock.join(chunks, ",\n"));
    }

    /** One row as {@link LayerTable#encode} writes it, ended by its {@code \n}. */
    private static void row(StringBuilder row, String path, String op, Shape input, Shape output, Cost cost,
            Traffic traffic) {
        row.append(path).append('\t').append(op).append('\t');
        dims(row, input);
        row.append('\t');
        dims(row, output);
        row.append('\t').append(cost.params()).append('\t').append(cost.buffers()).append('\t').append(cost.macs())
                .append('\t').append(cost.flops()).append('\t').append(traffic.activationBytes()).append('\t')
                .append(traffic.memoryAccessBytes()).append('\n');
    }

    /** As {@link LayerTable#dims}: {@code 64,56,56}. */
    private static void dims(StringBuilder row, Shape shape) {
        long[] dims = shape.dims();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(dims[i]);
        }
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
