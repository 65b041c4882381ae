package dev.netcost.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The Maven snippet of the README's "Using it in your build": the first {@code xml} block of that
 * section, read from README.md as it stands, so the tests build what a user copies.
 */
record ReadmeSnippet(String xml) {
    static final Path README = Path.of("..", "README.md");
    static final String SECTION = "## Using it in your build";

    static ReadmeSnippet read() throws IOException {
        return of(Files.readString(README));
    }

    static ReadmeSnippet of(String readme) {
        int section = readme.indexOf("\n" + SECTION + "\n");
        if (section < 0) {
            throw new IllegalStateException("README.md has no section \"" + SECTION + "\"");
        }
        int nextSection = readme.indexOf("\n## ", section + 1);
        int open = readme.indexOf("\n```xml\n", section);
        if (open < 0 || (nextSection >= 0 && open > nextSection)) {
            throw new IllegalStateException("README.md's \"" + SECTION + "\" has no ```xml block");
        }
        int start = open + "\n```xml\n".length();
        int close = readme.indexOf("\n```\n", start - 1);
        if (close < 0) {
            throw new IllegalStateException("README.md's ```xml block in \"" + SECTION + "\" is not closed");
        }
        return new ReadmeSnippet(readme.substring(start, close + 1));
    }

    /** The snippet, every line indented, to sit inside a pom's {@code <project>}. */
    String indented(String indent) {
        return xml.lines().map(line -> (line.isEmpty() ? line : indent + line) + "\n").collect(Collectors.joining());
    }
}
