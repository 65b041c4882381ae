package dev.netcost.processor.check;

import dev.netcost.processor.lint.Finding;
import dev.netcost.processor.read.SourceMap;
import java.util.List;
import java.util.Set;

/** Prints lint findings as javac warnings on the value at fault, honouring {@code @SuppressWarnings}. */
public final class LintReporter {
    private final DiagnosticReporter reporter;

    public LintReporter(DiagnosticReporter reporter) {
        this.reporter = reporter;
    }

    /**
     * @param typesBeingCompiled the top-level types compiled from source: a block from a library
     *     is its author's to lint, not its user's
     */
    public void report(List<Finding> findings, SourceMap sources, Set<String> typesBeingCompiled) {
        for (Finding finding : findings) {
            if (finding.block().isPresent() && !compiledNow(finding.block().get(), typesBeingCompiled)) {
                continue;
            }
            reporter.warn(finding.lint().suppression(), sources.locate(finding.block(), finding.nodeIndex(),
                    finding.attr(), java.util.Optional.empty()), finding.lint().format(finding.message()));
        }
    }

    private static boolean compiledNow(String qualifiedName, Set<String> typesBeingCompiled) {
        for (String type : typesBeingCompiled) {
            if (qualifiedName.equals(type) || qualifiedName.startsWith(type + ".")) {
                return true;
            }
        }
        return false;
    }
}
