package dev.netcost.processor.check;

import dev.netcost.processor.model.Message;
import dev.netcost.processor.model.Problem;
import dev.netcost.processor.model.ProblemKind;
import dev.netcost.processor.read.LocatedProblem;
import dev.netcost.processor.read.SourceLocation;
import dev.netcost.processor.read.SourceMap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints problems as javac errors on the annotation value at fault, so that the IDE underlines
 * exactly {@code groups = 5}.
 */
public final class DiagnosticReporter {
    private final Messager messager;
    private final java.util.Set<List<Object>> printed = new java.util.HashSet<>();

    public DiagnosticReporter(Messager messager) {
        this.messager = messager;
    }

    public void report(LocatedProblem problem) {
        print(problem.kind(), problem.location(), problem.message());
    }

    public void report(List<LocatedProblem> problems) {
        for (LocatedProblem problem : problems) {
            report(problem);
        }
    }

    /** Problems from the pure core, placed through the network's source map. */
    public void report(List<Problem> problems, SourceMap sources) {
        for (Problem problem : problems) {
            print(problem.fault().kind(), sources.locate(problem), problem.fault().message());
        }
    }

    /**
     * Budget overruns: errors, or with {@code warning} warnings that
     * {@code @SuppressWarnings("netcost:budget")} silences.
     */
    public void reportBudget(List<Problem> problems, SourceMap sources, boolean warning) {
        for (Problem problem : problems) {
            String message = problem.fault().kind().format(problem.fault().message());
            if (warning) {
                warn("netcost:" + problem.fault().kind().id(), sources.locate(problem), message);
            } else {
                print(Diagnostic.Kind.ERROR, sources.locate(problem), message);
            }
        }
    }

    /**
     * A warning, unless {@code @SuppressWarnings} on the element or an enclosing one names
     * {@code suppression}.
     */
    public void warn(String suppression, SourceLocation at, String message) {
        if (Suppressions.suppressed(at.element(), suppression)) {
            return;
        }
        print(Diagnostic.Kind.WARNING, at, message);
    }

    /**
     * An exception netcost did not expect: an error on the class, with the trace, rather than a
     * crash of javac, as AutoValue and MapStruct do.
     */
    public void internalError(Element element, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(element.getSimpleName(), trace),
                element);
    }

    private void print(ProblemKind kind, SourceLocation at, String message) {
        print(Diagnostic.Kind.ERROR, at, kind.format(message));
    }

    /** Prints on the value, else the annotation, else the element. */
    private void print(Diagnostic.Kind kind, SourceLocation at, String message) {
        // A block's own mistakes are read again for every network that uses it: say them once.
        if (!printed.add(List.of(at.element(), at.annotation(), at.value(), message))) {
            return;
        }
        if (at.annotation().isEmpty()) {
            messager.printMessage(kind, message, at.element());
        } else if (at.value().isPresent()) {
            messager.printMessage(kind, message, at.element(), at.annotation().get(), at.value().get());
        } else {
            messager.printMessage(kind, message, at.element(), at.annotation().get());
        }
    }
}
