package dev.netcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.netcost.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import dev.netcost.Layer;
import dev.netcost.Shape;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The instances of a repeated block that are like the one before are one line of the companion's
 * {@code LAYERS} and {@code BLOCKS} ({@code stage[2..3]} as {@code stage[1]}), which the class reads
 * back as every row; and a class Javadoc cut short for its many instances keeps the widths all
 * its rows would give.
 */
class PackedRepeatsTest {
    /** A 3 x 3 convolution to {@code out}, strided in the first instance only, a ReLU, the input added back. */
    private static final NetworkSource UNIT = NetworkSource.of("com.example.Unit", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Unit {
                int out() default 0;
                @FirstOnly int stride() default 1;

                class Layers {
                    @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out", stride = "stride") Layer conv;
                    @ReLU Layer relu;
                    @Add({"relu", "input"}) @If("stride == 1 && in == out") Layer add;
                }
            }
            """);

    /** Three units and a ReLU: a repeated block inside a repeated block. */
    private static final NetworkSource PAIR = NetworkSource.of("com.example.Pair", """
            package com.example;

            import dev.netcost.*;

            @Block
            @interface Pair {
                int out() default 0;

                class Layers {
                    @Unit @With(out = "out") @Repeat(3) Layer units;
                    @ReLU Layer act;
                }
            }
            """);

    /**
     * On (8, 8, 8): {@code stage[0]} strides 8 channels to 16 and has no add, {@code stage[1]} to
     * {@code stage[3]} keep (16, 4, 4) and are alike; every instance of {@code pairs}, and of its
     * {@code units}, is like the one before.
     */
    private static final NetworkSource NET = NetworkSource.of("com.example.Net", """
            package com.example;

            import dev.netcost.*;

            @Network(input = {8, 8, 8})
            class Net {
                @Unit(out = 16, stride = 2) @Repeat(4) Layer stage;
                @Pair(out = 16) @Repeat(3) Layer pairs;
            }
            """);

    @Test
    void instancesLikeTheOneBeforeAreOneLine() throws IOException {
        Compilation compilation = compile(UNIT, PAIR, NET);
        assertThat(compilation).succeededWithoutWarnings();
        String source = Compilations.companion(compilation);
        String layers = source.substring(source.indexOf("LAYERS = "), source.indexOf("BLOCKS = "));
        String blocks = source.substring(source.indexOf("BLOCKS = "));
        // stage[0] and stage[1] row by row, then a line; inside pairs[0], units[0] and a line.
        assertThat(layers).contains("\"stage[2..3]\\tas stage[1]\\n\"");
        assertThat(layers).contains("\"pairs[0].units[1..2]\\tas pairs[0].units[0]\\n\"");
        assertThat(layers).contains("\"pairs[1..2]\\tas pairs[0]\\n\"");
        assertThat(layers).contains("\"stage[1].conv\\t");
        assertThat(layers).doesNotContain("stage[2].conv");
        assertThat(layers).doesNotContain("pairs[0].units[1].conv");
        assertThat(layers).doesNotContain("pairs[1].act");
        assertThat(blocks).contains("\"stage[2..3]\\tas stage[1]\\n\"");
        assertThat(blocks).contains("\"pairs[0].units[1..2]\\tas pairs[0].units[0]\\n\"");
        assertThat(blocks).contains("\"pairs[1..2]\\tas pairs[0]\\n\"");
    }

    @Test
    void theClassReadsBackEveryRowOfTheReport() throws Exception {
        Compilation compilation = compile(UNIT, PAIR, NET);
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> cost = GeneratedClasses.load(compilation, "com.example.NetCost");
        List<Layer> layers = layers(cost, "LAYERS");
        List<Layer> blocks = layers(cost, "BLOCKS");
        // stage: 2 layers in stage[0] (its add is off), 3 in each of the 3 others; pairs: 3 units
        // of 3 and a ReLU in each of 3.
        assertEquals(2 + 3 * 3 + 3 * (3 * 3 + 1), layers.size());
        // stage and its 4 instances; pairs and its 3, each with units and its 3.
        assertEquals(1 + 4 + 1 + 3 * (1 + 1 + 3), blocks.size());
        JsonObject report = JsonParser.parseString(Compilations.resource(compilation,
                "META-INF/netcost/com.example.Net.json"))
                .getAsJsonObject();
        assertRows(report.getAsJsonArray("layers"), layers);
        assertRows(report.getAsJsonArray("blocks"), blocks);

        // A row the class made from a line: a 3 x 3 convolution 16 -> 16 on (16, 4, 4), no bias.
        // 16*16*9 = 2,304 weights; 16 outputs of 4 x 4, each 16*9 = 144 taps: 36,864 MACs and
        // 256 * (2*144 - 1) = 73,472 FLOPs; its output 256 floats, 1,024 bytes; it reads 256 +
        // 2,304 and writes 256 elements: 2,816 * 4 = 11,264 bytes.
        Layer conv = row(layers, "stage[3].conv");
        assertEquals(List.of(Shape.of(16, 4, 4), Shape.of(16, 4, 4)), List.of(conv.input(), conv.output()));
        assertEquals(List.of(2_304L, 0L, 36_864L, 73_472L, 1_024L, 11_264L), figures(conv));
        // A row made from a line within a line: an add of two (16, 4, 4), one FLOP per element,
        // reads 512 and writes 256 elements, 3,072 bytes.
        Layer add = row(layers, "pairs[2].units[2].add");
        assertEquals("Add", add.op());
        assertEquals(List.of(0L, 0L, 0L, 256L, 1_024L, 3_072L), figures(add));
    }

    /**
     * 400 instances are 401 rows at depth 2, too many for a hover: the Javadoc keeps the heading
     * and the totals, with the columns as wide as the rows make them at run time. The longest
     * name, {@code stage[399]}, is the last instance's, and {@code stage[0]} has figures of its own.
     */
    @Test
    void aJavadocCutShortKeepsTheWidthsOfEveryRow() throws Exception {
        NetworkSource net = NetworkSource.of("com.example.Deep", """
                package com.example;

                import dev.netcost.*;

                @Network(input = {8, 8, 8})
                class Deep {
                    @Unit(out = 16, stride = 2) @Repeat(400) Layer stage;
                }
                """);
        Compilation compilation = compile(UNIT, net);
        assertThat(compilation).succeededWithoutWarnings();
        String source = Compilations.companion(compilation, "com.example.DeepCost");
        StringBuilder javadoc = new StringBuilder();
        int pre = source.indexOf("<pre>\n") + 6;
        for (String line : source.substring(pre, source.lastIndexOf('\n', source.indexOf("</pre>"))).split("\n")) {
            javadoc.append(line.replaceFirst("^ \\* ?", "")).append('\n');
        }
        String table = (String) GeneratedClasses.load(compilation, "com.example.DeepCost").getMethod("summary", int.class)
                .invoke(null, 2);
        int rows = 0;
        for (int line = 0; line < 4; line++) {
            rows = table.indexOf('\n', rows) + 1;
        }
        int totals = table.lastIndexOf("\n-") + 1;
        assertThat(table).contains("\nstage[399]  ");
        assertEquals(table.substring(0, rows) + "(401 rows: call summary() for them)\n" + table.substring(totals),
                javadoc.toString());
    }

    private static void assertRows(JsonArray expected, List<Layer> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < actual.size(); i++) {
            JsonObject row = expected.get(i).getAsJsonObject();
            Layer layer = actual.get(i);
            String at = layer.name();
            assertEquals(row.get("path").getAsString(), layer.name());
            assertEquals(row.get("op").getAsString(), layer.op(), at);
            assertEquals(shape(row.getAsJsonArray("input")), layer.input(), at);
            assertEquals(shape(row.getAsJsonArray("output")), layer.output(), at);
            assertEquals(List.of(row.get("params").getAsLong(), row.get("buffers").getAsLong(),
                    row.get("macs").getAsLong(), row.get("flops").getAsLong(), row.get("activationBytes").getAsLong(),
                    row.get("memoryAccessBytes").getAsLong()), figures(layer), at);
        }
    }

    private static List<Long> figures(Layer layer) {
        return List.of(layer.params(), layer.buffers(), layer.macs(), layer.flops(), layer.activationBytes(),
                layer.memoryAccessBytes());
    }

    private static Shape shape(JsonArray dims) {
        long[] values = new long[dims.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dims.get(i).getAsLong();
        }
        return Shape.of(values);
    }

    private static Layer row(List<Layer> layers, String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Layer> layers(Class<?> cost, String field) throws ReflectiveOperationException {
        return (List<Layer>) cost.getField(field).get(null);
    }

}
