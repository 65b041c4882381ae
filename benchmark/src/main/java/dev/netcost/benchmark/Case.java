package dev.netcost.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One thing to compile: a set of source files.
 *
 * @param name    as the table shows it
 * @param sources path (for javac's messages) and text of each file
 * @param goal    whether the 10 % goal applies to it
 * @param heap    whether to find the smallest heap that compiles it ({@link HeapProbe})
 */
record Case(String name, List<Source> sources, boolean goal, boolean heap) {
    /** The same case, with its smallest heap found too ({@link HeapProbe}). */
    Case probingHeap() {
        return new Case(name, sources, goal, true);
    }

    /** A source file in memory. */
    record Source(String path, String text) {}

    private static final String PACKAGE = "bench";
    /** An annotation's use: {@code @Bottleneck(}, {@code @LlamaLayer }. */
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)");

    /**
     * A chain of {@code layers} layers: convolution, batch norm, ReLU, again and again, each on
     * the output of the one before.
     */
    static Case chain(int layers, boolean goal) {
        return new Case("chain of " + String.format("%,d", layers), List.of(chainSource("Chain" + layers, layers)),
                goal, false);
    }

    /** {@code count} networks of {@code layers} layers each, one file each. */
    static Case many(int count, int layers) {
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(chainSource("Net" + i, layers));
        }
        return new Case(count + " networks of " + layers, sources, false, false);
    }

    /** A network of the samples module with the blocks it uses, read from the source tree. */
    static Case sample(String network, String... blocks) {
        Path root = Path.of("samples/src/main/java/dev/netcost/samples");
        List<Source> sources = new ArrayList<>();
        sources.add(read(root.resolve(network + ".java")));
        for (String block : blocks) {
            sources.add(read(root.resolve("blocks").resolve(block + ".java")));
        }
        return new Case(network, sources, true, false);
    }

    /** The least network: one {@code @Conv} on (3, 32, 32). */
    static Case oneLayer() {
        String network = """
                package bench;

                import dev.netcost.*;

                @Network(input = {3, 32, 32})
                public class One {
                    @Conv(out = 16, kernel = 3, padding = 1) Layer conv;
                }
                """;
        return new Case("one @Conv", List.of(new Source(PACKAGE + "/One.java", network)), true, false);
    }

    /**
     * A network of the samples module with every block and op it uses, found by name: a file of
     * {@code blocks/} or {@code ops/} is taken when an annotation of its name is used by a file
     * already taken, until none is added.
     */
    static Case sampleWithItsBlocks(String network) {
        Path root = Path.of("samples/src/main/java/dev/netcost/samples");
        Map<String, Path> candidates = new TreeMap<>();
        for (String folder : List.of("blocks", "ops")) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    candidates.put(file.getFileName().toString().replace(".java", ""), file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("run the benchmark from the repository's root: " + e.getMessage(), e);
            }
        }
        List<Source> sources = new ArrayList<>();
        sources.add(read(root.resolve(network + ".java")));
        for (int i = 0; i < sources.size(); i++) {
            Matcher used = ANNOTATION.matcher(sources.get(i).text());
            while (used.find()) {
                Path file = candidates.remove(used.group(1));
                if (file != null) {
                    sources.add(read(file));
                }
            }
        }
        return new Case(network, sources, true, false);
    }

    /**
     * A block of four layers, {@code @Repeat(instances)} on (16, 8, 8): a 3 x 3 convolution whose
     * channels come from {@code @With}, batch norm, ReLU and a residual add, as issue 12 measured it:
     * {@code 4 * instances} layers, {@code instances + 1} block rows.
     */
    static Case repeated(int instances) {
        String block = """
                package bench;

                import dev.netcost.*;

                @Block
                public @interface Unit {
                    int out();

                    final class Layers {
                        @Conv(kernel = 3, padding = 1, bias = false) @With(out = "out") Layer conv;
                        @BatchNorm Layer bn;
                        @ReLU Layer relu;
                        @Add({"relu", "input"}) Layer add;
                    }
                }
                """;
        String network = """
                package bench;

                import dev.netcost.*;

                @Network(input = {16, 8, 8})
                public class Deep {
                    @Unit(out = 16) @Repeat(%d) Layer body;
                }
                """.formatted(instances);
        return new Case("block x " + String.format("%,d", instances), List.of(new Source(PACKAGE + "/Unit.java", block),
                new Source(PACKAGE + "/Deep.java", network)), false, true);
    }

    private static Source read(Path path) {
        try {
            return new Source(path.toString(), Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmark from the repository's root: " + e.getMessage(), e);
        }
    }

    private static Source chainSource(String name, int layers) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n")
                .append("import dev.netcost.*;\n\n")
                .append("@Network(input = {16, 32, 32})\n")
                .append("public class ").append(name).append(" {\n");
        for (int i = 0; i < layers; i++) {
            String layer = switch (i % 3) {
                case 0 -> "@Conv(out = 16, kernel = 3, padding = 1, bias = false)";
                case 1 -> "@BatchNorm";
                default -> "@ReLU";
            };
            s.append("    ").append(layer).append(" Layer l").append(i).append(";\n");
        }
        s.append("}\n");
        return new Source(PACKAGE + "/" + name + ".java", s.toString());
    }
}
