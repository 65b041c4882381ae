package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netcost.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample's {@code LAYERS} and {@code BLOCKS}, packed in its companion with a line for each
 * run of like instances, read back row for row as its JSON report lists them: the packing loses
 * nothing, on real networks with repeated blocks (ResNet's stages, BERT's encoder, Llama's layers).
 */
class SampleLayerTablesTest {
    @Test
    void everyCompanionReadsBackTheRowsOfItsReport() throws Exception {
        List<Path> reports;
        // The samples' reports, in the main classes (the tests' own networks write theirs beside the tests).
        Path folder = Path.of("target/classes/META-INF/netcost");
        try (Stream<Path> files = Files.list(folder)) {
            reports = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(reports.size() >= 20, reports.toString());
        int packed = 0;
        for (Path report : reports) {
            String network = report.getFileName().toString().replaceFirst("\\.json$", "");
            JsonObject json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
            Class<?> companion = Class.forName(network + "Cost");
            assertRows(network, json.getAsJsonArray("layers"), table(companion, "LAYERS"));
            assertRows(network, json.getAsJsonArray("blocks"), table(companion, "BLOCKS"));
            if (source(network).contains("\\tas ")) {
                packed++;
            }
        }
        // 15 of the 24 samples when written: those with a stage of like instances (ResNets, MobileNet V1
        // and V2, ShuffleNet, the transformers); not the plain chains, nor DenseNet, whose every
        // layer sees more channels than the one before.
        assertTrue(packed >= 10, "samples with a packed line: " + packed);
    }

    private static String source(String network) throws IOException {
        return Files.readString(Path.of("target/generated-sources/annotations", network.replace('.', '/') + "Cost.java"));
    }

    @SuppressWarnings("unchecked")
    private static List<Layer> table(Class<?> companion, String field) throws ReflectiveOperationException {
        return (List<Layer>) companion.getField(field).get(null);
    }

    private static void assertRows(String network, JsonArray expected, List<Layer> actual) {
        assertEquals(expected.size(), actual.size(), network);
        for (int i = 0; i < actual.size(); i++) {
            JsonObject row = expected.get(i).getAsJsonObject();
            Layer layer = actual.get(i);
            String at = network + " " + row.get("path").getAsString();
            assertEquals(row.get("path").getAsString(), layer.name(), at);
            assertEquals(row.get("op").getAsString(), layer.op(), at);
            assertEquals(dims(row.getAsJsonArray("input")), dims(layer.input().dims()), at);
            assertEquals(dims(row.getAsJsonArray("output")), dims(layer.output().dims()), at);
            assertEquals(List.of(row.get("params").getAsLong(), row.get("buffers").getAsLong(),
                    row.get("macs").getAsLong(), row.get("flops").getAsLong(), row.get("activationBytes").getAsLong(),
                    row.get("memoryAccessBytes").getAsLong()), List.of(layer.params(), layer.buffers(), layer.macs(),
                    layer.flops(), layer.activationBytes(), layer.memoryAccessBytes()), at);
        }
    }

    private static List<Long> dims(JsonArray dims) {
        List<Long> values = new ArrayList<>();
        dims.forEach(d -> values.add(d.getAsLong()));
        return values;
    }

    private static List<Long> dims(long[] dims) {
        List<Long> values = new ArrayList<>();
        for (long d : dims) {
            values.add(d);
        }
        return values;
    }
}
