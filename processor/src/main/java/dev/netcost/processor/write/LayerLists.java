package dev.netcost.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.netcost.Layer;
import dev.netcost.LayerTable;
import dev.netcost.Shape;
import java.util.ArrayList;
import java.util.List;

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
 */
final class LayerLists {
    static final int ROWS_PER_CHUNK = 200;

    private static final ClassName SHAPE = ClassName.get(Shape.class);

    private LayerLists() {}

    /** The initializer of an immutable list of {@code rows}. */
    static CodeBlock initializer(List<Layer> rows) {
        if (rows.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        List<CodeBlock> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_CHUNK) {
            StringBuilder chunk = new StringBuilder();
            for (Layer row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_CHUNK))) {
                chunk.append(LayerTable.encode(row));
            }
            // JavaPoet breaks a literal after each \n: one row per line.
            chunks.add(CodeBlock.of("$S", chunk));
        }
        return CodeBlock.of("$T.decode(\n$>$>$L$<$<)", LayerTable.class, CodeBlock.join(chunks, ",\n"));
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
