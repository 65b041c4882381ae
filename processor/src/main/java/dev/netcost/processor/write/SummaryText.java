package dev.netcost.processor.write;

import dev.netcost.Layer;
import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import java.util.ArrayList;
import java.util.List;

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
        List<String> lines = table.lines().toList();
        // Rows lie between the rule under the column names and the rule above the totals.
        int first = 4;
        int last = lines.size() - 1;
        while (last > first && !lines.get(last).startsWith("-")) {
            last--;
        }
        if (last - first <= JAVADOC_ROWS) {
            return table;
        }
        List<String> shortened = new ArrayList<>(lines.subList(0, first));
        shortened.add("(" + Summary.grouped(last - first) + " rows: call summary() for them)");
        shortened.addAll(lines.subList(last, lines.size()));
        return String.join("\n", shortened) + "\n";
    }

    /** The table, blocks open to their instances. */
    public static String of(NetworkAnalysis analysis) {
        NetworkDecl network = analysis.network();
        List<Layer> layers = new ArrayList<>();
        for (LayerAnalysis layer : analysis.layers()) {
            layers.add(layer(layer.path(), layer.op(), layer.input(), layer.output(), layer.cost(), layer.traffic()));
        }
        List<Layer> blocks = new ArrayList<>();
        for (BlockAnalysis block : analysis.blocks()) {
            blocks.add(layer(block.path(), block.op(), block.input(), block.output(), block.cost(), block.traffic()));
        }
        Summary.Header header = new Summary.Header(network.name(), analysis.input(), network.batch(), network.dtype(),
                analysis.memory().paramBytes(), analysis.memory().peakActivationBytes(),
                analysis.decoder().map(d -> new Summary.Decoder(d.context(), d.kvCacheBytes(), d.prefillMacs(),
                        d.decodeMacs())));
        return Summary.table(header, layers, blocks, blocks.isEmpty() ? Integer.MAX_VALUE : DEPTH);
    }

    /** The public {@link Layer} for an analysed layer or block. */
    static Layer layer(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic) {
        return new Layer(path, op, input, output, cost.params(), cost.buffers(), cost.macs(), cost.flops(),
                traffic.activationBytes(), traffic.memoryAccessBytes());
    }
}
