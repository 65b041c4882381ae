package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line that stands for the rows of instances like the one before: {@code layer3[2..5]} as {@code layer3[1]}. */
class LayerTableRepeatTest {
    private static final String STEM = "stem\tConv2d\t3,8,8\t4,8,8\t108\t0\t6912\t13568\t1024\t1456\n";
    private static final String CONV_0 = "s[0].conv\tConv2d\t4,8,8\t4,8,8\t144\t0\t9216\t18176\t1024\t2624\n";
    private static final String RELU_0 = "s[0].relu\tReLU\t4,8,8\t4,8,8\t0\t0\t0\t256\t1024\t2048\n";

    private static List<String> names(List<Layer> layers) {
        return layers.stream().map(Layer::name).toList();
    }

    @Test
    void aRangeRepeatsTheLastInstancesRowsRenamed() {
        List<Layer> layers = LayerTable.decode(STEM + CONV_0 + RELU_0 + "s[1..3]\tas s[0]\n"
                + "head\tReLU\t4,8,8\t4,8,8\t0\t0\t0\t256\t1024\t2048\n");
        assertEquals(List.of("stem", "s[0].conv", "s[0].relu", "s[1].conv", "s[1].relu", "s[2].conv", "s[2].relu",
                "s[3].conv", "s[3].relu", "head"), names(layers));
        Layer copy = layers.get(7);
        Layer source = layers.get(1);
        assertEquals(new Layer("s[3].conv", "Conv2d", Shape.of(4, 8, 8), Shape.of(4, 8, 8), 144, 0, 9216, 18176, 1024,
                2624), copy);
        // A copy shares its source's shapes rather than parsing them again.
        assertSame(source.output(), copy.output());
    }

    @Test
    void oneInstanceIsNamedAlone() {
        List<Layer> layers = LayerTable.decode(CONV_0 + "s[1]\tas s[0]\n");
        assertEquals(List.of("s[0].conv", "s[1].conv"), names(layers));
    }

    /** The rows of an instance hold the instance's own row (in BLOCKS) and the lines inside it. */
    @Test
    void nestedInstancesAndBlockRows() {
        String rows = "b\tPair x 2\t4,8,8\t4,8,8\t0\t0\t0\t0\t0\t0\n"
                + "b[0]\tPair\t4,8,8\t4,8,8\t0\t0\t0\t0\t0\t0\n"
                + "b[0].u[0]\tUnit\t4,8,8\t4,8,8\t0\t0\t0\t0\t0\t0\n"
                + "b[0].u[1..2]\tas b[0].u[0]\n"
                + "b[1]\tas b[0]\n";
        assertEquals(List.of("b", "b[0]", "b[0].u[0]", "b[0].u[1]", "b[0].u[2]", "b[1]", "b[1].u[0]", "b[1].u[1]",
                "b[1].u[2]"), names(LayerTable.decode(rows)));
    }

    /** Across the chunks of one list: the line may come in a later chunk than the rows it repeats. */
    @Test
    void aLineRepeatsRowsOfAnEarlierChunk() {
        assertEquals(List.of("s[0].conv", "s[0].relu", "s[1].conv", "s[1].relu"),
                names(LayerTable.decode(CONV_0 + RELU_0, "s[1]\tas s[0]\n")));
    }

    /** s[10] is not inside s[1]: only the rows of the instance named are repeated. */
    @Test
    void anInstanceIsItsOwnRowsOnly() {
        String ten = "s[10].conv\tConv2d\t4,8,8\t4,8,8\t144\t0\t9216\t18176\t1024\t2624\n";
        String one = "s[1].conv\tConv2d\t4,8,8\t4,8,8\t144\t0\t9216\t18176\t1024\t2624\n";
        assertEquals(List.of("s[10].conv", "s[1].conv", "s[2].conv"),
                names(LayerTable.decode(ten + one + "s[2]\tas s[1]\n")));
    }

    @Test
    void aLineWithoutTheRowsBeforeItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode(STEM + "s[1]\tas s[0]\n"));
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode(CONV_0 + "t[1]\tas s[0]\n"));
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode(CONV_0 + "s[3..2]\tas s[0]\n"));
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode(CONV_0 + "s\tas s[0]\n"));
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode(CONV_0 + "s[1]\tlike s[0]\n"));
    }

    /** A table written before the line existed reads as it did. */
    @Test
    void rowsAloneReadAsBefore() {
        List<Layer> into = new ArrayList<>();
        LayerTable.decode(STEM + CONV_0, into);
        assertEquals(List.of("stem", "s[0].conv"), names(into));
    }
}
