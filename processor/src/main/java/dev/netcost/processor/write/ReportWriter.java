package dev.netcost.processor.write;

import dev.netcost.processor.infer.NetworkAnalysis;
import dev.netcost.processor.model.NetworkDecl;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the chosen reports into the class output, under {@code META-INF/netcost/}, named after
 * the network's qualified name, so that a jar carries its models' figures. Each file names the
 * network class as its one originating element, as the companion does.
 */
public final class ReportWriter {
    /** The folder, inside the class output, that holds the reports. */
    public static final String FOLDER = "META-INF/netcost/";

    private final Filer filer;

    public ReportWriter(Filer filer) {
        this.filer = filer;
    }

    public void write(NetworkAnalysis analysis, Set<Report> reports, Element originatingElement) throws IOException {
        for (Report report : Report.values()) {
            if (!reports.contains(report) || !report.appliesTo(analysis)) {
                continue;
            }
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(analysis.network(), report),
                    originatingElement);
            try (Writer out = new GatheringWriter(file.openWriter())) {
                report.write(analysis, out);
            }
        }
    }

    /**
     * {@code META-INF/netcost/dev.netcost.samples.ResNet50.json}; the roofline plot
     * {@code META-INF/netcost/dev.netcost.samples.ResNet50.roofline.svg}.
     */
    public static String path(NetworkDecl network, Report report) {
        String name = String.join(".", network.simpleNames());
        return FOLDER + (network.packageName().isEmpty() ? name : network.packageName() + "." + name) + "."
                + report.extension();
    }
}
