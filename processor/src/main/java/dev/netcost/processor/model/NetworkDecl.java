package dev.netcost.processor.model;

import dev.netcost.DType;
import dev.netcost.InputKind;
import java.util.List;
import java.util.Map;

/**
 * A declared network as the read stage found it. Values are as written: the inference stage,
 * not the reader, decides whether they are valid, so that every problem is reported the same way.
 *
 * @param packageName the package of the network class ({@code ""} for the unnamed package)
 * @param simpleNames the class's simple name, preceded by those of its enclosing classes
 * @param input       {@code @Network(input)} as written
 * @param batch       {@code @Network(batch)} as written
 * @param dtype       {@code @Network(dtype)}
 * @param nodes       the fields in declaration order
 * @param blocks      every block used, directly or inside another block, by qualified name
 * @param budget      {@code @Budget}, if the class has one
 * @param decoder     whether the class is marked {@code @Decoder}
 * @param outputs     the fields marked {@code @Output}, in declaration order; empty when the last
 *                    field is the only output
 * @param decodes     {@code @Decoder}'s value: the input whose tokens it generates; empty when unnamed
 * @param inputKind   {@code @Network(inputKind)}: what {@code input} holds
 * @param training    {@code @Training}, if the class has one
 * @param devices     the devices of {@code @Roofline}, {@code value} then {@code custom}, in the order
 *                    written; empty without it
 */
public record NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch,
        DType dtype, List<NodeDecl> nodes, Map<String, BlockDecl> blocks, java.util.Optional<BudgetDecl> budget,
        boolean decoder, List<String> outputs, String decodes, InputKind inputKind,
        java.util.Optional<TrainingDecl> training, List<DeviceDecl> devices) {
    public NetworkDecl {
        java.util.Objects.requireNonNull(training, "training");
        devices = List.copyOf(devices);
        simpleNames = List.copyOf(simpleNames);
        input = List.copyOf(input);
        nodes = List.copyOf(nodes);
        blocks = Map.copyOf(blocks);
        outputs = List.copyOf(outputs);
        java.util.Objects.requireNonNull(decodes, "decodes");
        java.util.Objects.requireNonNull(inputKind, "inputKind");
        if (simpleNames.isEmpty()) {
            throw new IllegalArgumentException("a network class has a name");
        }
    }

    /** Without {@code @Roofline}. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch, DType dtype,
            List<NodeDecl> nodes, Map<String, BlockDecl> blocks, java.util.Optional<BudgetDecl> budget,
            boolean decoder, List<String> outputs, String decodes, InputKind inputKind,
            java.util.Optional<TrainingDecl> training) {
        this(packageName, simpleNames, input, batch, dtype, nodes, blocks, budget, decoder, outputs, decodes,
                inputKind, training, List.of());
    }

    /** Without {@code @Training}. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch, DType dtype,
            List<NodeDecl> nodes, Map<String, BlockDecl> blocks, java.util.Optional<BudgetDecl> budget,
            boolean decoder, List<String> outputs, String decodes, InputKind inputKind) {
        this(packageName, simpleNames, input, batch, dtype, nodes, blocks, budget, decoder, outputs, decodes,
                inputKind, java.util.Optional.empty());
    }

    /** Whose {@code @Network(input)}, if any, is channels first. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch, DType dtype,
            List<NodeDecl> nodes, Map<String, BlockDecl> blocks, java.util.Optional<BudgetDecl> budget,
            boolean decoder, List<String> outputs, String decodes) {
        this(packageName, simpleNames, input, batch, dtype, nodes, blocks, budget, decoder, outputs, decodes,
                InputKind.FEATURES);
    }

    /** The layout {@code @Network(input)} has for the layers that read it: ids are a vector, channels first. */
    public Layout inputLayout() {
        return InputDecl.layoutOf(inputKind);
    }

    /** With one output, the last field, and a decoder, if one, of its only input. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch, DType dtype,
            List<NodeDecl> nodes, Map<String, BlockDecl> blocks, java.util.Optional<BudgetDecl> budget,
            boolean decoder) {
        this(packageName, simpleNames, input, batch, dtype, nodes, blocks, budget, decoder, List.of(), "");
    }

    /** Whether {@code @Network(input)} gives the input named {@code input}. */
    public boolean hasNetworkInput() {
        return !input.isEmpty();
    }

    /** The inputs declared as fields ({@code @Input}), in declaration order. */
    public List<InputDecl> inputFields() {
        List<InputDecl> inputs = new java.util.ArrayList<>();
        for (NodeDecl node : nodes) {
            if (node instanceof InputDecl in) {
                inputs.add(in);
            }
        }
        return inputs;
    }

    /** Not a decoder. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch, DType dtype,
            List<NodeDecl> nodes, Map<String, BlockDecl> blocks, java.util.Optional<BudgetDecl> budget) {
        this(packageName, simpleNames, input, batch, dtype, nodes, blocks, budget, false);
    }

    /** A straight network of layers, in float32, without blocks. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch,
            List<? extends NodeDecl> layers) {
        this(packageName, simpleNames, input, batch, DType.FLOAT32, List.copyOf(layers), Map.of(),
                java.util.Optional.empty());
    }

    /** Without a budget. */
    public NetworkDecl(String packageName, List<String> simpleNames, List<Integer> input, int batch, DType dtype,
            List<NodeDecl> nodes, Map<String, BlockDecl> blocks) {
        this(packageName, simpleNames, input, batch, dtype, nodes, blocks, java.util.Optional.empty());
    }

    /** The class's own simple name, as the summary shows it. */
    public String name() {
        return simpleNames.get(simpleNames.size() - 1);
    }

    /**
     * The generated class's simple name: {@code AlexNetCost}; for a nested class
     * {@code Outer.Inner}, {@code Outer_InnerCost}, so that two nested networks of the same name
     * in one package do not collide.
     */
    public String companionSimpleName() {
        return String.join("_", simpleNames) + "Cost";
    }

    /** The generated class's qualified name. */
    public String companionQualifiedName() {
        return packageName.isEmpty() ? companionSimpleName() : packageName + "." + companionSimpleName();
    }
}
