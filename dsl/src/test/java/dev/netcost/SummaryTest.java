package dev.netcost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void groupsDigitsWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // would print 1.234.567 through String.format
            assertEquals("1,234,567", Summary.grouped(1_234_567));
            assertEquals("999", Summary.grouped(999));
            assertEquals("1,000", Summary.grouped(1_000));
            assertEquals("0", Summary.grouped(0));
            assertEquals("-12,345", Summary.grouped(-12_345));
            assertEquals("-9,223,372,036,854,775,808", Summary.grouped(Long.MIN_VALUE));
            assertEquals("714.19 M", Summary.scaled(714_188_480)); // a point, not a comma
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void scalesToTwoDecimalsRoundingHalfUp() {
        assertEquals("999", Summary.scaled(999));
        assertEquals("1.00 K", Summary.scaled(1_000));
        assertEquals("15.47 G", Summary.scaled(15_470_264_320L));
        assertEquals("568.74 M", Summary.scaled(568_740_352));
        assertEquals("1.01 K", Summary.scaled(1_005)); // half up
        assertEquals("9.22 E", Summary.scaled(Long.MAX_VALUE));
    }

    /** A two-layer table written out by hand: columns sized to their content, counts right-aligned. */
    @Test
    void rendersATable() {
        List<Layer> layers = List.of(
                new Layer("conv", "Conv2d", Shape.of(3, 32, 32), Shape.of(6, 28, 28), 456, 0, 352_800, 705_600),
                new Layer("bn", "BatchNorm2d", Shape.of(6, 28, 28), Shape.of(6, 28, 28), 12, 12, 0, 9_408));
        String expected = """
                Tiny: input (3, 32, 32), batch 2
                =================================================
                Layer  Op           Output shape  Params     MACs
                -------------------------------------------------
                conv   Conv2d       (6, 28, 28)      456  352,800
                bn     BatchNorm2d  (6, 28, 28)       12        0
                -------------------------------------------------
                Total               (6, 28, 28)      468  352,800
                =================================================
                Params:  468
                Buffers: 12
                MACs:    352,800 (352.80 K)
                FLOPs:   715,008 (715.01 K)
                """;
        assertEquals(expected, Summary.table("Tiny", Shape.of(3, 32, 32), 2, layers));
    }
}
