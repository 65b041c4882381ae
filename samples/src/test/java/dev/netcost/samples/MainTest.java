package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The main job's output: what it prints, said first; the samples' lint; then the summaries. */
class MainTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path REPORTS = Path.of("target", "classes", "META-INF", "netcost");

    private static List<String> runMain() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Main.main(new String[] {SOURCES.toString(), REPORTS.toString()});
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void saysWhatItPrintsThenTheLintThenTheSummariesWithNoEscapes() {
        List<String> lines = runMain();

        assertEquals("netcost samples: 24 networks declared in src/main/java.", lines.get(0));
        assertTrue(lines.get(3).endsWith(": target/classes/META-INF/netcost."), lines.get(3));
        assertTrue(lines.get(5).startsWith("the build's own: 1 warning; "), lines.get(5));
        assertEquals("", lines.get(6));
        // Vgg16's fc6 reads the 512 x 7 x 7 = 25,088 features of the pool: 25,088 x 4,096 weights
        // and 4,096 biases are 102,764,544 of torchvision's 138,357,544 parameters, 74.27 %.
        String lint = "src/main/java/dev/netcost/samples/Vgg16.java:55: warning: [netcost:heavy-classifier] fc6 on"
                + " input (25088): this @Linear holds 102,764,544 of the network's 138,357,544 parameters (74.3 %)";
        assertTrue(lines.get(7).startsWith(lint), lines.get(7));
        assertEquals("    @Linear(out = 4096) Layer fc6;", lines.get(8));
        assertEquals("                  ^", lines.get(9));
        assertEquals("", lines.get(10));
        assertEquals("LeNet5: input (1, 32, 32), batch 1, float32", lines.get(11));
        assertEquals(24, lines.stream().filter(line -> line.matches("\\w+: input \\(.*")).count());
        assertFalse(String.join("\n", lines).contains("\u001b"), "a terminal escape");
    }
}
