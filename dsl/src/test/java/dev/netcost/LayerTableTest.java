package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTableTest {
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
    void aBrokenRowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LayerTable.decode("fc\tLinear\n", new ArrayList<>()));
    }
}
