package dev.netcost.processor.write;

import dev.netcost.processor.infer.NetworkAnalysis;
import java.io.IOException;
import java.io.Writer;

/** The reports netcost can write beside the classes, as {@code -Anetcost.reports} names them. */
public enum Report {
    JSON("json", JsonReport::write),
    MARKDOWN("md", MarkdownReport::write),
    DOT("dot", DotReport::write);

    /** Writes one report of a network, as it goes: a large network's report is never held whole. */
    @FunctionalInterface
    interface Renderer {
        void write(NetworkAnalysis analysis, Writer out) throws IOException;
    }

    private final String extension;
    private final Renderer renderer;

    Report(String extension, Renderer renderer) {
        this.extension = extension;
        this.renderer = renderer;
    }

    /** The option's name for it, and the file's extension. */
    public String extension() {
        return extension;
    }

    void write(NetworkAnalysis analysis, Writer out) throws IOException {
        renderer.write(analysis, out);
    }
}
