package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compileWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.netcost.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Declarations far larger than any sample: the generated class must stay within the class file's
 * limits (65,535 constants and fields, 64 KiB of code per method, 64 KiB per string constant),
 * compile, load and hold the right figures.
 */
class LargeNetworksTest {
    /** Channels of convolution {@code i}: 4 to 32, varying so that the figures do not repeat. */
    private static int channels(int i) {
        return 4 + (i * 7) % 29;
    }

    /**
     * {@code layers} fields on a (4, 4, 4) input: 1 x 1 convolutions without bias, each followed by a
     * ReLU.
     */
    private static NetworkSource chain(String name, int layers) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            fields.append(i % 2 == 0
                    ? "    @Conv(out = " + channels(i) + ", kernel = 1, bias = false) Layer l" + i + ";\n"
                    : "    @ReLU Layer l" + i + ";\n");
        }
        return NetworkSource.example(name, "@Network(input = {4, 4, 4})\nclass " + name + " {\n" + fields + "}\n");
    }

    /** The chain's parameters and MACs, by the 1 x 1 convolution's formulas: Cin*Cout and 16*Cin*Cout. */
    private static long[] chainFigures(int layers) {
        long params = 0;
        long in = 4;
        for (int i = 0; i < layers; i += 2) {
            params += in * channels(i);
            in = channels(i);
        }
        return new long[] {params, 16 * params};
    }

    @Test
    void tenThousandLayers() throws Exception {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=none"), chain("Huge", 10_000));
        assertThat(compilation).succeeded();
        Class<?> cost = load(compilation, "com.example.HugeCost");
        long[] expected = chainFigures(10_000);
        assertEquals(expected[0], cost.getField("PARAMS").getLong(null));
        assertEquals(expected[1], cost.getField("MACS").getLong(null));
        @SuppressWarnings("unchecked")
        List<Layer> layers = (List<Layer>) cost.getField("LAYERS").get(null);
        assertEquals(10_000, layers.size());
        assertEquals("l9999", layers.get(9_999).name());
        assertEquals(expected[0], layers.stream().mapToLong(Layer::params).sum());
        // Past 1,000 fields there are no per-field constants: the class could not hold them.
        assertThrows(NoSuchFieldException.class, () -> cost.getField("L0_PARAMS"));
        assertThat(constantPoolCount(compilation, "com/example/HugeCost.class")).isLessThan(65_535);
        // The Javadoc keeps to the heading and the totals: a hover cannot show 10,000 rows.
        String source = Compilations.companion(compilation, "com.example.HugeCost");
        assertThat(source).contains(" * (10,000 rows: call summary() for them)\n");
        assertThat(source).contains(" * Params:       " + dev.netcost.Summary.grouped(expected[0]) + "\n");
    }

    /** At 1,000 fields, every field still has its constants. */
    @Test
    void aThousandFieldsKeepTheirConstants() throws Exception {
        Compilation compilation = compileWith(List.of("-Anetcost.reports=none"), chain("Big", 1_000));
        assertThat(compilation).succeeded();
        Class<?> cost = load(compilation, "com.example.BigCost");
        assertEquals(4L * channels(0), cost.getField("L0_PARAMS").getLong(null));
        assertEquals(chainFigures(1_000)[0], cost.getField("PARAMS").getLong(null));
        assertThat(constantPoolCount(compilation, "com/example/BigCost.class")).isLessThan(65_535);
    }

    @Test
    void aHundredNetworksInOneBuild() throws Exception {
        NetworkSource[] sources = new NetworkSource[100];
        for (int n = 0; n < 100; n++) {
            sources[n] = chain("Net" + n, 50);
        }
        Compilation compilation = compileWith(List.of(), sources);
        assertThat(compilation).succeeded();
        for (int n = 0; n < 100; n++) {
            assertEquals(chainFigures(50)[1], load(compilation, "com.example.Net" + n + "Cost").getField("MACS")
                    .getLong(null));
            assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                    "META-INF/netcost/com.example.Net" + n + ".json")).isPresent();
        }
    }

    /** Loads a class the compilation wrote, with netcost's dsl from this class's loader. */
    private static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
        ClassLoader loader = new ClassLoader(LargeNetworksTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                String path = className.replace('.', '/') + ".class";
                for (JavaFileObject file : compilation.generatedFiles()) {
                    if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith(path)) {
                        byte[] bytes = bytes(file);
                        return defineClass(className, bytes, 0, bytes.length);
                    }
                }
                throw new ClassNotFoundException(className);
            }
        };
        return Class.forName(name, true, loader);
    }

    /** A class file's constant_pool_count: the u2 after the magic number and the two versions. */
    private static int constantPoolCount(Compilation compilation, String path) {
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.toUri().getPath().endsWith(path)) {
                byte[] bytes = bytes(file);
                return ((bytes[8] & 0xff) << 8) | (bytes[9] & 0xff);
            }
        }
        throw new AssertionError("no " + path + " in " + new ArrayList<>(compilation.generatedFiles()));
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
