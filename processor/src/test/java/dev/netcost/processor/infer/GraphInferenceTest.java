package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.Shape;
import dev.netcost.processor.model.Activation;
import dev.netcost.processor.model.Add;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.Conv;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpKind;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import dev.netcost.processor.model.expr.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Branches, merges, blocks and memory, without javac, against hand calculations. */
class GraphInferenceTest {
    private static final Conv CONV_4_TO_4 = new Conv(4, List.of(3), List.of(1), List.of(1), List.of(1), 1, false);

    private static NetworkDecl network(List<Integer> input, int batch, DType dtype, List<NodeDecl> nodes,
            BlockDecl... blocks) {
        Map<String, BlockDecl> byName = new LinkedHashMap<>();
        for (BlockDecl block : blocks) {
            byName.put(block.qualifiedName(), block);
        }
        return new NetworkDecl("com.example", List.of("Net"), input, batch, dtype, nodes, byName);
    }

    private static LayerDecl layer(int index, String name, dev.netcost.processor.model.Computation op,
            String... inputs) {
        return new LayerDecl(index, name, new OpTemplate.Fixed(op), List.of(inputs), Optional.empty());
    }

    private static AttrValue.Expression expr(String text) {
        try {
            return new AttrValue.Expression(ExprParser.parse(text), text);
        } catch (ExprException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Input (4, 8, 8) is 256 elements; each layer's output too. Residual: a = conv(input),
     * b = relu(a), add(b, input). The input lives until the add reads it: at the relu, input, a
     * and b are alive, 768 elements, 3,072 bytes in float32. Without the shortcut (the add reads b
     * twice) the input dies after the conv, and no layer sees more than 512 elements.
     */
    @Test
    void aResidualBranchKeepsItsInputAlive() {
        List<NodeDecl> residual = List.of(
                layer(0, "a", CONV_4_TO_4),
                layer(1, "b", new Activation(Activation.Kind.RELU)),
                layer(2, "add", new Add(), "b", NodeDecl.INPUT));
        NetworkAnalysis withShortcut = NetworkInference.analyze(network(List.of(4, 8, 8), 1, DType.FLOAT32, residual));
        assertTrue(withShortcut.ok(), withShortcut.problems().toString());
        assertEquals(768L * 4, withShortcut.memory().peakActivationBytes());

        List<NodeDecl> chain = List.of(
                layer(0, "a", CONV_4_TO_4),
                layer(1, "b", new Activation(Activation.Kind.RELU)),
                layer(2, "add", new Add(), "b", "b"));
        NetworkAnalysis without = NetworkInference.analyze(network(List.of(4, 8, 8), 1, DType.FLOAT32, chain));
        assertEquals(512L * 4, without.memory().peakActivationBytes());
        // conv 4 * 4 * 9 = 144 parameters; in float16 with a batch of 2, bytes scale with both.
        NetworkAnalysis half = NetworkInference.analyze(network(List.of(4, 8, 8), 2, DType.FLOAT16, residual));
        assertEquals(144L * 2, half.memory().paramBytes());
        assertEquals(768L * 2 * 2, half.memory().peakActivationBytes());
        assertEquals(144L * 2 + 768L * 2 * 2, half.memory().peakBytes());
    }

    /**
     * A block of one 1 x 1 convolution to {@code out} with a {@code @FirstOnly} stride, used three
     * times with stride 2 on (4, 8, 8): only the first instance strides, to (8, 4, 4); the others
     * keep (8, 4, 4). Parameters 4*8 + 8*8 + 8*8 = 160; MACs 32*16 + 64*16 + 64*16 = 2,560.
     */
    @Test
    void repeatsExpandWithTheStrideOnTheFirstOnly() {
        Map<Attr, AttrValue> values = new LinkedHashMap<>();
        values.put(Attr.OUT, expr("out"));
        values.put(Attr.KERNEL, new AttrValue.Constant(List.of(1)));
        values.put(Attr.STRIDE, expr("stride"));
        values.put(Attr.PADDING, new AttrValue.Constant(List.of(0)));
        values.put(Attr.AUTO_PAD, new AttrValue.Constant("EXPLICIT"));
        values.put(Attr.DILATION, new AttrValue.Constant(List.of(1)));
        values.put(Attr.GROUPS, new AttrValue.Constant(1));
        values.put(Attr.BIAS, new AttrValue.Constant(false));
        BlockDecl block = new BlockDecl("com.example.Step", "Step",
                List.of(new ParamDecl("out", ValueType.INT, Optional.empty(), false),
                        new ParamDecl("stride", ValueType.INT, Optional.of(1L), true)),
                List.of(new LayerDecl(0, "conv", new OpTemplate.Parameterized(OpKind.CONV, values), List.of(),
                        Optional.empty())));
        BlockUse use = new BlockUse(0, "stage", "com.example.Step",
                Map.of("out", new AttrValue.Constant(8L), "stride", new AttrValue.Constant(2L)), 3, true, List.of(),
                Optional.empty());
        NetworkAnalysis a = NetworkInference.analyze(network(List.of(4, 8, 8), 1, DType.FLOAT32, List.of(use), block));
        assertTrue(a.ok(), a.problems().toString());
        assertEquals(List.of("stage[0].conv", "stage[1].conv", "stage[2].conv"),
                a.layers().stream().map(LayerAnalysis::path).toList());
        assertEquals(List.of("stage", "stage[0]", "stage[1]", "stage[2]"),
                a.blocks().stream().map(BlockAnalysis::path).toList());
        assertEquals("Step x 3", a.blocks().get(0).op());
        assertEquals(Shape.of(8, 4, 4), a.output());
        assertEquals(160, a.total().params());
        assertEquals(2_560, a.total().macs());
        assertEquals(32 * 16, a.blocks().get(1).cost().macs());
    }

    /** A field whose condition is false is the identity: later fields read its input through it. */
    @Test
    void aFalseConditionPassesTheInputOn() {
        NodeDecl skipped = new LayerDecl(0, "conv", new OpTemplate.Fixed(CONV_4_TO_4), List.of(),
                Optional.of(expr("in == 3")));
        NodeDecl relu = layer(1, "relu", new Activation(Activation.Kind.RELU), "conv");
        NetworkAnalysis a = NetworkInference.analyze(network(List.of(5, 8, 8), 1, DType.FLOAT32,
                List.of(skipped, relu)));
        assertTrue(a.ok(), a.problems().toString());
        assertEquals(1, a.layers().size());
        assertEquals(Shape.of(5, 8, 8), a.layers().get(0).input());
        assertEquals("Identity", a.fields().get(0).op());
    }

    @Test
    void aMergeOfMismatchedShapesIsPlacedOnTheMerge() {
        NetworkAnalysis a = NetworkInference.analyze(network(List.of(3, 8, 8), 1, DType.FLOAT32, List.of(
                layer(0, "a", CONV_4_TO_4), layer(1, "add", new Add(), "a", NodeDecl.INPUT))));
        assertEquals(1, a.problems().size());
        assertEquals(ProblemKind.MERGE, a.problems().get(0).fault().kind());
        assertEquals(1, a.problems().get(0).node().getAsInt());
        assertEquals(Optional.of(Attr.FROM), a.problems().get(0).fault().attr());
    }
}
