package dev.netcost.processor.write;

import dev.netcost.processor.infer.NetworkAnalysis;
import java.io.IOException;
import java.io.Writer;

/** The reports netcost can write beside the classes, as {@code -Anetcost.reports} names them. */
public enum Report {
    JSON("json"),
    MARKDOWN("md"),
    DOT("dot"),
    /** The roofline plot, written only for a network with {@code @Roofline}. */
    SVG("svg", "roofline.svg");

    private final String option;
    private final String extension;

    Report(String extension) {
        this(extension, extension);
    }

    Report(String option, String extension) {
        this.option = option;
        this.extension = extension;
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

    /**
     * Writes the report of a network, as it goes: a large network's report is never held whole. A
     * switch rather than a method reference per constant, which a cold compile would spin a class for.
     */
    void write(NetworkAnalysis analysis, Writer out) throws IOException {
        switch (this) {
            case JSON -> JsonReport.write(analysis, out);
            case MARKDOWN -> MarkdownReport.write(analysis, out);
            case DOT -> DotReport.write(analysis, out);
            case SVG -> RooflinePlot.write(analysis, out);
        }
    }
}
