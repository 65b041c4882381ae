package dev.netcost.processor.lint;

import dev.netcost.Shape;
import dev.netcost.Summary;
import dev.netcost.processor.infer.LayerAnalysis;
import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.AvgPool;
import dev.netcost.processor.model.BatchNorm;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.Computation;
import dev.netcost.processor.model.Conv;
import dev.netcost.processor.model.ConvTranspose;
import dev.netcost.processor.model.InputDecl;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.Linear;
import dev.netcost.processor.model.MaxPool;
import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpKind;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.Percent;
import dev.netcost.processor.model.SlidingWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every lint in an analysed network. Pure: no javac types. Two kinds of rule:
 * declaration rules (a bias before batch norm, a dead branch) read the fields and warn once per
 * declaration, in a block's own source for a block; shape rules (unread input, padding-only
 * windows, a heavy classifier) read the analysed layers and warn at the network's field, naming
 * the path inside a block, once per field of a repeated block.
 */
public final class LintRules {
    private LintRules() {}

    public static List<Finding> find(NetworkAnalysis analysis) {
        List<Finding> findings = new ArrayList<>();
        declarations(analysis.network().nodes(), Optional.empty(), analysis.network().name(),
                Set.copyOf(analysis.network().outputs()), findings);
        Optional<Finding> unread = unreadNetworkInput(analysis.network());
        if (unread.isPresent()) {
            findings.add(unread.get());
        }
        List<BlockDecl> blocks = new ArrayList<>(analysis.network().blocks().values());
        blocks.sort(ByQualifiedName.INSTANCE);
        for (BlockDecl b : blocks) {
            declarations(b.nodes(), Optional.of(b.qualifiedName()), b.name(), Set.of(), findings);
        }
        shapes(analysis, findings);
        return findings;
    }

    /**
     * Blocks in the order of their qualified names. A named class, not {@code Comparator.comparing(...)}:
     * a method reference's first call spins a class at run time, which a cold compile pays for
     * (ColdPathRulesTest).
     */
    private static final class ByQualifiedName implements Comparator<BlockDecl> {
        static final ByQualifiedName INSTANCE = new ByQualifiedName();

        @Override
        public int compare(BlockDecl a, BlockDecl b) {
            return a.qualifiedName().compareTo(b.qualifiedName());
        }
    }

    /**
     * @param outputs the fields marked {@code @Output}, which the network's caller reads; when there
     *     are any, the last field is an output only if marked, as the others
     */
    private static void declarations(List<NodeDecl> nodes, Optional<String> block, String owner, Set<String> outputs,
            List<Finding> findings) {
        List<Optional<NodeDecl>> readers = firstReaders(nodes, false);
        List<Optional<NodeDecl>> inferenceReaders = firstReaders(nodes, true);
        for (int i = 0; i < nodes.size(); i++) {
            NodeDecl node = nodes.get(i);
            Optional<NodeDecl> reader = readers.get(i);
            // Nothing at inference reads a training-only field, by design: no dead branch. A field
            // that runs at inference and is read by training-only fields alone is one.
            boolean output = outputs.isEmpty() ? i == nodes.size() - 1 : outputs.contains(node.name());
            if (inferenceReaders.get(i).isEmpty() && !output && !node.trainingOnly()) {
                findings.add(i == nodes.size() - 1 ? Finding.of(Message.DEAD_BRANCH_NOT_OUTPUT, block, i,
                        Optional.empty(), node.name(), owner)
                        : reader.isEmpty()
                        ? Finding.of(nodes.get(i + 1) instanceof InputDecl ? Message.DEAD_BRANCH_ABOVE_INPUT
                                : Message.DEAD_BRANCH, block, i, Optional.empty(), node.name(),
                                nodes.get(i + 1).name(), owner)
                        : Finding.of(Message.DEAD_BRANCH_TRAINING_ONLY_READERS, block, i, Optional.empty(),
                                node.name(), reader.get().name(), owner));
            }
            Optional<Long> bias = biasChannels(node);
            if (bias.isPresent() && reader.isPresent() && isBatchNorm(reader.get())) {
                findings.add(bias.get() > 0
                        ? Finding.of(Message.BIAS_BEFORE_NORM, block, i, Optional.of(Attr.BIAS), node.name(),
                                reader.get().name(), Summary.grouped(bias.get()))
                        : Finding.of(Message.BIAS_BEFORE_NORM_UNCOUNTED, block, i, Optional.of(Attr.BIAS),
                                node.name(), reader.get().name()));
            }
        }
    }

    /**
     * {@code @Network(input)} that no field reads: the first field is an {@code @Input}, which
     * reads nothing, and no field names {@code input}. Placed on the {@code input} value.
     */
    private static Optional<Finding> unreadNetworkInput(NetworkDecl network) {
        if (!network.hasNetworkInput() || network.nodes().isEmpty()) {
            return Optional.empty();
        }
        NodeDecl first = network.nodes().get(0);
        if (!(first instanceof InputDecl) && first.inputs().isEmpty()) {
            return Optional.empty(); // the first field reads it
        }
        for (NodeDecl node : network.nodes()) {
            if (node.named().contains(NodeDecl.INPUT)) {
                return Optional.empty();
            }
        }
        return Optional.of(Finding.of(Message.DEAD_BRANCH_UNREAD_NETWORK_INPUT, Optional.empty(), Finding.NETWORK,
                Optional.of(Attr.INPUT), network.name()));
    }

    /**
     * For each field, the first later field that reads it: the next one by default, or one that
     * names it. One pass over the fields, so that a network of many branches stays linear.
     *
     * @param atInference whether to count only the readers that run at inference, not the
     *     {@code @TrainingOnly} ones
     */
    private static List<Optional<NodeDecl>> firstReaders(List<NodeDecl> nodes, boolean atInference) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
        }
        List<Optional<NodeDecl>> readers = new ArrayList<>(Collections.nCopies(nodes.size(), Optional.empty()));
        for (int j = 0; j < nodes.size(); j++) {
            NodeDecl later = nodes.get(j);
            if (atInference && later.trainingOnly()) {
                continue;
            }
            // An input reads nothing; any other field without a named input reads the field above.
            if (later.inputs().isEmpty() && !(later instanceof InputDecl) && j > 0 && readers.get(j - 1).isEmpty()) {
                readers.set(j - 1, Optional.of(later));
            }
            for (String name : later.named()) {
                Integer i = index.get(name);
                if (i != null && i < j && readers.get(i).isEmpty()) {
                    readers.set(i, Optional.of(later));
                }
            }
        }
        return readers;
    }

    /**
     * The output channels of a convolution declared with a bias (0 when they come from an
     * expression), or empty when it has none or is no convolution.
     */
    private static Optional<Long> biasChannels(NodeDecl node) {
        if (!(node instanceof LayerDecl layer)) {
            return Optional.empty();
        }
        if (layer.op() instanceof OpTemplate.Fixed fixed) {
            if (fixed.op() instanceof Conv conv && conv.bias()) {
                return Optional.of((long) conv.out());
            }
            if (fixed.op() instanceof ConvTranspose conv && conv.bias()) {
                return Optional.of((long) conv.out());
            }
            return Optional.empty();
        }
        if (!(layer.op() instanceof OpTemplate.Parameterized template)) {
            return Optional.empty(); // an op you declare
        }
        boolean convolution = template.kind() == OpKind.CONV || template.kind() == OpKind.CONV_TRANSPOSE;
        if (convolution && template.values().get(Attr.BIAS) instanceof AttrValue.Constant c
                && Boolean.TRUE.equals(c.value())) {
            return Optional.of(template.values().get(Attr.OUT) instanceof AttrValue.Constant out
                    ? ((Integer) out.value()).longValue() : 0L);
        }
        return Optional.empty();
    }

    private static boolean isBatchNorm(NodeDecl node) {
        return node instanceof LayerDecl layer && layer.op() instanceof OpTemplate.Fixed fixed
                && fixed.op() instanceof BatchNorm;
    }

    private static void shapes(NetworkAnalysis analysis, List<Finding> findings) {
        // One warning per field of a repeated block: layer3[0].conv and layer3[4].conv are one line of source.
        Map<String, List<Finding>> byTemplate = new LinkedHashMap<>();
        long total = analysis.total().params();
        // A network of one learned layer is all classifier: nothing to say.
        long learned = 0;
        for (LayerAnalysis layer : analysis.layers()) {
            if (layer.cost().params() > 0) {
                learned++;
            }
        }
        for (LayerAnalysis layer : analysis.layers()) {
            List<Finding> found = new ArrayList<>();
            window(layer, found);
            // A classifier reads a flattened vector; a linear layer per token or per position (an MLP's)
            // is no classifier, and pooling would not shrink it.
            if (layer.computation() instanceof Linear && layer.input().rank() == 1 && learned > 1
                    && layer.cost().params() > total / 2) {
                found.add(place(layer, Message.HEAVY_CLASSIFIER, Attr.OUT, Summary.grouped(layer.cost().params()),
                        Summary.grouped(total), Percent.of(layer.cost().params(), total)));
            }
            for (Finding f : found) {
                String key = f.node() + " " + f.lint() + " " + withoutIndices(layer.path());
                List<Finding> same = byTemplate.get(key);
                if (same == null) {
                    same = new ArrayList<>();
                    byTemplate.put(key, same);
                }
                same.add(f);
            }
        }
        for (List<Finding> same : byTemplate.values()) {
            Finding first = same.get(0);
            findings.add(same.size() == 1 ? first : first.withMessage(first.message() + " (and in "
                    + (same.size() - 1) + " more instance" + (same.size() > 2 ? "s" : "") + ")"));
        }
    }

    private static void window(LayerAnalysis layer, List<Finding> found) {
        Computation op = layer.computation();
        int rank = layer.input().rank() - 1;
        SlidingWindow window;
        // Which it is rather than its message, so that a network without findings never loads the
        // catalogue of messages (docs/architecture.md, "Cold builds").
        boolean convolution = op instanceof Conv;
        if (op instanceof Conv conv) {
            window = conv.window(rank);
        } else if (op instanceof MaxPool pool) {
            window = pool.window().sliding(rank);
        } else if (op instanceof AvgPool pool) {
            window = pool.window().sliding(rank);
        } else {
            return;
        }
        String what = convolution ? "convolution" : "pooling";
        Shape in = layer.input();
        Shape out = layer.output();
        List<String> unread = new ArrayList<>();
        List<String> blind = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            long n = in.dim(i + 1);
            long o = out.dim(i + 1);
            String dimension = SlidingWindow.dimensionName(rank, i);
            long tail = window.unreadTail(i, n, o);
            if (tail > 0) {
                unread.add(Message.UNREAD_CELLS.text(tail, n, dimension, window.kernel()[i], window.stride()[i],
                        window.padding()[i]));
            }
            long padded = window.paddingOnlyOutputs(i, n, o);
            if (padded > 0) {
                blind.add(Message.PADDING_ONLY_POSITIONS.text(padded, o, dimension, window.kernel()[i],
                        window.dilation()[i], window.padding()[i]));
            }
        }
        if (!unread.isEmpty()) {
            found.add(place(layer, convolution ? Message.UNREAD_INPUT_OF_CONVOLUTION : Message.UNREAD_INPUT_OF_POOLING,
                    Attr.STRIDE, String.join(", and ", unread)));
        }
        if (!blind.isEmpty()) {
            found.add(place(layer, Message.PADDING_ONLY_WINDOWS, Attr.PADDING, String.join(", and ", blind), what));
        }
    }

    /** At the layer's own field, or at the network field that uses its block, framed by the path and the input. */
    private static Finding place(LayerAnalysis layer, Message message, Attr attr, Object... values) {
        Finding found = Finding.of(message, Optional.empty(), layer.topNode(), layer.topLevel() ? Optional.of(attr)
                : Optional.empty(), values);
        return found.withMessage(layer.path() + " on input " + layer.input() + ": " + found.message());
    }

    /**
     * The path with each instance's index taken out, {@code layer1[2].conv1} as {@code layer1[].conv1}:
     * by hand rather than by a regular expression, which a cold compile would compile for the
     * first finding (docs/architecture.md, "Cold builds").
     */
    static String withoutIndices(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int at = 0;
        while (at < path.length()) {
            char c = path.charAt(at);
            out.append(c);
            at++;
            if (c == '[') {
                int digits = at;
                while (digits < path.length() && path.charAt(digits) >= '0' && path.charAt(digits) <= '9') {
                    digits++;
                }
                if (digits > at && digits < path.length() && path.charAt(digits) == ']') {
                    at = digits; // the digits go; the ']' is copied next
                }
            }
        }
        return out.toString();
    }
}
