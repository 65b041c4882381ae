package dev.netcost.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pooling padding above half the window, found without an input when the sizes pair up by
 * themselves, so that a block's constant mistake needs no use to be seen.
 */
class PoolWindowPaddingTest {
    private static List<String> faults(List<Integer> kernel, List<Integer> padding, List<Integer> dilation) {
        return new PoolWindow(kernel, List.of(), padding, dilation, false).validate().stream()
                .map(f -> f.kind().id() + " " + f.attr().orElseThrow().javaName() + ": " + f.message()).toList();
    }

    @Test
    void paddingUpToHalfTheKernelIsFine() {
        // kernel 3: at most 3 / 2 = 1; kernel 4: at most 2.
        assertEquals(List.of(), faults(List.of(3, 4), List.of(1, 2), List.of(1)));
    }

    @Test
    void theFirstDimensionPaddedTooMuch() {
        // Height: kernel 2 takes padding 1 at most, and has 1. Width: kernel 3 takes 1 at most, and has 2.
        assertEquals(List.of("padding padding: padding 2 is more than half the kernel 3, which PyTorch refuses; use"
                + " padding of at most 1"), faults(List.of(2, 3), List.of(1, 2), List.of(1)));
    }

    @Test
    void aDilatedWindowIsMeasuredDilated() {
        // kernel 3 dilated by 2 spans 2 * (3 - 1) + 1 = 5 cells: padding 2 is fine, 3 is not.
        assertEquals(List.of(), faults(List.of(3), List.of(2), List.of(2)));
        assertEquals(List.of("padding padding: padding 3 is more than half the dilated window 5, which PyTorch"
                + " refuses; use padding of at most 2"), faults(List.of(3), List.of(3), List.of(2)));
    }

    @Test
    void sizesThatDoNotPairUpWaitForTheInput() {
        // Two kernel sizes and three paddings: which pairs with which depends on the input's rank.
        assertEquals(List.of(), faults(List.of(2, 2), List.of(5, 5, 5), List.of(1)));
    }
}
