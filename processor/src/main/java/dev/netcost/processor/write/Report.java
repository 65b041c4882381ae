package dev.netcost.processor.write;

import dev.netcost.processor.infer.NetworkAnalysis;
import java.io.IOException;
import java.io.Writer;

/** The reports netcost can write beside the classes, as {@code -Anetcost.reports} names them. */
public enum Report {
    JSON("json", JsonReport::write),
    MARKDOWN("md", MarkdownReport::write),
    DOT("dot", DotReport::write),
    /** The roofline plot, written only for a network with {@code @Roofline}. */
    SVG("svg", "roofline.svg", RooflinePlot::write);

    /** Writes one report of a network, as it goes: a large network's report is never held whole. */
    @FunctionalInterface
    interface Renderer {
        void write(NetworkAnalysis analysis, Writer out) throws IOException;
    }

    private final String option;
    private final String extension;
    private final Renderer renderer;

    Report(String extension, Renderer renderer) {
        this(extension, extension, renderer);
    }

    Report(String option, String extension, Renderer renderer) {
        this.option = option;
        this.extension = extension;
        this.renderer = renderer;
    }

    /** The option's name for it: {@code json}, {@code svg}. */
    public String option() {
        return option;
    }

    /** What the file's name ends with, after the network's: {@code json}, {@code roofline.svg}. */
    public String extension() {
        return extension;
    }

    /** Whether a network has it: the roofline plot only one with devices. */
    boolean appliesTo(NetworkAnalysis analysis) {
        return this != SVG || !analysis.roofline().isEmpty();
    }

    void write(NetworkAnalysis analysis, Writer out) throws IOException {
        renderer.write(analysis, out);
    }
}
