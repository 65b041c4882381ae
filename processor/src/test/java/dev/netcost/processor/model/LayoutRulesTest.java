package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netcost.Shape;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every op states the layouts it takes and refuses every other with a located error; the ops that
 * move between layouts ({@code @ToMap}, {@code @Chunk}, {@code @Unfold}, {@code @Fold}) by hand; and
 * attention on the sequences of {@code @Unfold}, which works within each.
 */
class LayoutRulesTest {
    /** One tensor of each layout, and of the ranks a layout has that ops tell apart. */
    private static final Map<Layout, List<Shape>> SAMPLES = Map.of(
            Layout.FEATURES, List.of(Shape.of(8), Shape.of(8, 6), Shape.of(8, 4, 6)),
            Layout.CHANNELS_LAST, List.of(Shape.of(4, 6, 8)),
            Layout.TOKENS, List.of(Shape.of(16, 8), Shape.of(4, 16, 8)));

    /**
     * The op of {@code kind} with every attribute at its default, or 2 (a list of one 2) where it has
     * none; an enum attribute at its first constant.
     */
    private static Computation build(OpKind kind) {
        Map<Attr, Object> values = new HashMap<>();
        for (Method element : dev.netcost.processor.read.OpRegistryTest.annotationOf(kind).getDeclaredMethods()) {
            java.util.Optional<Attr> named = java.util.Arrays.stream(Attr.values())
                    .filter(a -> a.javaName().equals(element.getName()) && a.kind() != Attr.Kind.NONE)
                    .findFirst();
            if (named.isEmpty()) {
                continue; // a merge's inputs, no attribute
            }
            Attr attr = named.get();
            Object given = element.getDefaultValue();
            Object value = switch (attr.kind()) {
                case INT -> given == null ? 2 : given;
                case INTS -> given == null || ((int[]) given).length == 0 ? List.of(2)
                        : java.util.Arrays.stream((int[]) given).boxed().toList();
                case BOOLEAN -> given == null ? false : given;
                case REAL -> given == null ? 0.5 : given;
                case CHOICE -> given == null ? element.getReturnType().getEnumConstants()[0].toString()
                        : ((Enum<?>) given).name();
                case TENSOR -> given == null ? "" : given;
                case NONE -> throw new IllegalStateException();
            };
            values.put(attr, value);
        }
        return kind.build(new AttrValues(values));
    }

    @Test
    void everyOpRefusesWhatItDoesNotTakeWithAnInputShapeError() {
        for (OpKind kind : OpKind.values()) {
            Computation op = build(kind);
            assertFalse(op.accepts().isEmpty(), kind.name());
            for (Layout layout : Layout.values()) {
                if (op.accepts().contains(layout)) {
                    continue;
                }
                for (Shape input : SAMPLES.get(layout)) {
                    Fault refused = op.refuse(input, layout);
                    assertEquals(ProblemKind.INPUT_SHAPE, refused.kind(), kind + " on " + input + " " + layout);
                    assertTrue(refused.attr().isEmpty(), "the input is to blame, not an attribute: " + kind);
                    assertTrue(refused.message().contains(input.toString()), refused.message());
                }
            }
        }
    }

    @Test
    void theOpsOfMapsTakeNeitherTokensNorAChannelsLastMap() {
        for (OpKind kind : List.of(OpKind.CONV, OpKind.CONV_TRANSPOSE, OpKind.MAX_POOL, OpKind.AVG_POOL,
                OpKind.ADAPTIVE_AVG_POOL, OpKind.GLOBAL_AVG_POOL, OpKind.BATCH_NORM, OpKind.CHANNEL_SPLIT,
                OpKind.CHANNEL_SHUFFLE, OpKind.UNFOLD)) {
            assertEquals(java.util.Set.of(Layout.FEATURES), build(kind).accepts(), kind.name());
        }
    }

    private static Shape out(Op op, Shape in, Layout layout) {
        return assertInstanceOf(ShapeResult.Ok.class, op.outputShape(in, layout)).shape();
    }

    private static Fault failed(Op op, Shape in, Layout layout) {
        return assertInstanceOf(ShapeResult.Failed.class, op.outputShape(in, layout)).faults().get(0);
    }

    @Test
    void normsAndChunksTakeAVectorButNotAMapWithItsChannelsFirst() {
        for (Op op : List.<Op>of(new LayerNorm(true), new RmsNorm(), new Chunk(2, 0))) {
            assertEquals(1, out(op, Shape.of(8), Layout.FEATURES).rank(), op.toString());
            assertEquals(ProblemKind.INPUT_SHAPE, failed(op, Shape.of(8, 6), Layout.FEATURES).kind());
            assertEquals(ProblemKind.INPUT_SHAPE, failed(op, Shape.of(8, 4, 6), Layout.FEATURES).kind());
        }
        // The channels of a channels-last map, not its width: 2 x 8 for LayerNorm(8).
        assertEquals(new Cost(16, 0, 0, 5 * 4 * 6 * 8), new LayerNorm(true).cost(Shape.of(4, 6, 8), Shape.of(4, 6, 8)));
    }

    @Test
    void toMapIsTheInverseOfToTokens() {
        ToMap map = new ToMap(List.of(4, 6));
        // 24 tokens of 8 as a 4 x 6 map of 8 channels; ToTokens takes it back.
        assertEquals(Shape.of(8, 4, 6), out(map, Shape.of(24, 8), Layout.TOKENS));
        assertEquals(Shape.of(24, 8), out(new ToTokens(), Shape.of(8, 4, 6), Layout.FEATURES));
        assertEquals(Layout.FEATURES, map.outputLayout(Layout.TOKENS));
        // One size: a 1-d map (E, T), as x.transpose(1, 2).
        assertEquals(Shape.of(8, 24), out(new ToMap(List.of(24)), Shape.of(24, 8), Layout.TOKENS));
        Fault wrong = failed(new ToMap(List.of(5, 5)), Shape.of(24, 8), Layout.TOKENS);
        assertEquals(ProblemKind.MAP_SIZE, wrong.kind());
        assertEquals(java.util.Optional.of(Attr.SIZE), wrong.attr());
        assertEquals(ProblemKind.INPUT_SHAPE, failed(map, Shape.of(4, 6, 8), Layout.TOKENS).kind());
        assertEquals(Cost.ZERO, map.cost(Shape.of(24, 8), Shape.of(8, 4, 6)));
    }

    @Test
    void chunkSlicesTheLastAxis() {
        assertEquals(Shape.of(5, 4), out(new Chunk(2, 1), Shape.of(5, 8), Layout.TOKENS));
        assertEquals(Shape.of(3, 3, 2), out(new Chunk(4, 3), Shape.of(3, 3, 8), Layout.CHANNELS_LAST));
        assertEquals(Shape.of(2, 5, 4), out(new Chunk(2, 0), Shape.of(2, 5, 8), Layout.TOKENS));
        Fault uneven = failed(new Chunk(3, 0), Shape.of(5, 8), Layout.TOKENS);
        assertEquals(ProblemKind.CHANNELS, uneven.kind());
        assertEquals(java.util.Optional.of(Attr.PARTS), uneven.attr());
        assertEquals(Attr.INDEX, new Chunk(2, 2).validate().get(0).attr().orElseThrow());
        assertEquals(Cost.ZERO, new Chunk(2, 0).cost(Shape.of(5, 8), Shape.of(5, 4)));
    }

    @Test
    void unfoldAndFoldByHand() {
        // (C, H, W) = (8, 6, 4) in patches of 2 x 2: P = 4 positions, N = 3 x 2 = 6 patches: (4, 6, 8).
        Unfold unfold = new Unfold(List.of(2));
        assertEquals(Shape.of(4, 6, 8), out(unfold, Shape.of(8, 6, 4), Layout.FEATURES));
        assertEquals(Layout.TOKENS, Layout.of(Shape.of(4, 6, 8), unfold.outputLayout(Layout.FEATURES)));
        // Patches of 3 x 1: P = 3, N = 2 x 4 = 8.
        assertEquals(Shape.of(3, 8, 8), out(new Unfold(List.of(3, 1)), Shape.of(8, 6, 4), Layout.FEATURES));
        assertEquals(Attr.PATCH, failed(new Unfold(List.of(4)), Shape.of(8, 6, 4), Layout.FEATURES).attr()
                .orElseThrow());
        Fold fold = new Fold(List.of(2), List.of(6, 4));
        assertEquals(Shape.of(8, 6, 4), out(fold, Shape.of(4, 6, 8), Layout.TOKENS));
        assertEquals(Layout.FEATURES, fold.outputLayout(Layout.TOKENS));
        // A 6 x 4 map holds 3 x 2 = 6 patches of 2 x 2; 4 x 4 holds 4.
        assertEquals(Attr.SIZE, failed(new Fold(List.of(2), List.of(4, 4)), Shape.of(4, 6, 8), Layout.TOKENS)
                .attr().orElseThrow());
        assertEquals(Attr.PATCH, failed(new Fold(List.of(3), List.of(6, 6)), Shape.of(4, 6, 8), Layout.TOKENS)
                .attr().orElseThrow());
        assertEquals(ProblemKind.INPUT_SHAPE, failed(fold, Shape.of(24, 8), Layout.TOKENS).kind());
        assertEquals(ProblemKind.VALUE_COUNT, new Fold(List.of(2, 2), List.of(8)).validate().get(0).kind());
    }

    @Test
    void attentionOnSeveralSequencesIsTheSumOfEach() {
        // 3 sequences of 5 tokens of 8, 2 heads: three times one sequence's figures.
        Attention attention = new Attention(2, 0, true, false, false);
        Cost one = attention.cost(Shape.of(5, 8), Shape.of(5, 8));
        Cost three = attention.cost(Shape.of(3, 5, 8), Shape.of(3, 5, 8));
        assertEquals(one.params(), three.params());
        assertEquals(3 * one.macs(), three.macs());
        assertEquals(3 * one.flops(), three.flops());
        // By hand: projections 4 x 15 tokens x 64 = 3,840; products 3 x 2 x 25 x 8 = 1,200. One sequence of
        // 15 tokens would have 2 x 225 x 8 = 3,600 in its products.
        assertEquals(3840 + 1200, three.macs());
        assertEquals(Shape.of(3, 5, 8), out(attention, Shape.of(3, 5, 8), Layout.TOKENS));
        // Position embeddings and class tokens work per sequence; a selected token needs one sequence.
        assertEquals(Shape.of(3, 6, 8), out(new ClassToken(1), Shape.of(3, 5, 8), Layout.TOKENS));
        assertEquals(new Cost(48, 0, 0, 120), new PositionEmbedding(6).cost(Shape.of(3, 5, 8), Shape.of(3, 5, 8)));
        assertEquals(ProblemKind.SEQUENCE_LENGTH, failed(new PositionEmbedding(4), Shape.of(3, 5, 8), Layout.TOKENS)
                .kind());
        assertEquals(ProblemKind.INPUT_SHAPE, failed(new SelectToken(0), Shape.of(3, 5, 8), Layout.TOKENS).kind());
        // A linear layer has 15 rows: 15 x 8 x 4 MACs.
        assertEquals(480, new Linear(4, false).cost(Shape.of(3, 5, 8), Shape.of(3, 5, 4)).macs());
    }

    @Test
    void concatJoinsTheAxisItsLayoutGrowsOn() {
        Concat concat = new Concat();
        List<String> names = List.of("a", "b");
        assertEquals(Shape.of(4, 4, 24), assertInstanceOf(ShapeResult.Ok.class, concat.outputShape(
                List.of(Shape.of(4, 4, 8), Shape.of(4, 4, 16)), names, Layout.CHANNELS_LAST)).shape());
        assertEquals(Shape.of(24, 4, 4), assertInstanceOf(ShapeResult.Ok.class, concat.outputShape(
                List.of(Shape.of(8, 4, 4), Shape.of(16, 4, 4)), names, Layout.FEATURES)).shape());
        assertEquals(Shape.of(3, 6, 8), assertInstanceOf(ShapeResult.Ok.class, concat.outputShape(
                List.of(Shape.of(3, 1, 8), Shape.of(3, 5, 8)), names, Layout.TOKENS)).shape());
        // A vector among tokens has no axis of T: an error, not an exception.
        assertInstanceOf(ShapeResult.Failed.class, concat.outputShape(List.of(Shape.of(8), Shape.of(5, 8)), names,
                Layout.TOKENS));
    }

    @Test
    void aMergeNeedsOneLayoutAndABroadcastOneRank() {
        List<String> names = List.of("a", "b");
        assertTrue(Merge.layoutsDiffer(List.of(Shape.of(8, 8, 8), Shape.of(8, 8, 8)), names,
                List.of(Layout.FEATURES, Layout.CHANNELS_LAST)).isPresent());
        assertEquals(ProblemKind.MERGE, Merge.layoutsDiffer(List.of(Shape.of(5, 8), Shape.of(8, 5)), names,
                List.of(Layout.TOKENS, Layout.FEATURES)).orElseThrow().kind());
        // Tokens (5, 8) times a vector (8) is (N, 5, 8) times (N, 8) in PyTorch: N would meet the 5
        // tokens. Once a vector was left out of the layouts and broadcast; now @Mul refuses the ranks.
        assertEquals(ProblemKind.MERGE, new Mul().ranksDiffer(List.of(Shape.of(5, 8), Shape.of(8)), names)
                .orElseThrow().kind());
        assertEquals(ProblemKind.MERGE, new Add().ranksDiffer(List.of(Shape.of(4, 4, 4), Shape.of(4)), names)
                .orElseThrow().kind());
        // (C, 1, 1) beside (C, H, W): one rank, as squeeze-and-excitation has.
        assertFalse(new Mul().ranksDiffer(List.of(Shape.of(4, 6, 6), Shape.of(4, 1, 1)), names).isPresent());
        assertFalse(new Concat().ranksDiffer(List.of(Shape.of(5, 8), Shape.of(8)), names).isPresent());
    }

    /**
     * The README's list of what each op takes ("The DSL") says what {@link Computation#accepts()}
     * does: each bullet is one set of layouts, and every op is in one bullet, but for the
     * activations and the merges, which the "any layout" bullet names as families. The ops of the
     * last axis accept every layout and refuse a map with its channels first in their shape rule,
     * since a vector is channels first too.
     */
    @Test
    void theReadmeSaysWhatEachOpTakes() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String list = readme.substring(readme.indexOf("What each takes:"),
                readme.indexOf("Attributes marked *per-dim*"));
        Map<String, Set<Layout>> bullets = new LinkedHashMap<>();
        bullets.put("a map with its channels first only:", EnumSet.of(Layout.FEATURES));
        bullets.put("the last axis,", EnumSet.allOf(Layout.class));
        bullets.put("tokens only:", EnumSet.of(Layout.TOKENS));
        bullets.put("a channels-last map only:", EnumSet.of(Layout.CHANNELS_LAST));
        bullets.put("a map either way round:", EnumSet.of(Layout.FEATURES, Layout.CHANNELS_LAST));
        bullets.put("any layout:", EnumSet.allOf(Layout.class));
        Map<String, Set<Layout>> said = new HashMap<>();
        for (String bullet : list.split("\n- ")) {
            String label = bullets.keySet().stream().filter(bullet::startsWith).findFirst().orElse(null);
            if (label == null) {
                continue; // the text before the list
            }
            Matcher op = Pattern.compile("`@(\\w+)").matcher(bullet);
            while (op.find()) {
                assertEquals(null, said.put(op.group(1), bullets.get(label)), "@" + op.group(1) + " in two bullets");
            }
        }
        assertEquals(bullets.size(), list.split("\n- ").length - 1, "a bullet the test does not know");
        for (OpKind kind : OpKind.values()) {
            Computation op = build(kind);
            Set<Layout> expected = said.get(kind.annotationName());
            if (expected == null) {
                assertTrue(op instanceof Activation || op instanceof Merge, "@" + kind.annotationName()
                        + " is in no bullet of the README's list of what each op takes");
                expected = EnumSet.allOf(Layout.class); // "the activations" and "the merges"
            }
            assertEquals(expected, op.accepts(), "@" + kind.annotationName());
        }
    }
}
