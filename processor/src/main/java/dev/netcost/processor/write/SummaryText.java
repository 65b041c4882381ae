package dev.netcost.processor.write;

import dev.netcost.Layer;
import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The summary table at compile time, rendered by the same {@link Summary} the generated
 * {@code summary()} calls at run time: for the class Javadoc and {@code -Anetcost.print}.
 */
public final class SummaryText {
    /** How deep blocks open at compile time: a hover shows the architecture, not 600 rows. */
    private static final int DEPTH = 2;

    private SummaryText() {}

    /** The most rows a class's Javadoc shows; past them, only the heading and the totals. */
    private static final int JAVADOC_ROWS = 300;

    /**
     * The table for the class Javadoc: as {@link #of}, but for a network too long to read in a
     * hover, the heading and the totals with a pointer to {@code summary()}.
     */
    public static String forJavadoc(NetworkAnalysis analysis) {
        String table = of(analysis);
        // Rows lie between the rule under the column names, the fourth line, and the rule above
        // the totals, the last line that begins with "-". Found by position: the table of a
        // block repeated a hundred thousand times has as many lines.
        int rows = 0;
        for (int line = 0; line < 4; line++) {
            rows = table.indexOf('\n', rows) + 1;
        }
        int totals = table.lastIndexOf("\n-") + 1;
        int count = 0;
        for (int i = rows; i < totals; i++) {
            if (table.charAt(i) == '\n') {
                count++;
            }
        }
        if (count <= JAVADOC_ROWS) {
            return table;
        }
        return table.substring(0, rows) + "(" + Summary.grouped(count) + " rows: call summary() for them)\n"
                + table.substring(totals);
    }

    /** The table, blocks open to their instances. */
    public static String of(NetworkAnalysis analysis) {
        NetworkDecl network = analysis.network();
        List<Layer> layers = rows(analysis.layers(), l -> layer(l.path(), l.op(), l.input(), l.output(), l.cost(),
                l.traffic()));
        List<Layer> blocks = rows(analysis.blocks(), b -> layer(b.path(), b.op(), b.input(), b.output(), b.cost(),
                b.traffic()));
        Summary.Header header = new Summary.Header(network.name(), analysis.input(), network.batch(), network.dtype(),
                analysis.memory().paramBytes(), analysis.memory().peakActivationBytes(),
                analysis.decoder().map(d -> new Summary.Decoder(d.context(), d.kvCacheBytes(), d.prefillMacs(),
                        d.decodeMacs())));
        return Summary.table(header, layers, blocks, blocks.isEmpty() ? Integer.MAX_VALUE : DEPTH);
    }

    /**
     * The analysed rows as the public {@link Layer}, each made when it is read: the table keeps
     * the rows it shows, not a copy of every layer of a network of half a million.
     */
    private static <T> List<Layer> rows(List<T> analysed, Function<T, Layer> layer) {
        final class Rows extends AbstractList<Layer> implements RandomAccess {
            @Override
            public Layer get(int index) {
                return layer.apply(analysed.get(index));
            }

            @Override
            public int size() {
                return analysed.size();
            }
        }
        return new Rows();
    }

    /** The public {@link Layer} for an analysed layer or block. */
    private static Layer layer(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic) {
        return new Layer(path, op, input, output, cost.params(), cost.buffers(), cost.macs(), cost.flops(),
                traffic.activationBytes(), traffic.memoryAccessBytes());
    }
}
