package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTableTest {
    @Test
    void noChunkIsNoLayerInAnImmutableList() {
        List<Layer> none = LayerTable.decode();
        assertEquals(List.of(), none);
        assertThrows(UnsupportedOperationException.class, () -> none.add(null));
    }

    @Test
    void rowsRoundTrip() {
        List<Layer> layers = List.of(
                new Layer("layer3[0].conv2", "Conv2d", Shape.of(256, 28, 28), Shape.of(256, 14, 14), 589_824, 0,
                        115_605_504, 231_161_856, 200_704, 3_161_088),
                new Layer("fc", "Linear", Shape.of(2048), Shape.of(1000), 2_049_000, 0, 2_048_000, 4_096_000, 4_000,
                        8_208_192));
        StringBuilder rows = new StringBuilder();
        layers.forEach(l -> rows.append(LayerTable.encode(l)));
        assertEquals("fc\tLinear\t2048\t1000\t2049000\t0\t2048000\t4096000\t4000\t8208192\n",
                LayerTable.encode(layers.get(1)));
        List<Layer> decoded = new ArrayList<>();
        LayerTable.decode(rows.toString(), decoded);
        assertEquals(layers, decoded);
    }

    @Test
    void chunksDecodeInOrderIntoAnImmutableList() {
        String first = "a\tReLU\t4\t4\t0\t0\t0\t4\t16\t32\n";
        String second = "b\tLinear\t4\t2\t10\t0\t8\t16\t8\t64\n";
        List<Layer> layers = LayerTable.decode(first, second);
        assertEquals(List.of("a", "b"), layers.stream().map(Layer::name).toList());
        assertEquals(Shape.of(2), layers.get(1).output());
        assertThrows(UnsupportedOperationException.class, () -> layers.add(layers.get(0)));
    }

    @Test
    void shapesRoundTrip() {
        Shape[] shapes = LayerTable.shapes(LayerTable.dims(Shape.of(64, 56, 56)) + "\n" + "1000\n");
        assertEquals(List.of(Shape.of(64, 56, 56), Shape.of(1000)), List.of(shapes));
    }

    @Test
    void aBrokenRowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode("fc\tLinear\n", new ArrayList<>()));
    }
}
