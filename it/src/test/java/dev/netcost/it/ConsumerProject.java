package dev.netcost.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A project that uses netcost, copied afresh from {@code src/it/<name>} into the work directory
 * beside {@code src/it/consumer-parent}, its parent. Its top pom is written from
 * {@code pom.template.xml}, the README's snippet in place of the line {@value #SNIPPET_MARK}: a
 * user's pom, the snippet pasted in. In the poms, {@code @artifactId@} becomes that plugin's
 * version, as netcost's own build uses it.
 */
record ConsumerProject(Path root) {
    static final Path FIXTURES = Path.of("src", "it");
    static final String PARENT = "consumer-parent";
    static final String TEMPLATE = "pom.template.xml";
    static final String SNIPPET_MARK = "<!-- the README's snippet -->";
    private static final Pattern TOKEN = Pattern.compile("@([\\w.-]+)@");

    static ConsumerProject copy(String name, Path work, ReadmeSnippet snippet, Map<String, String> pluginVersions)
            throws IOException {
        copyTree(PARENT, work, snippet, pluginVersions);
        return new ConsumerProject(copyTree(name, work, snippet, pluginVersions));
    }

    private static Path copyTree(String name, Path work, ReadmeSnippet snippet, Map<String, String> pluginVersions)
            throws IOException {
        Path from = FIXTURES.resolve(name);
        Path root = work.resolve(name);
        delete(root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path to = root.resolve(from.relativize(file).toString());
            Files.createDirectories(to.getParent());
            String fileName = to.getFileName().toString();
            if (fileName.equals(TEMPLATE)) {
                String pom = withSnippet(Files.readString(file), snippet, file);
                Files.writeString(to.resolveSibling("pom.xml"), withVersions(pom, pluginVersions, file));
            } else if (fileName.equals("pom.xml")) {
                Files.writeString(to, withVersions(Files.readString(file), pluginVersions, file));
            } else {
                Files.copy(file, to);
            }
        }
        // Maven looks upwards for a .mvn directory to find a project's root; this one stops it
        // at the consumer, before netcost's own.
        Files.createDirectories(root.resolve(".mvn"));
        return root;
    }

    private static String withSnippet(String template, ReadmeSnippet snippet, Path file) {
        int mark = template.indexOf(SNIPPET_MARK);
        if (mark < 0 || template.indexOf(SNIPPET_MARK, mark + 1) >= 0) {
            throw new IllegalStateException(file + " must hold the line " + SNIPPET_MARK + " once");
        }
        int lineStart = template.lastIndexOf('\n', mark) + 1;
        String indent = template.substring(lineStart, mark);
        int lineEnd = template.indexOf('\n', mark) + 1;
        return template.substring(0, lineStart) + snippet.indented(indent) + template.substring(lineEnd);
    }

    private static String withVersions(String pom, Map<String, String> pluginVersions, Path file) {
        Matcher token = TOKEN.matcher(pom);
        StringBuilder filled = new StringBuilder();
        while (token.find()) {
            String version = pluginVersions.get(token.group(1));
            if (version == null) {
                throw new IllegalStateException(file + ": no version for " + token.group());
            }
            token.appendReplacement(filled, Matcher.quoteReplacement(version));
        }
        return token.appendTail(filled).toString();
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
