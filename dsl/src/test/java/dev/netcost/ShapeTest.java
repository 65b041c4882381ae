package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void printsAsPyTorchDoesWithoutTheBatch() {
        assertEquals("(3, 224, 224)", Shape.of(3, 224, 224).toString());
        assertEquals("(1000)", Shape.of(1000).toString());
    }

    @Test
    void comparesByValue() {
        assertEquals(Shape.of(6, 28, 28), Shape.of(6, 28, 28));
        assertEquals(Shape.of(6, 28, 28).hashCode(), Shape.of(6, 28, 28).hashCode());
        assertNotEquals(Shape.of(6, 28, 28), Shape.of(6, 28));
    }

    @Test
    void isImmutable() {
        long[] dims = {3, 4};
        Shape shape = Shape.of(dims);
        dims[0] = 99;
        shape.dims()[1] = 99;
        assertEquals(Shape.of(3, 4), shape);
    }

    @Test
    void countsElementsExactly() {
        assertEquals(150_528, Shape.of(3, 224, 224).numel());
        // 2^21 cubed is 2^63: one past Long.MAX_VALUE.
        assertThrows(ArithmeticException.class, () -> Shape.of(1 << 21, 1 << 21, 1 << 21).numel());
    }

    @Test
    void rejectsEmptyAndNonPositiveShapes() {
        assertThrows(IllegalArgumentException.class, Shape::of);
        assertThrows(IllegalArgumentException.class, () -> Shape.of(3, 0, 224));
    }
}
