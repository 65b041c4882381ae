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

/**
 * The code that builds {@code LAYERS} and {@code BLOCKS}: the rows packed as text
 * ({@link LayerTable}), one tab-separated line per layer, in string constants of at most
 * {@value #LINES_PER_CHUNK} lines.
 *
 * <p>Packed because it is what costs a build least. A {@code new Layer(...)} per row, with two
 * {@code Shape.of} calls, cost javac about 60 microseconds a layer to attribute and compile, more
 * than netcost spends on the layer itself, and it made the source several times longer for
 * JavaPoet to write and javac to parse; string constants cost javac next to nothing, and decoding
 * them when the class initializes takes about a microsecond a row. A chunk stays far below the
 * class file's 65,535 bytes per string constant, and a 10,000-layer network needs 50 constants
 * instead of 120,000. A row still reads as the table does: path, op, shapes, figures.
 *
 * <p>The instances of a repeated block that are like the one before, row for row but for their
 * index, are one line ({@code layer3[2..5]} as {@code layer3[1]}): a block repeated a hundred
 * thousand times was 48 MB of source, which javac needed more memory to read back than netcost
 * needed to analyse the network. The rows are encoded straight from the analysis, with no
 * {@link dev.netcost.Layer} in between.
 */
final class LayerLists {
    static final int LINES_PER_CHUNK = 200;
    /** The last field of a row that runs only in training, as {@link LayerTable} reads it. */
    private static final String TRAINING_ONLY = "training";

    private static final ClassName SHAPE = ClassName.get(Shape.class);

    private LayerLists() {}

    /** A row as the table holds it, made when it is read. */
    private record Row(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic,
            boolean trainingOnly) {
        /** Whether it says what {@code other} does, but for the path. */
        boolean sameFigures(Row other) {
            return op.equals(other.op) && input.equals(other.input) && output.equals(other.output)
                    && cost.equals(other.cost) && traffic.equals(other.traffic) && trainingOnly == other.trainingOnly;
        }
    }

    /** The layers' rows, each made when it is read. */
    private static final class LayerRows extends MappedList<LayerAnalysis, Row> {
        LayerRows(List<LayerAnalysis> layers) {
            super(layers);
        }

        @Override
        Row map(LayerAnalysis l) {
            return new Row(l.path(), l.op(), l.input(), l.output(), l.cost(), l.traffic(), l.trainingOnly());
        }
    }

    /** The blocks' rows, each made when it is read. */
    private static final class BlockRows extends MappedList<BlockAnalysis, Row> {
        BlockRows(List<BlockAnalysis> blocks) {
            super(blocks);
        }

        @Override
        Row map(BlockAnalysis b) {
            return new Row(b.path(), b.op(), b.input(), b.output(), b.cost(), b.traffic(), b.trainingOnly());
        }
    }

    /** The initializer of {@code LAYERS}: an immutable list of the layers' rows. */
    static CodeBlock layers(List<LayerAnalysis> layers) {
        return initializer(new LayerRows(layers));
    }

    /** The initializer of {@code BLOCKS}: an immutable list of the blocks' rows. */
    static CodeBlock blocks(List<BlockAnalysis> blocks) {
        return initializer(new BlockRows(blocks));
    }

    private static CodeBlock initializer(List<Row> rows) {
        if (rows.isEmpty()) {
            // Not List.of(): a generic method's call makes javac load and run its type inference,
            // some 50 classes, to compile the companion of a network without blocks (docs/architecture.md).
            return CodeBlock.of("$T.decode()", LayerTable.class);
        }
        Chunks chunks = new Chunks();
        pack(rows, 0, rows.size(), 0, chunks);
        return CodeBlock.of("$T.decode(\n$>$>$L$<$<)", LayerTable.class, CodeBlocks.join(chunks.done(), ",\n"));
    }

    /**
     * Writes {@code rows[from, to)}, all inside one block instance whose path is {@code scope}
     * characters long (0 for the network), each instance inside it packed in turn, and each run of
     * instances like the one written before it as a line.
     */
    private static void pack(List<Row> rows, int from, int to, int scope, Chunks out) {
        Run run = null;
        int i = from;
        while (i < to) {
            String path = rows.get(i).path();
            int open = path.indexOf('[', scope);
            if (open < 0) {
                // The network's own layer, or a block use's own row, or an instance's own row.
                flush(run, out);
                run = null;
                row(out.line(), rows.get(i));
                i++;
                continue;
            }
            int close = path.indexOf(']', open);
            String instance = path.substring(0, close + 1);
            int end = i + 1;
            while (end < to && within(rows.get(end).path(), instance)) {
                end++;
            }
            int index = Integer.parseInt(path, open + 1, close, 10);
            if (run != null && run.isFollowedBy(instance, open, index) && alike(rows, run.from, run.to,
                    run.instance.length(), i, end, instance.length())) {
                run.last = index;
            } else {
                flush(run, out);
                pack(rows, i, end, instance.length(), out);
                run = new Run(instance, open, index, i, end);
            }
            i = end;
        }
        flush(run, out);
    }

    /**
     * An instance written row by row ({@code layer3[1]}, {@code rows[from, to)}), and the
     * instances after it, up to {@code last}, that are like it.
     */
    private static final class Run {
        final String instance;
        /** Where its index opens: {@code layer3} is {@code instance}'s first {@code open} characters. */
        final int open;
        final int first;
        final int from;
        final int to;
        int last;

        Run(String instance, int open, int first, int from, int to) {
            this.instance = instance;
            this.open = open;
            this.first = first;
            this.from = from;
            this.to = to;
            this.last = first;
        }

        /** Whether {@code next} (its index at {@code open}) is the use's next instance after the run. */
        boolean isFollowedBy(String next, int nextOpen, int index) {
            return nextOpen == open && index == last + 1 && next.regionMatches(0, instance, 0, open + 1);
        }
    }

    /** Writes the line that repeats {@code run}'s instance, when instances are like it. */
    private static void flush(Run run, Chunks out) {
        if (run == null || run.last == run.first) {
            return;
        }
        StringBuilder line = out.line();
        line.append(run.instance, 0, run.open + 1).append(run.first + 1);
        if (run.last > run.first + 1) {
            line.append("..").append(run.last);
        }
        line.append("]\tas ").append(run.instance).append('\n');
    }

    /**
     * Whether the rows of two instances, {@code rows[a, aEnd)} with paths that begin with a
     * {@code aName}-character instance path and {@code rows[b, bEnd)} with a {@code bName}-character
     * one, are alike: the same rows, named the same inside the instance.
     */
    private static boolean alike(List<Row> rows, int a, int aEnd, int aName, int b, int bEnd, int bName) {
        if (aEnd - a != bEnd - b) {
            return false;
        }
        for (int k = 0; k < aEnd - a; k++) {
            Row x = rows.get(a + k);
            Row y = rows.get(b + k);
            int inside = x.path().length() - aName;
            if (y.path().length() - bName != inside || !x.path().regionMatches(aName, y.path(), bName, inside)
                    || !x.sameFigures(y)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code path} is {@code instance} or inside it: {@code layer3[1].conv1} in {@code layer3[1]}. */
    private static boolean within(String path, String instance) {
        return path.startsWith(instance) && (path.length() == instance.length()
                || path.charAt(instance.length()) == '.');
    }

    /** The lines, cut into string constants of {@value #LINES_PER_CHUNK} lines. */
    private static final class Chunks {
        private final List<CodeBlock> done = new ArrayList<>();
        private final StringBuilder chunk = new StringBuilder();
        private int lines;

        /** Where the next line goes, ended by its {@code \n}. */
        StringBuilder line() {
            if (lines == LINES_PER_CHUNK) {
                cut();
            }
            lines++;
            return chunk;
        }

        List<CodeBlock> done() {
            if (lines > 0) {
                cut();
            }
            return done;
        }

        private void cut() {
            // JavaPoet breaks a literal after each \n: one line of the table per line of source.
            done.add(CodeBlock.of("$S", chunk.toString()));
            chunk.setLength(0);
            lines = 0;
        }
    }

    /** One row as {@link LayerTable#encode} writes it, ended by its {@code \n}. */
    private static void row(StringBuilder line, Row row) {
        line.append(row.path()).append('\t').append(row.op()).append('\t');
        dims(line, row.input());
        line.append('\t');
        dims(line, row.output());
        Cost cost = row.cost();
        Traffic traffic = row.traffic();
        line.append('\t').append(cost.params()).append('\t').append(cost.buffers()).append('\t').append(cost.macs())
                .append('\t').append(cost.flops()).append('\t').append(traffic.activationBytes()).append('\t')
                .append(traffic.memoryAccessBytes());
        if (row.trainingOnly()) {
            line.append('\t').append(TRAINING_ONLY);
        }
        line.append('\n');
    }

    /** As {@link LayerTable#dims}: {@code 64,56,56}. */
    private static void dims(StringBuilder line, Shape shape) {
        long[] dims = shape.dims();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(dims[i]);
        }
    }

    /**
     * {@code Shape.of(3, 224, 224)}; a dimension beyond {@code int} as a {@code long} literal,
     * {@code 4294967304L}, which javac would refuse without its suffix.
     */
    static CodeBlock shape(Shape shape) {
        List<CodeBlock> dims = new ArrayList<>();
        for (long d : shape.dims()) {
            dims.add(d > Integer.MAX_VALUE ? CodeBlock.of("$LL", d) : CodeBlock.of("$L", d));
        }
        return CodeBlock.of("$T.of($L)", SHAPE, CodeBlocks.join(dims, ", "));
    }
}
