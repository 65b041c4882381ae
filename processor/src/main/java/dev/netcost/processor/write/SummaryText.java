package dev.netcost.processor.write;

import dev.netcost.Layer;
import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.DecoderFigures;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.OutputAnalysis;
import dev.netcost.processor.infer.Traffic;
import dev.netcost.processor.model.Cost;
import dev.netcost.processor.model.NetworkDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        Shown shown = Shown.of(analysis, depth(analysis));
        if (shown.rows() <= JAVADOC_ROWS) {
            return of(analysis);
        }
        // The rows are cut, but they set the columns' widths. Blocks that look alike set the same
        // widths but for their names': one of each look, with the longest name, sets them all,
        // where a block repeated a hundred thousand times would be a hundred thousand rows. The
        // layers stay, as the totals are theirs.
        String table = table(analysis, shown.blocksOfEachLook());
        // Rows lie between the rule under the column names, the first line that begins with "-"
        // (below the heading's lines, which name the inputs and outputs of some networks), and the
        // rule above the totals, the last.
        int rows = table.indexOf('\n', table.indexOf("\n-") + 1) + 1;
        int totals = table.lastIndexOf("\n-") + 1;
        return table.substring(0, rows) + "(" + Summary.grouped(shown.rows()) + " rows: call summary() for them)\n"
                + table.substring(totals);
    }

    /** The table, blocks open to their instances. */
    public static String of(NetworkAnalysis analysis) {
        return table(analysis, new BlockRows(analysis.blocks()));
    }

    /** The table with the blocks {@code blocks}, and every layer. */
    private static String table(NetworkAnalysis analysis, List<Layer> blocks) {
        NetworkDecl network = analysis.network();
        List<Layer> layers = new LayerRows(analysis.layers());
        return Summary.table(header(analysis), layers, blocks, depth(analysis));
    }

    /** The layers' rows, each made when it is read. */
    private static final class LayerRows extends MappedList<LayerAnalysis, Layer> {
        LayerRows(List<LayerAnalysis> layers) {
            super(layers);
        }

        @Override
        Layer map(LayerAnalysis l) {
            return layer(l.path(), l.op(), l.input(), l.output(), l.cost(), l.traffic(), l.trainingOnly());
        }
    }

    /** The blocks' rows, each made when it is read. */
    private static final class BlockRows extends MappedList<BlockAnalysis, Layer> {
        BlockRows(List<BlockAnalysis> blocks) {
            super(blocks);
        }

        @Override
        Layer map(BlockAnalysis b) {
            return layer(b.path(), b.op(), b.input(), b.output(), b.cost(), b.traffic(), b.trainingOnly());
        }
    }

    /**
     * What the heading and the footer say, as the companion's {@code HEADER} holds it: the inputs
     * and outputs named when {@link #named}.
     */
    static Summary.Header header(NetworkAnalysis analysis) {
        NetworkDecl network = analysis.network();
        List<Summary.Tensor> inputs = new ArrayList<>();
        List<Summary.Tensor> outputs = new ArrayList<>();
        if (named(analysis)) {
            for (InputAnalysis in : analysis.inputs()) {
                inputs.add(new Summary.Tensor(in.name(), in.shape(), PortConstants.kind(in.kind())));
            }
            for (OutputAnalysis out : analysis.outputs()) {
                outputs.add(new Summary.Tensor(out.name(), out.shape(), ""));
            }
        }
        Shape input = network.hasNetworkInput() || analysis.inputs().isEmpty() ? analysis.input()
                : analysis.inputs().get(0).shape();
        Optional<Summary.Decoder> decoder = Optional.empty();
        if (analysis.decoder().isPresent()) {
            DecoderFigures d = analysis.decoder().get();
            decoder = Optional.of(new Summary.Decoder(d.context(), d.kvCacheBytes(), d.prefillMacs(), d.decodeMacs(),
                    d.crossKvCacheBytes(), d.stateBytes()));
        }
        Summary.Header header = new Summary.Header(network.name(), input, network.batch(), network.dtype(),
                analysis.memory().paramBytes(), analysis.memory().peakActivationBytes(), decoder, inputs, outputs);
        if (analysis.hasExperts()) {
            header = header.withActiveParams(analysis.total().activeParams());
        }
        if (analysis.training().isPresent()) {
            header = header.withTraining(TrainingConstants.step(analysis, analysis.training().get()));
        }
        return analysis.roofline().isEmpty() ? header
                : header.withRoofline(RooflineConstants.devices(analysis), RooflineConstants.decodeSteps(analysis));
    }

    /**
     * Whether the heading names the inputs and outputs: for a network of several, or of one
     * declared as a field ({@code @Input}, {@code @Output}). Another's heading stays as it was:
     * {@code TinyNet: input (3, 32, 32), batch 1, float32}.
     */
    static boolean named(NetworkAnalysis analysis) {
        // Both lists are gathered by a walk that succeeded; the heading names none without them.
        return analysis.hasNamedInputsOrOutputs() && !analysis.inputs().isEmpty() && !analysis.outputs().isEmpty();
    }

    /** How deep the compile-time table opens: all the way when there are no blocks to close. */
    private static int depth(NetworkAnalysis analysis) {
        return analysis.blocks().isEmpty() ? Integer.MAX_VALUE : DEPTH;
    }

    /**
     * The rows {@link Summary#table} shows at a depth, counted without rendering them: each layer
     * no deeper than that, and each block no deeper that holds a layer.
     *
     * @param rows  how many
     * @param looks the blocks shown, one of each look: a look's block with the longest path
     */
    private record Shown(int rows, Map<Look, BlockAnalysis> looks) {
        /** What a block's row shows but for its name: what sets the widths of the other columns. */
        private record Look(String op, Shape output, Cost cost, Traffic traffic, boolean trainingOnly) {
            // Written out, as ColdPathRulesTest asks of a record hashed on every compile's path.
            @Override
            public boolean equals(Object other) {
                return other instanceof Look that && op.equals(that.op) && output.equals(that.output)
                        && cost.equals(that.cost) && traffic.equals(that.traffic) && trainingOnly == that.trainingOnly;
            }

            @Override
            public int hashCode() {
                return ((op.hashCode() * 31 + output.hashCode()) * 31 + cost.hashCode()) * 31 + traffic.hashCode();
            }
        }

        static Shown of(NetworkAnalysis analysis, int depth) {
            Map<String, BlockAnalysis> unseen = new HashMap<>();
            for (BlockAnalysis block : analysis.blocks()) {
                if (depth(block.path()) <= depth) {
                    unseen.put(block.path(), block);
                }
            }
            Map<Look, BlockAnalysis> looks = new LinkedHashMap<>();
            int rows = 0;
            // A layer directly in the same block as the one before has the same ancestors, all seen.
            EnclosingPath enclosing = new EnclosingPath();
            for (LayerAnalysis layer : analysis.layers()) {
                String path = layer.path();
                if (enclosing.changesAt(path) && !unseen.isEmpty()) {
                    for (String ancestor : Summary.ancestors(path)) {
                        BlockAnalysis block = unseen.remove(ancestor);
                        if (block != null) {
                            rows++;
                            // Of a look's blocks, the first with the longest path.
                            Look look = new Look(block.op(), block.output(), block.cost(), block.traffic(),
                                    block.trainingOnly());
                            BlockAnalysis kept = looks.get(look);
                            if (kept == null || block.path().length() > kept.path().length()) {
                                looks.put(look, block);
                            }
                        }
                    }
                }
                if (depth(path) <= depth) {
                    rows++;
                }
            }
            return new Shown(rows, looks);
        }

        List<Layer> blocksOfEachLook() {
            List<Layer> blocks = new ArrayList<>();
            for (BlockAnalysis b : looks.values()) {
                blocks.add(layer(b.path(), b.op(), b.input(), b.output(), b.cost(), b.traffic(), b.trainingOnly()));
            }
            return blocks;
        }

        /** As {@link Summary}'s: {@code conv1} 1, {@code layer3[0]} 2, {@code layer3[0].conv2} 3. */
        private static int depth(String path) {
            int depth = 1;
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                    depth++;
                }
            }
            return depth;
        }
    }

    /** The public {@link Layer} for an analysed layer or block. */
    private static Layer layer(String path, String op, Shape input, Shape output, Cost cost, Traffic traffic,
            boolean trainingOnly) {
        return new Layer(path, op, input, output, cost.params(), cost.buffers(), cost.macs(), cost.flops(),
                traffic.activationBytes(), traffic.memoryAccessBytes(), trainingOnly);
    }
}
