package dev.netcost.processor.write;

import dev.netcost.processor.infer.NetworkAnalysis;
import java.util.function.Function;

/** The reports netcost can write beside the classes, as {@code -Anetcost.reports} names them. */
public enum Report {
    JSON("json", JsonReport::render),
    MARKDOWN("md", MarkdownReport::render),
    DOT("dot", DotReport::render);

    private final String extension;
    private final Function<NetworkAnalysis, String> renderer;

    Report(String extension, Function<NetworkAnalysis, String> renderer) {
        this.extension = extension;
        this.renderer = renderer;
    }

    /** The option's name for it, and the file's extension. */
    public String extension() {
        return extension;
    }

    String render(NetworkAnalysis analysis) {
        return renderer.apply(analysis);
    }
}
