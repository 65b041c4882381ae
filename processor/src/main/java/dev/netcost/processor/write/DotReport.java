package dev.netcost.processor.write;

import dev.netcost.Summary;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.NodeDecl;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drawing, {@code META-INF/netcost/<network>.dot}: one box per layer with its op and
 * parameters, an edge per tensor read labelled with its shape, and blocks as nested clusters.
 * {@code dot -Tsvg ResNet50.dot > ResNet50.svg} draws it.
 */
final class DotReport {
    private DotReport() {}

    /** Writes the drawing to {@code dot}, a line at a time. */
    static void write(NetworkAnalysis analysis, Writer dot) throws IOException {
        Map<String, BlockAnalysis> blocks = new HashMap<>();
        analysis.blocks().forEach(b -> blocks.put(b.path(), b));
        Map<String, LayerAnalysis> byPath = new HashMap<>();
        analysis.layers().forEach(l -> byPath.put(l.path(), l));

        dot.append("digraph ").append(Json.quote(analysis.network().name())).append(" {\n");
        dot.append("  rankdir=TB;\n");
        dot.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        dot.append("  ").append(Json.quote(NodeDecl.INPUT)).append(" [shape=oval, label=")
                .append(Json.quote("input\n" + analysis.input())).append("];\n");

        Deque<String> open = new ArrayDeque<>();
        for (LayerAnalysis layer : analysis.layers()) {
            List<String> clusters = new ArrayList<>();
            for (String ancestor : Summary.ancestors(layer.path())) {
                if (blocks.containsKey(ancestor)) {
                    clusters.add(ancestor);
                }
            }
            while (!open.isEmpty() && !clusters.contains(open.peek())) {
                open.pop();
                dot.append("  ".repeat(open.size() + 1)).append("}\n");
            }
            for (String cluster : clusters) {
                if (!open.contains(cluster)) {
                    BlockAnalysis block = blocks.get(cluster);
                    String indent = "  ".repeat(open.size() + 1);
                    dot.append(indent).append("subgraph ").append(Json.quote("cluster_" + cluster)).append(" {\n");
                    dot.append(indent).append("  label=").append(Json.quote(cluster + ": " + block.op())).append(";\n");
                    dot.append(indent).append("  style=dashed;\n");
                    open.push(cluster);
                }
            }
            String params = layer.cost().params() > 0 ? "\n" + Summary.grouped(layer.cost().params()) + " params" : "";
            dot.append("  ".repeat(open.size() + 1)).append(Json.quote(layer.path())).append(" [label=")
                    .append(Json.quote(layer.path() + "\n" + layer.op() + params)).append("];\n");
        }
        while (!open.isEmpty()) {
            open.pop();
            dot.append("  ".repeat(open.size() + 1)).append("}\n");
        }
        for (LayerAnalysis layer : analysis.layers()) {
            for (String read : layer.reads()) {
                LayerAnalysis producer = byPath.get(read);
                String shape = producer == null ? analysis.input().toString() : producer.output().toString();
                dot.append("  ").append(Json.quote(read)).append(" -> ").append(Json.quote(layer.path()))
                        .append(" [label=").append(Json.quote(shape)).append("];\n");
            }
        }
        dot.append("}\n");
    }
}
