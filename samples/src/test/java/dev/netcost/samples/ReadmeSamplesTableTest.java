package dev.netcost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's table of samples says what the companions say: a row for every sample network,
 * and in each row the companion's PARAMS, BUFFERS (the "(+ n)" after the parameters, none when
 * there are none), MACS, and the KV cache where the row gives one in bytes.
 */
class ReadmeSamplesTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path REPORTS = Path.of("target", "classes", "META-INF", "netcost");
    private static final String PACKAGE = "dev.netcost.samples.";

    private static final Pattern SAMPLE = Pattern.compile("`(\\w+)`.*");
    private static final Pattern PARAMS = Pattern.compile("([\\d,]+)(?: \\(\\+ ([\\d,]+)(?: buffers)?\\))?");
    private static final Pattern NUMBER = Pattern.compile("[\\d,]+");
    private static final Pattern KV_CACHE = Pattern.compile("KV cache ([\\d,]+) B");

    /** One row: the sample's name and its cells after the first. */
    private record Row(String sample, String params, String macs, String checkedAgainst) {}

    private static List<Row> rows() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Samples\n");
        assertTrue(start >= 0, "README.md has no section \"## Samples\"");
        int end = readme.indexOf("\n## ", start + 1);
        List<String> lines = readme.substring(start, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("| `")).toList();
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            assertEquals(4, cells.length, line);
            Matcher sample = SAMPLE.matcher(cells[0].trim());
            assertTrue(sample.matches(), line);
            rows.add(new Row(sample.group(1), cells[1].trim(), cells[2].trim(), cells[3].trim()));
        }
        return rows;
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static long constant(String sample, String name) throws ReflectiveOperationException {
        return Class.forName(PACKAGE + sample + "Cost").getField(name).getLong(null);
    }

    @Test
    void everySampleNetworkHasARow() throws IOException {
        Set<String> networks;
        try (Stream<Path> reports = Files.list(REPORTS)) {
            networks = reports.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(PACKAGE) && name.endsWith(".json"))
                    .map(name -> name.substring(PACKAGE.length(), name.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> rows = rows().stream().map(Row::sample).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(networks, rows);
    }

    @Test
    void everyRowHoldsItsCompanionsFigures() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            Matcher params = PARAMS.matcher(row.params());
            if (!params.matches()) {
                wrong.add(row.sample() + ": the PARAMS cell \"" + row.params() + "\" is no count");
                continue;
            }
            check(wrong, row, "PARAMS", number(params.group(1)));
            check(wrong, row, "BUFFERS", params.group(2) == null ? 0 : number(params.group(2)));
            if (!NUMBER.matcher(row.macs()).matches()) {
                wrong.add(row.sample() + ": the MACS cell \"" + row.macs() + "\" is no count");
            } else {
                check(wrong, row, "MACS", number(row.macs()));
            }
            Matcher kvCache = KV_CACHE.matcher(row.checkedAgainst());
            if (kvCache.find()) {
                check(wrong, row, "KV_CACHE_BYTES", number(kvCache.group(1)));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, Row row, String constant, long readme)
            throws ReflectiveOperationException {
        long companion = constant(row.sample(), constant);
        if (companion != readme) {
            wrong.add(row.sample() + ": the README says " + constant + " = " + readme + ", the companion " + companion);
        }
    }
}
