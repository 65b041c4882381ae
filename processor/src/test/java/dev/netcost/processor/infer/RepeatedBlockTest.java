package dev.netcost.processor.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.DType;
import dev.netcost.processor.model.Activation;
import dev.netcost.processor.model.Add;
import dev.netcost.processor.model.Attr;
import dev.netcost.processor.model.AttrValue;
import dev.netcost.processor.model.BatchNorm;
import dev.netcost.processor.model.BlockDecl;
import dev.netcost.processor.model.BlockUse;
import dev.netcost.processor.model.LayerDecl;
import dev.netcost.processor.model.NetworkDecl;
import dev.netcost.processor.model.NodeDecl;
import dev.netcost.processor.model.OpKind;
import dev.netcost.processor.model.OpTemplate;
import dev.netcost.processor.model.ParamDecl;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import dev.netcost.processor.model.expr.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A block repeated a hundred thousand times, as deep as no real network is: the walk stays linear
 * and right, and the instances share their equal ops and figures instead of each holding a copy.
 */
class RepeatedBlockTest {
    private static final int REPEAT = 100_000;

    /** Analysed once for both tests: it is the slowest thing here. */
    private static final NetworkAnalysis ANALYSIS = NetworkInference.analyze(deep());

    /** {@code @Unit(out = 16) @Repeat(100000)} on (16, 8, 8): conv 3 x 3 (out from @With), BN, ReLU, residual add. */
    private static NetworkDecl deep() {
        Map<Attr, AttrValue> conv = new LinkedHashMap<>();
        try {
            conv.put(Attr.OUT, new AttrValue.Expression(ExprParser.parse("out"), "out"));
        } catch (ExprException e) {
            throw new AssertionError(e);
        }
        conv.put(Attr.KERNEL, new AttrValue.Constant(List.of(3)));
        conv.put(Attr.STRIDE, new AttrValue.Constant(List.of(1)));
        conv.put(Attr.PADDING, new AttrValue.Constant(List.of(1)));
        conv.put(Attr.AUTO_PAD, new AttrValue.Constant("EXPLICIT"));
        conv.put(Attr.DILATION, new AttrValue.Constant(List.of(1)));
        conv.put(Attr.GROUPS, new AttrValue.Constant(1));
        conv.put(Attr.BIAS, new AttrValue.Constant(false));
        List<NodeDecl> layers = List.of(
                new LayerDecl(0, "conv", new OpTemplate.Parameterized(OpKind.CONV, conv), List.of(), Optional.empty()),
                new LayerDecl(1, "bn", new BatchNorm()),
                new LayerDecl(2, "relu", new Activation(Activation.Kind.RELU)),
                new LayerDecl(3, "add", new OpTemplate.Fixed(new Add()), List.of("relu", "input"), Optional.empty()));
        BlockDecl unit = new BlockDecl("com.example.Unit", "Unit",
                List.of(new ParamDecl("out", ValueType.INT, Optional.empty(), false)), layers);
        BlockUse use = new BlockUse(0, "body", unit.qualifiedName(), Map.of("out", new AttrValue.Constant(16L)),
                REPEAT, true, List.of(), Optional.empty());
        return new NetworkDecl("com.example", List.of("Deep"), List.of(16, 8, 8), 1, DType.FLOAT32, List.of(use),
                Map.of(unit.qualifiedName(), unit), Optional.empty());
    }

    @Test
    void aHundredThousandInstances() {
        NetworkAnalysis analysis = ANALYSIS;
        assertTrue(analysis.ok(), analysis.problems().toString());
        assertEquals(4 * REPEAT, analysis.layers().size());
        // The use's row, then one per instance.
        assertEquals(REPEAT + 1, analysis.blocks().size());
        assertEquals("body[99999].add", analysis.layers().get(4 * REPEAT - 1).path());
        // Per instance: conv 16 * 16 * 9 = 2,304 weights, BN 2 * 16 = 32 weights and 32 buffers;
        // the conv's MACs are 16 * 8 * 8 outputs times 16 * 9 taps = 147,456.
        assertEquals(REPEAT * (2_304L + 32), analysis.total().params());
        assertEquals(REPEAT * 32L, analysis.total().buffers());
        assertEquals(REPEAT * 147_456L, analysis.total().macs());
        // At the BN, ReLU and add: the instance's input (read by the add) and two 1,024-element
        // tensors, 3,072 elements of 4 bytes.
        assertEquals(12_288L, analysis.memory().peakActivationBytes());
        assertEquals(REPEAT * 2_336L, analysis.blocks().get(0).cost().params());
        assertEquals(2_336L, analysis.blocks().get(REPEAT).cost().params());
    }

    @Test
    void instancesShareTheirEqualOpsShapesAndFigures() {
        NetworkAnalysis analysis = ANALYSIS;
        LayerAnalysis first = analysis.layers().get(0);
        LayerAnalysis last = analysis.layers().get(4 * REPEAT - 4);
        assertEquals("body[0].conv", first.path());
        assertEquals("body[99999].conv", last.path());
        assertSame(first.computation(), last.computation());
        assertSame(first.output(), last.output());
        assertSame(first.cost(), last.cost());
        assertSame(first.traffic(), last.traffic());
        assertSame(analysis.blocks().get(1).cost(), analysis.blocks().get(REPEAT).cost());
    }
}
