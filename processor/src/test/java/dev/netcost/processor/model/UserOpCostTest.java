package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.netcost.Shape;
import dev.netcost.processor.model.expr.ExprException;
import dev.netcost.processor.model.expr.ExprParser;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An op a user declares, without a compiler: its expressions against an input, every figure by hand. */
class UserOpCostTest {
    private static AttrValue.Expression expr(String text, List<UserOpDecl.Attribute> attrs) {
        try {
            return new AttrValue.Expression(ExprParser.parse(text, OpScope.lists(attrs, true)), text);
        } catch (ExprException e) {
            throw new AssertionError(e);
        }
    }

    private static UserOpDecl decl(List<UserOpDecl.Attribute> attrs, Set<Layout> layouts, List<String> shape,
            String params, String macs, String flops, Optional<String> memory) {
        Map<UserOpDecl.Figure, AttrValue.Expression> figures = new EnumMap<>(UserOpDecl.Figure.class);
        figures.put(UserOpDecl.Figure.PARAMS, expr(params, attrs));
        figures.put(UserOpDecl.Figure.BUFFERS, expr("0", attrs));
        figures.put(UserOpDecl.Figure.MACS, expr(macs, attrs));
        figures.put(UserOpDecl.Figure.FLOPS, expr(flops, attrs));
        return new UserOpDecl("com.example.Op", "Op", "Op", attrs, layouts,
                shape.stream().map(s -> expr(s, attrs)).toList(), figures, memory.map(m -> expr(m, attrs)), List.of());
    }

    /** A DropPath (stochastic depth) at inference: the identity, on any layout, costing nothing. */
    @Test
    void dropPathKeepsTheShapeAndCostsNothing() {
        UserOp dropPath = new UserOp(decl(List.of(), Set.of(Layout.values()), List.of(), "0", "0", "0",
                Optional.empty()), Map.of());
        Shape tokens = Shape.of(197, 768);
        ShapeResult result = dropPath.outputShape(tokens, Layout.TOKENS);
        assertEquals(tokens, assertInstanceOf(ShapeResult.Ok.class, result).shape());
        assertEquals(Cost.ZERO, dropPath.cost(tokens, tokens, Layout.TOKENS));
        // The memory rule every op follows: 197 * 768 = 151,296 read and as many written.
        assertEquals(2 * 151_296, dropPath.activationsMoved(tokens, tokens, Layout.TOKENS));
    }

    /**
     * A linear layer per position of a channels-last map, as ConvNeXt's: C is the last axis,
     * {@code (14, 14, 96)} to {@code (14, 14, 384)}; an int[] attribute read by index.
     */
    @Test
    void channelsLastNamesTheLastAxisC() {
        List<UserOpDecl.Attribute> attrs = List.of(new UserOpDecl.Attribute("widths", Attr.Kind.INTS, false));
        UserOp mlp = new UserOp(decl(attrs, Set.of(Layout.CHANNELS_LAST), List.of("H", "W", "widths(1)"),
                "C * widths(1) + widths(1)", "H * W * C * widths(1)", "2 * outNumel * C",
                Optional.of("numel + outNumel + H * W * widths(0)")), Map.of("widths", List.of(7L, 384L)));
        Shape in = Shape.of(14, 14, 96);
        Shape out = assertInstanceOf(ShapeResult.Ok.class, mlp.outputShape(in, Layout.CHANNELS_LAST)).shape();
        assertEquals(Shape.of(14, 14, 384), out);
        // 96 * 384 + 384 = 37,248 parameters; 196 positions * 96 * 384 = 7,225,344 MACs;
        // FLOPs 2 * (196 * 384) * 96 = 14,450,688.
        assertEquals(new Cost(37_248, 0, 7_225_344, 14_450_688), mlp.cost(in, out, Layout.CHANNELS_LAST));
        // Its own memory: 18,816 in, 75,264 out, 196 * 7 = 1,372 more: 95,452.
        assertEquals(95_452, mlp.activationsMoved(in, out, Layout.CHANNELS_LAST));
        // On a feature map it is refused (by the walker, before any shape), not read with C as the first axis.
        assertEquals(java.util.Set.of(Layout.CHANNELS_LAST), mlp.accepts());
        assertEquals(ProblemKind.INPUT_SHAPE, mlp.refuse(Shape.of(96, 14, 14), Layout.FEATURES).kind());
    }
}
