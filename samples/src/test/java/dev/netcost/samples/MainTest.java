package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job's output: what it prints, said first; the samples' lint; then the summaries; and
 * the README's Quick start shows it as it is.
 */
class MainTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path REPORTS = Path.of("target", "classes", "META-INF", "netcost");

    /** What Main prints, run from this module's directory; the job runs from the repository's. */
    private static List<String> lines;

    @BeforeAll
    static void runMain() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Main.main(new String[] {SOURCES.toString(), REPORTS.toString()});
        } finally {
            System.setOut(out);
        }
        lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void saysWhatItPrintsThenTheLintThenTheSummaries() {
        assertEquals("netcost samples: 25 networks declared in src/main/java.", lines.get(0));
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
        assertEquals(25, lines.stream().filter(line -> line.matches("\\w+: input \\(.*")).count());
    }

    @Test
    void printsNoTerminalEscapes() {
        assertFalse(String.join("\n", lines).contains("\u001b"), "a terminal escape");
    }

    /** The Quick start's excerpt, up to its "...", is the output's start, paths from the root. */
    @Test
    void theReadmeQuickStartShowsTheStartOfThisOutput() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int intro = readme.indexOf("The main job starts by saying what it prints");
        assertTrue(intro >= 0, "README.md's Quick start no longer shows the main job's output");
        int open = readme.indexOf("```\n", intro) + "```\n".length();
        List<String> excerpt = readme.substring(open, readme.indexOf("\n...\n```", open)).lines()
                .map(line -> line.replace("samples/src/", "src/").replace("samples/target/", "target/"))
                .toList();
        assertEquals(excerpt, lines.subList(0, excerpt.size()));
    }
}
