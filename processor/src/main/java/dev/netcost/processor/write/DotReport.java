package dev.netcost.processor.write;

import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.BlockAnalysis;
import dev.netcost.processor.infer.InputAnalysis;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.infer.OutputAnalysis;
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
 * parameters, an edge per tensor read labelled with its shape, and blocks as nested clusters. A
 * layer that runs only in training is drawn dashed, and says so. A network that names its inputs
 * and outputs ({@link SummaryText#named}) has a node per input, and a node per output drawn twice
 * outlined.
 * {@code dot -Tsvg ResNet50.dot > ResNet50.svg} draws it.
 */
final class DotReport {
    /** What the label of a layer or block that runs only in training says, after its op. */
    private static final String TRAINING_ONLY = " (training only)";

    private DotReport() {}

    /** Writes the drawing to {@code dot}, a line at a time. */
    static void write(NetworkAnalysis analysis, Writer dot) throws IOException {
        Map<String, BlockAnalysis> blocks = new HashMap<>();
        for (BlockAnalysis b : analysis.blocks()) {
            blocks.put(b.path(), b);
        }

        dot.append("digraph ").append(Json.quote(analysis.network().name())).append(" {\n");
        dot.append("  rankdir=TB;\n");
        dot.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        boolean named = SummaryText.named(analysis);
        if (named) {
            // A node per input, named as the layers that read it name it.
            for (InputAnalysis input : analysis.inputs()) {
                dot.append("  ").append(Json.quote(input.name())).append(" [shape=oval, label=")
                        .append(Json.quote(input.name() + "\n" + input.shape() + "\n"
                                + PortConstants.kind(input.kind()))).append("];\n");
            }
        } else {
            dot.append("  ").append(Json.quote(NodeDecl.INPUT)).append(" [shape=oval, label=")
                    .append(Json.quote("input\n" + analysis.input())).append("];\n");
        }

        Deque<String> open = new ArrayDeque<>();
        // The clusters around a layer are those around the one before when both lie directly in
        // the same block: worked out only when they do not.
        EnclosingPath enclosing = new EnclosingPath();
        String indent = "  ";
        for (LayerAnalysis layer : analysis.layers()) {
            String path = layer.path();
            if (enclosing.changesAt(path)) {
                List<String> clusters = new ArrayList<>();
                for (String ancestor : Summary.ancestors(path)) {
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
                        String outer = "  ".repeat(open.size() + 1);
                        dot.append(outer).append("subgraph ").append(Json.quote("cluster_" + cluster)).append(" {\n");
                        dot.append(outer).append("  label=").append(Json.quote(cluster + ": " + block.op()
                                + (block.trainingOnly() ? TRAINING_ONLY : ""))).append(";\n");
                        dot.append(outer).append("  style=dashed;\n");
                        open.push(cluster);
                    }
                }
                indent = "  ".repeat(open.size() + 1);
            }
            String params = layer.cost().params() > 0 ? "\n" + Summary.grouped(layer.cost().params()) + " params" : "";
            dot.append(indent);
            Json.quote(path, dot);
            dot.append(" [label=");
            Json.quote(path + "\n" + layer.op() + params + (layer.trainingOnly() ? "\n" + TRAINING_ONLY.strip() : ""),
                    dot);
            // Drawn dashed, as a block's cluster is: inference never runs it.
            dot.append(layer.trainingOnly() ? ", style=\"rounded,dashed\"];\n" : "];\n");
        }
        while (!open.isEmpty()) {
            open.pop();
            dot.append("  ".repeat(open.size() + 1)).append("}\n");
        }
        // A network has few shapes, and a large one many edges: each label is quoted once.
        Map<Shape, String> labels = new HashMap<>();
        Producers producers = new Producers(analysis);
        List<LayerAnalysis> layers = analysis.layers();
        for (int reader = 0; reader < layers.size(); reader++) {
            String path = layers.get(reader).path();
            for (String read : layers.get(reader).reads()) {
                dot.append("  ");
                Json.quote(read, dot);
                dot.append(" -> ");
                Json.quote(path, dot);
                Shape shape = producers.output(read, reader);
                String label = labels.get(shape);
                if (label == null) {
                    label = Json.quote(shape.toString());
                    labels.put(shape, label);
                }
                dot.append(" [label=").append(label).append("];\n");
            }
        }
        if (named) {
            outputs(analysis, dot);
        }
        dot.append("}\n");
    }

    /**
     * A node per output, drawn twice outlined, and an edge to it from the layer or input that
     * made its tensor. Its id holds a space, which no layer's path or input's name does.
     */
    private static void outputs(NetworkAnalysis analysis, Writer dot) throws IOException {
        for (OutputAnalysis output : analysis.outputs()) {
            String node = "output " + output.name();
            dot.append("  ").append(Json.quote(node)).append(" [shape=oval, peripheries=2, label=")
                    .append(Json.quote(output.name() + "\n" + output.shape())).append("];\n");
            dot.append("  ").append(Json.quote(output.producer())).append(" -> ").append(Json.quote(node))
                    .append(" [label=").append(Json.quote(output.shape().toString())).append("];\n");
        }
    }


    /**
     * The output of the layer that made each tensor read. A layer reads mostly what one of the
     * few layers just before it made, so those are looked at first; a map of every layer is made
     * only for a read from further back.
     */
    private static final class Producers {
        private static final int NEAR = 8;

        private final List<LayerAnalysis> layers;
        private final Shape input;
        private final Map<String, Shape> inputs = new HashMap<>();
        private Map<String, Shape> far;

        Producers(NetworkAnalysis analysis) {
            this.layers = analysis.layers();
            this.input = analysis.input();
            for (InputAnalysis in : analysis.inputs()) {
                inputs.put(in.name(), in.shape());
            }
        }

        /**
         * The shape of tensor {@code read}, as read by layer {@code reader}: a layer's path, or an
         * input's name.
         */
        Shape output(String read, int reader) {
            for (int i = reader - 1; i >= Math.max(0, reader - NEAR); i--) {
                if (layers.get(i).path().equals(read)) {
                    return layers.get(i).output();
                }
            }
            Shape named = inputs.get(read);
            if (named != null) {
                return named;
            }
            if (read.equals(NodeDecl.INPUT)) {
                return input;
            }
            if (far == null) {
                far = new HashMap<>();
                for (LayerAnalysis layer : layers) {
                    far.put(layer.path(), layer.output());
                }
            }
            return far.getOrDefault(read, input);
        }
    }
}
