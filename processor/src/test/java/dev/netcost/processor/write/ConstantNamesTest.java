package dev.netcost.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How field names and block paths become the stems of their constants, written out by hand. */
class ConstantNamesTest {
    @Test
    void constantStems() {
        assertEquals("CONV1", ConstantNames.stem("conv1"));
        assertEquals("CONV_BLOCK1", ConstantNames.stem("convBlock1"));
        assertEquals("FC_6", ConstantNames.stem("fc_6"));
        assertEquals("DW1_BN", ConstantNames.stem("dw1Bn"));
    }

    @Test
    void pathStems() {
        assertEquals("LAYER3_0_SE", ConstantNames.pathStem("layer3[0].se"));
        assertEquals("LAYER1", ConstantNames.pathStem("layer1"));
    }
}
