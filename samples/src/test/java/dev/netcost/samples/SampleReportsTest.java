package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reports the build writes into the samples' classes (and so into their jar), parsed back:
 * the same figures as the constants and the published counts.
 */
class SampleReportsTest {
    private static JsonObject report(String network) throws IOException {
        String path = "META-INF/netcost/dev.netcost.samples." + network + ".json";
        try (InputStream in = SampleReportsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    @Test
    void resNet50() throws IOException {
        JsonObject report = report("ResNet50");
        assertEquals("netcost-report/7", report.get("schema").getAsString());
        JsonObject totals = report.getAsJsonObject("totals");
        assertEquals(25_557_032, totals.get("params").getAsLong()); // torchvision num_params
        assertEquals(53_120, totals.get("buffers").getAsLong()); // Keras non-trainable
        assertEquals(ResNet50Cost.MACS, totals.get("macs").getAsLong());
        assertEquals(ResNet50Cost.PEAK_MEMORY_BYTES, totals.get("peakMemoryBytes").getAsLong());
        // (25,557,032 + 53,120) * 4 bytes.
        assertEquals(102_440_608, totals.get("paramBytes").getAsLong());
        long macs = 0;
        for (JsonElement layer : report.getAsJsonArray("layers")) {
            macs += layer.getAsJsonObject().get("macs").getAsLong();
        }
        assertEquals(totals.get("macs").getAsLong(), macs);
        assertEquals(ResNet50Cost.LAYERS.size(), report.getAsJsonArray("layers").size());
        assertEquals(ResNet50Cost.BLOCKS.size(), report.getAsJsonArray("blocks").size());
    }

    /** A decoder's report has its inference figures; a classifier's has none. */
    @Test
    void llama3Decoder() throws IOException {
        JsonObject decoder = report("Llama3_8B").getAsJsonObject("decoder");
        assertEquals(8192, decoder.get("context").getAsLong());
        assertEquals(32, decoder.get("attentionLayers").getAsInt());
        assertEquals(1_073_741_824L, decoder.get("kvCacheBytes").getAsLong()); // 2 x 32 x 8192 x 8 x 128 x 2
        assertEquals(1_073_741_824L / 8192, decoder.get("kvCacheBytesPerToken").getAsLong());
        assertEquals(Llama3_8BCost.MACS, decoder.get("prefillMacs").getAsLong());
        assertEquals(2L * 4096 * 32, decoder.get("decodeMacsPerContextToken").getAsLong());
        assertEquals(null, report("VitB16").get("decoder"));
    }

    @Test
    void everySampleHasItsThreeReports() throws IOException {
        for (String network : List.of("LeNet5", "AlexNet", "Vgg16", "MobileNetV1", "MobileNetV2", "ResNet18",
                "ResNet152", "GoogLeNet", "DenseNet121", "ShuffleNetV2", "MobileNetV3Large", "M5", "DcganGenerator", "VitB16", "BertBase", "Gpt2", "Llama3_8B")) {
            assertTrue(report(network).getAsJsonObject("totals").get("params").getAsLong() > 0, network);
            for (String extension : List.of("md", "dot")) {
                String path = "META-INF/netcost/dev.netcost.samples." + network + "." + extension;
                assertNotNull(getClass().getClassLoader().getResource(path), path);
            }
        }
    }
}
