package dev.netcost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The figures of the consumers' {@code TinyNet}, by hand: input (3, 32, 32); a 3 x 3 convolution
 * to 8 channels, padded; two {@code Residual(out = 8)} blocks, each a 3 x 3 convolution 8 to 8,
 * padded, a ReLU and an add; a global average pool, a flatten and a linear layer 8 to 10.
 */
final class TinyNetFigures {
    private TinyNetFigures() {}

    private static final long PIXELS = 32 * 32;
    /** Stem: 8 x 3 x 3 x 3 weights and 8 biases; a MAC per weight per output pixel. */
    static final long STEM_PARAMS = 8 * 3 * 9 + 8; // 224
    static final long STEM_MACS = 8 * PIXELS * 3 * 9; // 221,184
    /** One block's convolution: 8 x 8 x 3 x 3 weights and 8 biases. */
    static final long BLOCK_PARAMS = 8 * 8 * 9 + 8; // 584
    static final long BLOCK_MACS = 8 * PIXELS * 8 * 9; // 589,824
    /** Classifier: 8 x 10 weights and 10 biases. */
    static final long FC_PARAMS = 8 * 10 + 10; // 90
    static final long FC_MACS = 8 * 10;

    static final long PARAMS = STEM_PARAMS + 2 * BLOCK_PARAMS + FC_PARAMS; // 1,482
    static final long MACS = STEM_MACS + 2 * BLOCK_MACS + FC_MACS; // 1,400,912

    /** Reads {@code PARAMS} and {@code MACS} of the companion compiled into {@code classes}. */
    static void assertCompanionOf(String network, Path classes) throws ReflectiveOperationException, IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                TinyNetFigures.class.getClassLoader())) {
            Class<?> companion = Class.forName(network + "Cost", true, loader);
            assertEquals(PARAMS, companion.getField("PARAMS").getLong(null), network + "Cost.PARAMS");
            assertEquals(MACS, companion.getField("MACS").getLong(null), network + "Cost.MACS");
        }
    }
}
