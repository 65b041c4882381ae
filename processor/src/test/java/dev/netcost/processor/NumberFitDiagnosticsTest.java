package dev.netcost.processor;

import static dev.netcost.processor.Compilations.assertOnlyError;
import static dev.netcost.processor.Compilations.compile;
import static dev.netcost.processor.NetworkSource.network;

import org.junit.jupiter.api.Test;

/**
 * Values that do not fit their type: an expression's value past {@code int}, where an attribute
 * takes one, and a network whose every layer fits a {@code long} but whose memory does not.
 */
class NumberFitDiagnosticsTest {
    /** 64 * 100,000,000 = 6,400,000,000, over Integer.MAX_VALUE = 2,147,483,647. */
    @Test
    void anExpressionBeyondInt() {
        NetworkSource src = network("{64, 8, 8}", "@Conv(kernel = 1) @With(out = \"in * 100000000\") Layer conv;");
        assertOnlyError(compile(src), src, "[netcost:out-of-range] conv on input (64, 8, 8): out = \"in * 100000000\""
                + " gives 6400000000, which does not fit an int", src.at("\"in * 100000000\""));
    }

    /**
     * The input has 2^20 * 2^20 * 2^19 = 2^59 elements. A ReLU reads them and writes as many:
     * 2^60 elements of 4 bytes, 2^62 bytes, which fits a long (at most 2^63 - 1); its FLOPs
     * (2^59) and activation bytes (2^61) fit too. Two of them move 2^63 bytes, which does not.
     */
    @Test
    void memoryBeyondLongOfLayersThatFit() {
        NetworkSource src = network("{1048576, 1048576, 524288}", "@ReLU Layer a;", "@ReLU Layer b;");
        assertOnlyError(compile(src), src, "[netcost:overflow] Net: its memory in bytes does not fit a long; netcost"
                + " never wraps a number", src.at("@Network"));
    }
}
